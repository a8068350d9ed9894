// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SgdTest {

    private static final double[][] GRADIENTS = {{0.5, 1.0}, {-1.0, 2.0}, {0.25, -0.5}};

    private static List<Matrix> grad(double... g) {
        return List.of(Matrix.of(new double[][] {g}));
    }

    private static void assertRow(Matrix m, double a, double b) {
        assertThat(m.get(0, 0)).isCloseTo(a, within(1e-12));
        assertThat(m.get(0, 1)).isCloseTo(b, within(1e-12));
    }

    @Test
    void plainStepIsMinusTheRateTimesTheGradient() {
        Weights w = new Weights("w", Matrix.of(new double[][] {{1, -2}}));
        Sgd sgd = new Sgd();
        sgd.step(List.of(w), grad(0.5, -4), 0.1);
        assertThat(w.data().data()).containsExactly(1 - 0.1 * 0.5, -2 + 0.1 * 4);
        assertThat(sgd.state(List.of(w))).as("no momentum, no state").isEmpty();
    }

    /** torch.optim.SGD(lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01), three steps. */
    @Test
    void momentumWithDampeningAndDecayMatchesPyTorch() {
        Weights w = new Weights("w", Matrix.of(new double[][] {{1, -2}}));
        Sgd sgd = new Sgd(0.9, 0.1, false, 0.01);
        double[][] expectedP = {{0.949, -2.098}, {0.9922458999999999, -2.3643118}, {1.0077741886899998, -2.55686453938}
        };
        double[][] expectedBuffer = {{0.51, 0.98}, {-0.432459, 2.663118}, {-0.15528288689999997, 1.9255273938}};
        for (int k = 0; k < 3; k++) {
            sgd.step(List.of(w), grad(GRADIENTS[k]), 0.1);
            assertRow(w.data(), expectedP[k][0], expectedP[k][1]);
            // The first buffer is the decayed gradient itself, undamped, as PyTorch's clone.
            assertRow(sgd.state(List.of(w)).get("w.momentum-buffer"), expectedBuffer[k][0], expectedBuffer[k][1]);
        }
    }

    /** torch.optim.SGD(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01), three steps. */
    @Test
    void nesterovMatchesPyTorch() {
        Weights w = new Weights("w", Matrix.of(new double[][] {{1, -2}}));
        Sgd sgd = new Sgd(0.9, 0.0, true, 0.01);
        double[][] expectedP = {{0.9031, -2.1862}, {1.05007411, -2.64142622}, {1.0436684581909998, -2.773078688182}};
        for (int k = 0; k < 3; k++) {
            sgd.step(List.of(w), grad(GRADIENTS[k]), 0.1);
            assertRow(w.data(), expectedP[k][0], expectedP[k][1]);
        }
    }

    @Test
    void aParameterWithoutGradientGetsNoBuffer() {
        Weights used = new Weights("used", Matrix.scalar(1.0));
        Weights unused = new Weights("unused", Matrix.scalar(7.0));
        Sgd sgd = new Sgd(0.9, 0, false, 0);
        sgd.step(List.of(used, unused), Arrays.asList(Matrix.scalar(3.0), null), 0.1);
        assertThat(unused.data().scalarValue()).isEqualTo(7.0);
        assertThat(sgd.state(List.of(used, unused)).keySet()).containsExactly("used.momentum-buffer");
    }

    @Test
    void restoredBuffersContinueBitForBit() {
        Weights a = new Weights("w", Matrix.of(new double[][] {{1, -2}}));
        Sgd original = new Sgd(0.9, 0.1, false, 0.01);
        original.step(List.of(a), grad(GRADIENTS[0]), 0.1);
        Weights b = new Weights("w", a.data().copy());
        Sgd restored = new Sgd(0.9, 0.1, false, 0.01);
        restored.restoreState(List.of(b), original.state(List.of(a)));
        original.step(List.of(a), grad(GRADIENTS[1]), 0.1);
        restored.step(List.of(b), grad(GRADIENTS[1]), 0.1);
        assertThat(b.data().data()).containsExactly(a.data().data());

        assertThatThrownBy(() -> new Sgd().restoreState(List.of(b), original.state(List.of(a))))
                .as("a buffer given to SGD without momentum")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w.momentum-buffer'");
        assertThatThrownBy(() ->
                        restored.restoreState(List.of(b), java.util.Map.of("w.momentum-buffer", Matrix.zeros(2, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 2)");
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> new Sgd(-0.1, 0, false, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum -0.1");
        assertThatThrownBy(() -> new Sgd(0, 0, true, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nesterov");
        assertThatThrownBy(() -> new Sgd(0.9, 0.5, true, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dampening 0.5");
        assertThatThrownBy(() -> new Sgd(0.9, 0, false, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight decay NaN");
    }
}
