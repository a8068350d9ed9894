// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScaledCosineErrorTest implements GradientCheck {

    @Test
    void valueIsTheMeanOfOneMinusCosineToTheGamma() {
        Matrix targets = Matrix.of(new double[][] {{1, 0}, {0, 2}, {3, 4}, {0, 0}});
        Matrix pred = Matrix.of(new double[][] {{2, 0}, {1, 0}, {-3, -4}, {5, 1}});
        // cosines 1, 0, -1, 0 (a zero target has cosine 0): errors 0, 1, 2, 1.
        for (double gamma : new double[] {1, 2, 3}) {
            double expected = (0 + 1 + Math.pow(2, gamma) + 1) / 4.0;
            double value = new ComputationContext()
                    .forward(ScaledCosineError.of(Constant.of(pred), targets, gamma))
                    .scalarValue();
            assertThat(value).as("γ = %s", gamma).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Matrix targets = TestGraphs.randomMatrix(6, 4, 3);
        for (int k = 0; k < 4; k++) {
            targets.set(5, k, 0.0); // a zero target row
        }
        for (double gamma : new double[] {1, 2, 2.5, 3}) {
            Weights pred = new Weights("pred", TestGraphs.randomMatrix(6, 4, 9));
            assertGradientsMatch(List.of(pred), ScaledCosineError.of(pred, targets, gamma));
        }
    }

    @Test
    void aZeroPredictionHasAFiniteGradient() {
        Weights pred = new Weights("pred", Matrix.zeros(2, 3));
        ScaledCosineError loss = ScaledCosineError.of(pred, TestGraphs.randomMatrix(2, 3, 1), 2);
        ComputationContext ctx = new ComputationContext();
        assertThat(ctx.forward(loss).scalarValue()).isCloseTo(1.0, within(1e-12));
        ctx.backward(loss);
        assertThat(ctx.gradient(pred).firstNonFinite()).isEqualTo(-1);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> ScaledCosineError.of(Constant.of(Matrix.zeros(2, 3)), Matrix.zeros(3, 3), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in shape");
        assertThatThrownBy(() -> ScaledCosineError.of(Constant.of(Matrix.zeros(2, 3)), Matrix.zeros(2, 3), 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma");
    }
}
