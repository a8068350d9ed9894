// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.nn;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class LinearTest implements GradientCheck {

    static Variable weightedSum(Variable x, long seed) {
        return Sum.of(ElementMul.of(x, Constant.of(randomMatrix(x.rows(), x.cols(), seed))));
    }

    @Test
    void namesAndRegistersItsWeightsOnceAndDrawsWLikeGlorotUniform() {
        WeightRegistry registry = new WeightRegistry();
        Linear layer = Linear.create("enc.l0", 3, 2, true, new SplittableRandom(7), registry);
        assertThat(registry.weights()).extracting(Weights::name).containsExactly("enc.l0.w", "enc.l0.b");
        assertThat(layer.weight().data()).isEqualTo(GlorotUniform.sample(3, 2, new SplittableRandom(7)));
        assertThat(layer.bias().orElseThrow().data().data()).containsOnly(0.0);
        assertThat(Linear.create("x", 3, 2, false, new SplittableRandom(7), new WeightRegistry())
                        .bias())
                .isEmpty();
    }

    @Test
    void computesXwPlusB() {
        WeightRegistry registry = new WeightRegistry();
        Linear layer = Linear.create("l", 2, 2, true, new SplittableRandom(1), registry);
        Matrix w = layer.weight().data();
        layer.bias().orElseThrow().data().set(0, 1, 5);
        Matrix x = Matrix.of(new double[][] {{1, 2}});
        Matrix y = new ComputationContext().forward(layer.apply(Constant.of(x)));
        assertThat(y.get(0, 0)).isEqualTo(w.get(0, 0) + 2 * w.get(1, 0));
        assertThat(y.get(0, 1)).isEqualTo(w.get(0, 1) + 2 * w.get(1, 1) + 5);
    }

    @Test
    void gradientsOfInputWeightAndBias() {
        WeightRegistry registry = new WeightRegistry();
        Linear layer = Linear.create("l", 3, 4, true, new SplittableRandom(2), registry);
        registry.weights().get(1).data().data()[2] = 0.3;
        Weights x = new Weights("x", randomMatrix(5, 3, 3));
        List<Weights> all = new ArrayList<>(registry.weights());
        all.add(x);
        assertGradientsMatch(all, weightedSum(layer.apply(x), 4));
    }

    @Test
    void aDuplicatePrefixFailsNamingTheWeight() {
        WeightRegistry registry = new WeightRegistry();
        Linear.create("l", 2, 2, true, new SplittableRandom(1), registry);
        assertThatThrownBy(() -> Linear.create("l", 2, 3, false, new SplittableRandom(1), registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'l.w'");
    }

    @Test
    void rejectsEmptySizes() {
        assertThatThrownBy(() -> Linear.create("l", 0, 2, true, new SplittableRandom(1), new WeightRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'l'")
                .hasMessageContaining("in 0");
    }
}
