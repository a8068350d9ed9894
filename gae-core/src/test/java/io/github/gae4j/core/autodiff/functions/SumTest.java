// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SumTest implements GradientCheck {

    @Test
    void forward() {
        Matrix out =
                new ComputationContext().forward(Sum.of(Constant.of(Matrix.of(new double[][] {{1, 2}, {3, -10}}))));
        assertThat(out.rows()).isEqualTo(1);
        assertThat(out.cols()).isEqualTo(1);
        assertThat(out.scalarValue()).isEqualTo(-4.0);
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(3, 4, 1));
        // Sum of a non-linear function so the check sees more than the constant 1.
        assertGradientsMatch(List.of(x), Sum.of(ElementMul.of(x, x)));
        assertGradientsMatch(List.of(x), Sum.of(x));
    }

    @Test
    void gradientIsOnesTimesUpstream() {
        Weights x = new Weights("x", randomMatrix(2, 3, 2));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Scale.of(Sum.of(x), 3.0));
        assertThat(ctx.gradient(x).data()).containsOnly(3.0);
    }
}
