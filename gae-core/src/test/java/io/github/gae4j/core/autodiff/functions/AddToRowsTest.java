// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AddToRowsTest implements GradientCheck {

    @Test
    void addsTheRowToTheListedRowsOnly() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        Matrix r = Matrix.of(new double[][] {{10, 20}});
        Matrix out = new ComputationContext().forward(AddToRows.of(Constant.of(x), new int[] {1, 3}, Constant.of(r)));
        assertThat(out.toArray()).isEqualTo(new double[][] {{1, 2}, {13, 24}, {5, 6}, {17, 28}});
        assertThat(x.toArray()).as("input untouched").isEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
    }

    @Test
    void gradientsOfInputAndRow() {
        Weights x = new Weights("x", randomMatrix(5, 3, 1));
        Weights r = new Weights("r", randomMatrix(1, 3, 2));
        assertGradientsMatch(List.of(x, r), MatMulTest.weightedSum(AddToRows.of(x, new int[] {0, 2, 3}, r), 3));
    }

    /** The row's gradient is the column sums of the upstream gradient over the listed rows. */
    @Test
    void rowGradientSumsTheListedRows() {
        Weights x = new Weights("x", Matrix.zeros(4, 2));
        Weights r = new Weights("r", Matrix.zeros(1, 2));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(ElementMul.of(AddToRows.of(x, new int[] {0, 2}, r), Constant.of(Matrix.of(new double[][] {
            {1, 2}, {3, 4}, {5, 6}, {7, 8}
        })))));
        assertThat(ctx.gradient(r).toArray()).isEqualTo(new double[][] {{6, 8}});
        assertThat(ctx.gradient(x).toArray()).isEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
    }

    /** A token through a product that shares its right factor with the input (X = I: X·W is W itself). */
    @Test
    void gradientWhenTheRowIsAProductWithTheInput() {
        Weights w = new Weights("w", randomMatrix(4, 3, 4));
        Weights t = new Weights("t", randomMatrix(1, 4, 5));
        assertGradientsMatch(
                List.of(w, t), MatMulTest.weightedSum(AddToRows.of(w, new int[] {1, 2}, MatMul.of(t, w)), 6));
    }

    @Test
    void noRowsIsTheIdentity() {
        Weights x = new Weights("x", randomMatrix(3, 2, 7));
        Weights r = new Weights("r", randomMatrix(1, 2, 8));
        assertThat(new ComputationContext().forward(AddToRows.of(x, new int[0], r)))
                .isEqualTo(x.data());
    }

    @Test
    void rejectsBadRowsAndShapes() {
        Constant x = Constant.of(Matrix.zeros(4, 3));
        Constant r = Constant.of(Matrix.zeros(1, 3));
        assertThatThrownBy(() -> AddToRows.of(x, new int[] {0, 4}, r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 4 at position 1");
        assertThatThrownBy(() -> AddToRows.of(x, new int[] {2, 1}, r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sorted, distinct");
        assertThatThrownBy(() -> AddToRows.of(x, new int[] {1, 1}, r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sorted, distinct");
        assertThatThrownBy(() -> AddToRows.of(x, new int[] {0}, Constant.of(Matrix.zeros(1, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(4, 3)")
                .hasMessageContaining("(1, 2)");
        Constant square = Constant.of(Matrix.zeros(1, 3));
        assertThatThrownBy(() -> AddToRows.of(square, new int[] {0}, square))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("itself");
    }
}
