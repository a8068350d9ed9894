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

final class ReluTest implements GradientCheck {

    @Test
    void forwardZeroesNegatives() {
        Matrix x = Matrix.of(new double[][] {{-2, 0}, {0.5, 3}});
        Matrix out = new ComputationContext().forward(Relu.of(Constant.of(x)));
        assertThat(out.toArray()).isEqualTo(new double[][] {{0, 0}, {0.5, 3}});
    }

    @Test
    void gradientAwayFromTheKink() {
        // Entries in ±[0.1, 1.1): finite differences never straddle 0.
        Matrix x = randomMatrix(4, 3, 1).map(v -> Math.signum(v) * (0.1 + Math.abs(v)));
        assertThat(java.util.Arrays.stream(x.data())).anyMatch(v -> v < 0).anyMatch(v -> v > 0);
        Weights w = new Weights("x", x);
        assertGradientsMatch(List.of(w), MatMulTest.weightedSum(Relu.of(w), 2));
    }

    @Test
    void gradientIsZeroForNegativeInputs() {
        Weights w = new Weights("x", Matrix.of(new double[][] {{-1, 2}}));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(Relu.of(w)));
        assertThat(ctx.gradient(w).toArray()).isEqualTo(new double[][] {{0, 1}});
    }
}
