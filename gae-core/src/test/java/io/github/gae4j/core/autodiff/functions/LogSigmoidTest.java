// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LogSigmoidTest implements GradientCheck {

    @Test
    void valuesAreStableForLargeInputs() {
        Matrix out = new ComputationContext().forward(LogSigmoid.of(Constant.of(Matrix.of(new double[][] {
            {0, 2, -800, 800}
        }))));
        assertThat(out.get(0, 0)).isCloseTo(-Math.log(2), within(1e-15));
        assertThat(out.get(0, 1)).isCloseTo(Math.log(0.8807970779778823), within(1e-15));
        assertThat(out.get(0, 2)).isEqualTo(-800.0);
        assertThat(out.get(0, 3)).isCloseTo(0.0, within(1e-300));
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(4, 2, 1).scale(4));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(LogSigmoid.of(x), 2));
    }

    @Test
    void gradientIsFiniteForLargeInputs() {
        Weights x = new Weights("x", Matrix.of(new double[][] {{-800, 800}}));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(LogSigmoid.of(x)));
        assertThat(ctx.gradient(x).toArray()).isEqualTo(new double[][] {{1.0, 0.0}});
    }
}
