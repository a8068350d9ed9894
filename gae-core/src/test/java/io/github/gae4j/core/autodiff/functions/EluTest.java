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

final class EluTest implements GradientCheck {

    @Test
    void values() {
        Matrix y = new ComputationContext().forward(Elu.of(Constant.of(Matrix.of(new double[][] {{-1, 0, 2, -800}}))));
        assertThat(y.get(0, 0)).isCloseTo(Math.exp(-1) - 1, within(1e-15));
        assertThat(y.get(0, 1)).isZero();
        assertThat(y.get(0, 2)).isEqualTo(2.0);
        assertThat(y.get(0, 3)).isEqualTo(-1.0);
        Matrix scaled = new ComputationContext().forward(Elu.of(Constant.of(Matrix.of(new double[][] {{-1}})), 0.5));
        assertThat(scaled.get(0, 0)).isCloseTo(0.5 * (Math.exp(-1) - 1), within(1e-15));
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(4, 3, 1).scale(3));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Elu.of(x), 2));
    }

    @Test
    void gradientWithOtherAlpha() {
        Weights x = new Weights("x", randomMatrix(3, 3, 3).scale(2));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Elu.of(x, 1.7), 4));
    }

    @Test
    void gradientIsFiniteForLargeNegativeInputs() {
        Weights x = new Weights("x", Matrix.of(new double[][] {{-800, 800}}));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(Elu.of(x)));
        assertThat(ctx.gradient(x).toArray()).isEqualTo(new double[][] {{0.0, 1.0}});
    }

    @Test
    void rejectsNonPositiveAlpha() {
        assertThatThrownBy(() -> Elu.of(Constant.of(Matrix.zeros(1, 1)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
