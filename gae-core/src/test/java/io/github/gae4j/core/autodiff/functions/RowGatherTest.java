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

final class RowGatherTest implements GradientCheck {

    @Test
    void forwardPicksRowsInOrder() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Matrix out = new ComputationContext().forward(RowGather.of(Constant.of(x), new int[] {2, 0, 2}));
        assertThat(out.toArray()).isEqualTo(new double[][] {{5, 6}, {1, 2}, {5, 6}});
    }

    @Test
    void gradientWithRepeatedIndices() {
        Weights x = new Weights("x", randomMatrix(5, 3, 1));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(RowGather.of(x, new int[] {3, 0, 3, 3, 1, 0}), 2));
    }

    @Test
    void repeatedRowsAccumulate() {
        Weights x = new Weights("x", Matrix.zeros(3, 2));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(RowGather.of(x, new int[] {1, 1, 1, 0})));
        assertThat(ctx.gradient(x).toArray()).isEqualTo(new double[][] {{1, 1}, {3, 3}, {0, 0}});
    }

    @Test
    void rejectsOutOfRangeIndex() {
        Constant x = Constant.of(Matrix.zeros(3, 2));
        assertThatThrownBy(() -> RowGather.of(x, new int[] {0, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 3 at position 1 out of range [0, 3)");
        assertThatThrownBy(() -> RowGather.of(x, new int[] {-1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index -1");
    }
}
