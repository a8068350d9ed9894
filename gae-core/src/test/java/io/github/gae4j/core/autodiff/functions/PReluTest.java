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

final class PReluTest implements GradientCheck {

    @Test
    void scalesOnlyTheNegativeEntries() {
        Matrix y = new ComputationContext()
                .forward(PRelu.of(
                        Constant.of(Matrix.of(new double[][] {{-2, 0, 3}})),
                        Constant.of(Matrix.of(new double[][] {{0.25}}))));
        assertThat(y.toArray()).isEqualTo(new double[][] {{-0.5, 0, 3}});
    }

    @Test
    void slopeGradientSumsGradientTimesInputOverNonPositiveEntries() {
        Weights x = new Weights("x", Matrix.of(new double[][] {{-2, 1}, {-3, 0}}));
        Weights a = new Weights("a", Matrix.of(new double[][] {{0.1}}));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(PRelu.of(x, a)));
        assertThat(ctx.gradient(a).toArray()).isEqualTo(new double[][] {{-5.0}});
        assertThat(ctx.gradient(x).toArray()).isEqualTo(new double[][] {{0.1, 1}, {0.1, 0.1}});
    }

    @Test
    void gradientsOfInputAndSlope() {
        Weights x = new Weights("x", randomMatrix(4, 3, 1).scale(3));
        Weights a = new Weights("a", Matrix.of(new double[][] {{0.3}}));
        assertGradientsMatch(List.of(x, a), MatMulTest.weightedSum(PRelu.of(x, a), 2));
    }

    @Test
    void negativeSlopeIsAllowed() {
        Weights x = new Weights("x", randomMatrix(3, 2, 5).scale(2));
        Weights a = new Weights("a", Matrix.of(new double[][] {{-0.7}}));
        assertGradientsMatch(List.of(x, a), MatMulTest.weightedSum(PRelu.of(x, a), 6));
    }

    @Test
    void slopeMustBeOneByOne() {
        assertThatThrownBy(() -> PRelu.of(Constant.of(Matrix.zeros(2, 3)), Constant.of(Matrix.zeros(1, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1×1 slope")
                .hasMessageContaining("(1, 3)");
    }
}
