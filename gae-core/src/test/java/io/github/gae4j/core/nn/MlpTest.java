// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.nn;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class MlpTest implements GradientCheck {

    @Test
    void registersEveryLayerAndNormInOrder() {
        WeightRegistry registry = new WeightRegistry();
        Mlp mlp = Mlp.create(
                "gin.l0",
                new int[] {5, 8, 8, 3},
                true,
                Optional.of(AffineNorm.Kind.BATCH),
                new SplittableRandom(1),
                registry);
        assertThat(registry.weights())
                .extracting(Weights::name)
                .containsExactly(
                        "gin.l0.0.w",
                        "gin.l0.0.b",
                        "gin.l0.norm0.gain",
                        "gin.l0.norm0.shift",
                        "gin.l0.1.w",
                        "gin.l0.1.b",
                        "gin.l0.norm1.gain",
                        "gin.l0.norm1.shift",
                        "gin.l0.2.w",
                        "gin.l0.2.b");
        assertThat(mlp.outputDim()).isEqualTo(3);
        assertThat(mlp.layers()).hasSize(3);
    }

    @Test
    void isLinearReluLinearWithoutNorm() {
        WeightRegistry registry = new WeightRegistry();
        Mlp mlp = Mlp.create("m", new int[] {2, 3, 2}, false, Optional.empty(), new SplittableRandom(4), registry);
        Matrix x = randomMatrix(4, 2, 5);
        Matrix h = x.multiply(mlp.layers().get(0).weight().data()).map(v -> Math.max(0, v));
        Matrix expected = h.multiply(mlp.layers().get(1).weight().data());
        Matrix y = new ComputationContext().forward(mlp.apply(Constant.of(x)));
        assertThat(y.data()).containsExactly(expected.data(), within(1e-14));
    }

    @Test
    void firstLayerOutputTakenAnotherWayGivesTheSameResult() {
        WeightRegistry registry = new WeightRegistry();
        Mlp mlp = Mlp.create(
                "m", new int[] {3, 4, 2}, true, Optional.of(AffineNorm.Kind.LAYER), new SplittableRandom(6), registry);
        Constant x = Constant.of(randomMatrix(5, 3, 7));
        Matrix direct = new ComputationContext().forward(mlp.apply(x));
        Matrix split = new ComputationContext()
                .forward(mlp.fromFirstLayerOutput(
                        mlp.first().addBias(MatMul.of(x, mlp.first().weight())), 0, null));
        assertThat(split.data()).containsExactly(direct.data());
    }

    @Test
    void gradientsThroughEveryLayerNormAndDropout() {
        WeightRegistry registry = new WeightRegistry();
        Mlp mlp = Mlp.create(
                "m",
                new int[] {3, 6, 5, 2},
                true,
                Optional.of(AffineNorm.Kind.LAYER),
                new SplittableRandom(8),
                registry);
        Weights x = new Weights("x", randomMatrix(6, 3, 9));
        List<Weights> all = new ArrayList<>(registry.weights());
        all.add(x);
        // Dropout masks are drawn once, at graph construction, so the finite differences see the same mask.
        assertGradientsMatch(all, LinearTest.weightedSum(mlp.apply(x, 0.3, new SplittableRandom(10)), 11));
    }

    @Test
    void rejectsFewerThanTwoWidths() {
        assertThatThrownBy(() -> Mlp.create(
                        "m", new int[] {3}, true, Optional.empty(), new SplittableRandom(1), new WeightRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'m'")
                .hasMessageContaining("[3]");
    }
}
