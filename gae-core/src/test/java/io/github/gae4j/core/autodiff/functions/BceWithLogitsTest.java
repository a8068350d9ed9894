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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class BceWithLogitsTest implements GradientCheck {

    private static Matrix randomTargets(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix t = Matrix.zeros(rows, cols);
        for (int k = 0; k < t.data().length; k++) {
            t.data()[k] = rng.nextBoolean() ? 1.0 : 0.0;
        }
        return t;
    }

    @Test
    void valueMatchesHandComputation() {
        Matrix logits = Matrix.of(new double[][] {{2, -1}, {0.5, 3}});
        Matrix targets = Matrix.of(new double[][] {{1, 0}, {0, 1}});
        // 3·log(1+e^-2), log(1+e^-1), log(1+e^0.5), 3·log(1+e^-3), averaged.
        double expected = (0.3807840331289175 + 0.31326168751822286 + 0.9740769841801067 + 0.1457620547212262) / 4;
        double value = new ComputationContext()
                .forward(BceWithLogits.of(Constant.of(logits), targets, 3.0))
                .scalarValue();
        assertThat(value).isCloseTo(expected, within(1e-14));
        assertThat(expected).isCloseTo(0.4534711898871183, within(1e-15));
    }

    @Test
    void defaultPosWeightIsOne() {
        Matrix logits = Matrix.of(new double[][] {{0.3, -2}});
        Matrix targets = Matrix.of(new double[][] {{1, 1}});
        double value = new ComputationContext()
                .forward(BceWithLogits.of(Constant.of(logits), targets))
                .scalarValue();
        assertThat(value).isCloseTo((Softplus.softplus(-0.3) + Softplus.softplus(2)) / 2, within(1e-15));
    }

    @Test
    void gradientWithPosWeight() {
        Weights x = new Weights("x", randomMatrix(4, 5, 1).scale(3));
        assertGradientsMatch(List.of(x), BceWithLogits.of(x, randomTargets(4, 5, 2), 4.5));
    }

    @Test
    void gradientWithoutPosWeight() {
        Weights x = new Weights("x", randomMatrix(3, 3, 3).scale(3));
        assertGradientsMatch(List.of(x), BceWithLogits.of(x, randomTargets(3, 3, 4)));
    }

    @Test
    void stableForHugeLogits() {
        Weights x = new Weights("x", Matrix.of(new double[][] {{800, -800, 800, -800}}));
        Matrix targets = Matrix.of(new double[][] {{1, 0, 0, 1}});
        double pw = 2.0;
        BceWithLogits loss = BceWithLogits.of(x, targets, pw);
        ComputationContext ctx = new ComputationContext();
        double value = ctx.forward(loss).scalarValue();
        ctx.backward(loss);
        // Right answers cost nothing; confident wrong answers cost |x| (times pw for positives).
        assertThat(value).isEqualTo((800 + pw * 800) / 4);
        assertThat(ctx.gradient(x).toArray()).isEqualTo(new double[][] {{0, 0, 0.25, -pw / 4}});
    }

    @Test
    void rejectsBadArguments() {
        Constant x = Constant.of(Matrix.zeros(2, 3));
        assertThatThrownBy(() -> BceWithLogits.of(x, Matrix.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(3, 2)");
        assertThatThrownBy(() -> BceWithLogits.of(x, Matrix.zeros(2, 3), 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("posWeight");
        assertThatThrownBy(() -> BceWithLogits.of(x, Matrix.zeros(2, 3), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("posWeight");
        assertThatThrownBy(() -> BceWithLogits.of(Constant.of(Matrix.zeros(0, 3)), Matrix.zeros(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no logits");
    }
}
