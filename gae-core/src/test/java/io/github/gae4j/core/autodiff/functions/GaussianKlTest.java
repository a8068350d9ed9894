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

final class GaussianKlTest implements GradientCheck {

    @Test
    void valueMatchesHandComputation() {
        Matrix mu = Matrix.of(new double[][] {{0.5, -1}, {0, 2}, {1.5, 0.25}});
        Matrix logStd = Matrix.of(new double[][] {{0, 0.1}, {-0.2, 0.3}, {0.5, -0.4}});
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                double m = mu.get(i, k);
                double l = logStd.get(i, k);
                expected += 1 + 2 * l - m * m - Math.exp(2 * l);
            }
        }
        expected = -0.5 * expected / 3;
        double value = new ComputationContext()
                .forward(GaussianKl.of(Constant.of(mu), Constant.of(logStd)))
                .scalarValue();
        assertThat(value).isCloseTo(expected, within(1e-14));
        assertThat(value).isCloseTo(1.4739920661937642, within(1e-14));
    }

    @Test
    void zeroForTheStandardNormal() {
        double value = new ComputationContext()
                .forward(GaussianKl.of(Constant.of(Matrix.zeros(4, 3)), Constant.of(Matrix.zeros(4, 3))))
                .scalarValue();
        assertThat(value).isCloseTo(0.0, within(1e-300));
    }

    @Test
    void gradientsOfMuAndLogStd() {
        Weights mu = new Weights("mu", randomMatrix(4, 3, 1));
        Weights logStd = new Weights("logStd", randomMatrix(4, 3, 2));
        assertGradientsMatch(List.of(mu, logStd), GaussianKl.of(mu, logStd));
    }

    @Test
    void gradientThroughSharedParameters() {
        // Both heads from one W: the VGAE's shared first layer in miniature.
        Weights w = new Weights("w", randomMatrix(3, 2, 3));
        Constant x = Constant.of(randomMatrix(4, 3, 4));
        assertGradientsMatch(List.of(w), GaussianKl.of(MatMul.of(x, w), Scale.of(MatMul.of(x, w), 0.5)));
    }

    @Test
    void rejectsBadArguments() {
        Weights mu = new Weights("mu", Matrix.zeros(3, 2));
        assertThatThrownBy(() -> GaussianKl.of(mu, Constant.of(Matrix.zeros(2, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 2)")
                .hasMessageContaining("(2, 3)");
        assertThatThrownBy(() -> GaussianKl.of(mu, mu))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
    }
}
