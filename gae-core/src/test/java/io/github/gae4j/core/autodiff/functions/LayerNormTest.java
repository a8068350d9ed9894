// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LayerNormTest implements GradientCheck {

    @Test
    void everyRowGetsMeanZeroAndVarianceOne() {
        Matrix x = Matrix.of(new double[][] {{1, 2, 3, 6}, {-4, 0, 4, 8}, {5, 5, 5, 9}});
        Matrix y = new ComputationContext().forward(LayerNorm.of(Constant.of(x), 1e-12));
        for (int i = 0; i < y.rows(); i++) {
            double mean = 0;
            double sq = 0;
            for (int k = 0; k < y.cols(); k++) {
                mean += y.get(i, k) / y.cols();
            }
            for (int k = 0; k < y.cols(); k++) {
                sq += (y.get(i, k) - mean) * (y.get(i, k) - mean) / y.cols();
            }
            assertThat(mean).isCloseTo(0, within(1e-12));
            assertThat(sq).isCloseTo(1, within(1e-9));
        }
        // Row 0: mean 3, biased variance (4 + 1 + 0 + 9) / 4 = 3.5.
        assertThat(y.get(0, 0)).isCloseTo(-2 / Math.sqrt(3.5), within(1e-12));
    }

    @Test
    void epsilonKeepsAConstantRowFinite() {
        Matrix y = new ComputationContext().forward(LayerNorm.of(Constant.of(Matrix.of(new double[][] {{2, 2, 2}}))));
        assertThat(y.data()).containsOnly(0.0);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Weights x = new Weights("x", randomMatrix(4, 5, 1));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(LayerNorm.of(x), 2));
    }

    @Test
    void gradientWithGainAndShiftComposed() {
        Weights x = new Weights("x", randomMatrix(3, 4, 3));
        Weights gain = new Weights("gain", randomMatrix(1, 4, 4));
        Weights shift = new Weights("shift", randomMatrix(1, 4, 5));
        assertGradientsMatch(
                List.of(x, gain, shift),
                MatMulTest.weightedSum(AddBias.of(ScaleColumns.of(LayerNorm.of(x), gain), shift), 6));
    }

    @Test
    void rejectsABadEpsilonAndEmptyRows() {
        assertThatThrownBy(() -> LayerNorm.of(Constant.of(Matrix.zeros(2, 3)), 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon");
        assertThatThrownBy(() -> LayerNorm.of(Constant.of(Matrix.zeros(2, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 0)");
    }
}
