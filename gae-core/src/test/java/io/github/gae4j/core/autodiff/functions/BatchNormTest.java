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

final class BatchNormTest implements GradientCheck {

    @Test
    void everyColumnGetsMeanZeroAndVarianceOneOverTheRows() {
        Matrix x = randomMatrix(6, 3, 1).map(v -> 3 * v + 2);
        Matrix y = new ComputationContext().forward(BatchNorm.of(Constant.of(x), 1e-12));
        for (int k = 0; k < y.cols(); k++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < y.rows(); i++) {
                mean += y.get(i, k) / y.rows();
            }
            for (int i = 0; i < y.rows(); i++) {
                sq += (y.get(i, k) - mean) * (y.get(i, k) - mean) / y.rows();
            }
            assertThat(mean).isCloseTo(0, within(1e-12));
            assertThat(sq).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void isLayerNormOfTheTranspose() {
        Matrix x = randomMatrix(5, 3, 2);
        Matrix batch = new ComputationContext().forward(BatchNorm.of(Constant.of(x)));
        Matrix layer = new ComputationContext().forward(LayerNorm.of(Constant.of(x.transpose())));
        assertThat(batch.toArray()).isDeepEqualTo(layer.transpose().toArray());
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Weights x = new Weights("x", randomMatrix(5, 4, 3));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(BatchNorm.of(x), 4));
    }

    @Test
    void gradientWithGainAndShiftComposed() {
        Weights x = new Weights("x", randomMatrix(6, 3, 5));
        Weights gain = new Weights("gain", randomMatrix(1, 3, 6));
        Weights shift = new Weights("shift", randomMatrix(1, 3, 7));
        assertGradientsMatch(
                List.of(x, gain, shift),
                MatMulTest.weightedSum(AddBias.of(ScaleColumns.of(BatchNorm.of(x), gain), shift), 8));
    }

    @Test
    void rejectsABadEpsilonAndAnEmptyBatch() {
        assertThatThrownBy(() -> BatchNorm.of(Constant.of(Matrix.zeros(2, 3)), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon");
        assertThatThrownBy(() -> BatchNorm.of(Constant.of(Matrix.zeros(0, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 3)");
    }
}
