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

final class RowDotTest implements GradientCheck {

    @Test
    void forwardIsDotProductOfChosenRows() {
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Matrix b = Matrix.of(new double[][] {{1, 0}, {0, 1}});
        Matrix out = new ComputationContext()
                .forward(RowDot.of(Constant.of(a), new int[] {0, 2, 1}, Constant.of(b), new int[] {1, 0, 1}));
        assertThat(out.rows()).isEqualTo(3);
        assertThat(out.cols()).isEqualTo(1);
        assertThat(out.data()).containsExactly(2, 5, 4);
    }

    @Test
    void forwardMatchesRowsOfZZt() {
        Matrix z = randomMatrix(6, 4, 1);
        int[] left = {0, 1, 5, 3, 3};
        int[] right = {1, 1, 2, 4, 3};
        Matrix out = new ComputationContext().forward(RowDot.of(Constant.of(z), left, Constant.of(z), right));
        Matrix zzt = z.multiplyTranspose(z);
        for (int e = 0; e < left.length; e++) {
            assertThat(out.get(e, 0)).isCloseTo(zzt.get(left[e], right[e]), within(1e-12));
        }
    }

    @Test
    void gradientOfTwoDifferentVariables() {
        Weights a = new Weights("a", randomMatrix(5, 3, 2));
        Weights b = new Weights("b", randomMatrix(4, 3, 3));
        assertGradientsMatch(
                List.of(a, b),
                MatMulTest.weightedSum(RowDot.of(a, new int[] {0, 4, 4, 2}, b, new int[] {3, 0, 1, 3}), 4));
    }

    @Test
    void gradientOfSameVariableOnBothSidesWithRepeatedPairsAndDiagonal() {
        Weights z = new Weights("z", randomMatrix(5, 3, 5));
        int[] left = {0, 1, 0, 2, 3, 3, 4};
        int[] right = {1, 0, 1, 2, 4, 4, 0};
        assertGradientsMatch(List.of(z), MatMulTest.weightedSum(RowDot.of(z, left, z, right), 6));
    }

    @Test
    void rejectsDifferentWidths() {
        Constant a = Constant.of(Matrix.zeros(3, 2));
        Constant b = Constant.of(Matrix.zeros(3, 4));
        assertThatThrownBy(() -> RowDot.of(a, new int[] {0}, b, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 2)")
                .hasMessageContaining("(3, 4)");
    }

    @Test
    void rejectsBadIndexArrays() {
        Constant a = Constant.of(Matrix.zeros(3, 2));
        assertThatThrownBy(() -> RowDot.of(a, new int[] {0, 1}, a, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 and 1");
        assertThatThrownBy(() -> RowDot.of(a, new int[] {0}, a, new int[] {7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pair 0 (0, 7) out of range for (3, 2) and (3, 2)");
    }
}
