// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.nn;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.LayerNorm;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AffineNormTest implements GradientCheck {

    @Test
    void startsAsThePlainNormAndRegistersGainThenShift() {
        WeightRegistry registry = new WeightRegistry();
        AffineNorm norm = AffineNorm.create(AffineNorm.Kind.LAYER, "n", 3, registry);
        assertThat(registry.weights()).extracting(Weights::name).containsExactly("n.gain", "n.shift");
        Matrix x = randomMatrix(4, 3, 1);
        Matrix affine = new ComputationContext().forward(norm.apply(Constant.of(x)));
        Matrix plain = new ComputationContext().forward(LayerNorm.of(Constant.of(x)));
        assertThat(affine.data()).containsExactly(plain.data(), within(1e-15));
    }

    @Test
    void gainAndShiftApplyPerColumn() {
        WeightRegistry registry = new WeightRegistry();
        AffineNorm norm = AffineNorm.create(AffineNorm.Kind.BATCH, "n", 2, registry);
        norm.gain().data().set(0, 1, 3);
        norm.shift().data().set(0, 1, -1);
        // Column 1 is {0, 2}: batch-normalised to {-1, 1} (up to ε), then · 3 − 1.
        Matrix y =
                new ComputationContext().forward(norm.apply(Constant.of(Matrix.of(new double[][] {{5, 0}, {7, 2}}))));
        assertThat(y.get(0, 1)).isCloseTo(-4, within(1e-4));
        assertThat(y.get(1, 1)).isCloseTo(2, within(1e-4));
        assertThat(y.get(0, 0)).isCloseTo(-1, within(1e-4));
    }

    @Test
    void gradientsOfLayerForm() {
        checkGradients(AffineNorm.Kind.LAYER);
    }

    @Test
    void gradientsOfBatchForm() {
        checkGradients(AffineNorm.Kind.BATCH);
    }

    private void checkGradients(AffineNorm.Kind kind) {
        WeightRegistry registry = new WeightRegistry();
        AffineNorm norm = AffineNorm.create(kind, "n", 4, registry);
        norm.gain().data().data()[1] = 0.4;
        norm.shift().data().data()[2] = -0.7;
        Weights x = new Weights("x", randomMatrix(5, 4, 2));
        List<Weights> all = new ArrayList<>(registry.weights());
        all.add(x);
        assertGradientsMatch(all, LinearTest.weightedSum(norm.apply(x), 3));
    }
}
