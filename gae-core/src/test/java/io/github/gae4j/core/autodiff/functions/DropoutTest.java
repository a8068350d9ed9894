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

final class DropoutTest implements GradientCheck {

    @Test
    void keptEntriesAreScaledAndDroppedOnesZero() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        boolean[] keep = {true, false, false, true};
        Matrix out = new ComputationContext().forward(Dropout.of(Constant.of(x), 0.5, keep));
        assertThat(out.toArray()).isEqualTo(new double[][] {{2, 0}, {0, 8}});
    }

    @Test
    void gradientMatchesFiniteDifferencesWithTheMaskFixed() {
        Weights x = new Weights("x", randomMatrix(4, 5, 1));
        Dropout d = Dropout.of(x, 0.3, new SplittableRandom(2));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(d, 3));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(d));
        Matrix y = ctx.forward(d);
        for (int k = 0; k < y.data().length; k++) {
            double expected = y.data()[k] == 0 ? 0 : 1 / 0.7;
            assertThat(ctx.gradient(x).data()[k]).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void maskIsSeededAndKeepsAboutOneMinusRate() {
        boolean[] a = Dropout.mask(20_000, 0.25, new SplittableRandom(7));
        assertThat(Dropout.mask(20_000, 0.25, new SplittableRandom(7))).isEqualTo(a);
        assertThat(Dropout.mask(20_000, 0.25, new SplittableRandom(8))).isNotEqualTo(a);
        int kept = 0;
        for (boolean k : a) {
            kept += k ? 1 : 0;
        }
        assertThat(kept / 20_000.0).isCloseTo(0.75, within(0.02));
    }

    @Test
    void rateZeroKeepsEverythingAndDrawsNothing() {
        SplittableRandom random = new SplittableRandom(3);
        assertThat(Dropout.mask(5, 0.0, random)).containsOnly(true);
        assertThat(random.nextLong()).isEqualTo(new SplittableRandom(3).nextLong());
        Matrix x = randomMatrix(2, 3, 4);
        assertThat(new ComputationContext().forward(Dropout.of(Constant.of(x), 0.0, new SplittableRandom(1))))
                .isEqualTo(x);
    }

    @Test
    void rejectsBadRatesAndMasks() {
        Constant x = Constant.of(Matrix.zeros(2, 2));
        assertThatThrownBy(() -> Dropout.of(x, 1.0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> Dropout.of(x, -0.1, new boolean[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Dropout.of(x, 0.5, new boolean[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 entries")
                .hasMessageContaining("(2, 2)");
    }
}
