// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ClampTest implements GradientCheck {

    @Test
    void forwardClampsBothSides() {
        Matrix out = new ComputationContext()
                .forward(Clamp.of(Constant.of(Matrix.of(new double[][] {{-3, -0.5, 0.5, 3}})), -1, 1));
        assertThat(out.toArray()).isEqualTo(new double[][] {{-1, -0.5, 0.5, 1}});
    }

    @Test
    void maxClampsOnlyFromAbove() {
        Matrix out =
                new ComputationContext().forward(Clamp.max(Constant.of(Matrix.of(new double[][] {{-1e6, 9, 11}})), 10));
        assertThat(out.toArray()).isEqualTo(new double[][] {{-1e6, 9, 10}});
    }

    @Test
    void gradientInsideRange() {
        Weights x = new Weights("x", Matrix.of(new double[][] {{-0.7, 0.2}, {0.4, -0.1}}));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Clamp.of(x, -1, 1), 1));
    }

    @Test
    void gradientOutsideRangeIsZero() {
        Weights x = new Weights("x", Matrix.of(new double[][] {{-3, 0.2}, {2.5, -0.1}}));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Clamp.of(x, -1, 1), 2));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(Clamp.of(x, -1, 1)));
        assertThat(ctx.gradient(x).toArray()).isEqualTo(new double[][] {{0, 1}, {0, 1}});
    }

    @Test
    void rejectsEmptyRange() {
        Constant x = Constant.of(Matrix.zeros(1, 1));
        assertThatThrownBy(() -> Clamp.of(x, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lo < hi");
        assertThatThrownBy(() -> Clamp.of(x, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.0 and 1.0");
    }
}
