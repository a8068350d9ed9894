// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AdamWTest {

    private static List<Matrix> grad(double... g) {
        return List.of(Matrix.of(new double[][] {g}));
    }

    /** torch.optim.AdamW(lr=0.1, weight_decay=0.1) on a scalar 1.0 with gradients 1 then −2, in PyTorch's order. */
    @Test
    void twoStepsMatchPyTorchsAdamW() {
        Weights w = new Weights("w", Matrix.scalar(1.0));
        AdamW adamw = new AdamW(0.9, 0.999, 1e-8, 0.1);
        adamw.step(List.of(w), grad(1.0), 0.1);
        // p·(1 − 0.01) − 0.1 · m̂ / (√v̂ + ε), m̂ = v̂ = 1.
        assertThat(w.data().scalarValue()).isCloseTo(0.890000001, within(1e-12));
        adamw.step(List.of(w), grad(-2.0), 0.1);
        assertThat(w.data().scalarValue()).isCloseTo(0.9177103534620749, within(1e-12));
        assertThat(adamw.state(List.of(w)).get("w.exp-avg").scalarValue()).isCloseTo(-0.11, within(1e-15));
        assertThat(adamw.state(List.of(w)).get("w.exp-avg-sq").scalarValue()).isCloseTo(0.004999, within(1e-15));
        assertThat(adamw.state(List.of(w)).get("w.step").scalarValue()).isEqualTo(2.0);
    }

    @Test
    void decoupledDecayDiffersFromAdamsL2AndVanishesWithoutDecay() {
        Weights a = new Weights("w", Matrix.of(new double[][] {{2, -3}}));
        Weights b = new Weights("w", Matrix.of(new double[][] {{2, -3}}));
        new Adam(0.05, 0.9, 0.999, 1e-8, 0.1).step(List.of(a), grad(0.5, 0.25), 0.05);
        new AdamW(0.9, 0.999, 1e-8, 0.1).step(List.of(b), grad(0.5, 0.25), 0.05);
        assertThat(b.data().data()).isNotEqualTo(a.data().data());
        // Zero loss gradient: AdamW only shrinks by (1 − lr·λ) (Adam's moments stay zero), Adam steps by lr.
        Weights c = new Weights("w", Matrix.of(new double[][] {{2, -3}}));
        new AdamW(0.9, 0.999, 1e-8, 0.1).step(List.of(c), grad(0, 0), 0.05);
        assertThat(c.data().data()).containsExactly(2 * (1 - 0.005), -3 * (1 - 0.005));

        Weights plain = new Weights("w", Matrix.of(new double[][] {{2, -3}}));
        Weights noDecay = new Weights("w", Matrix.of(new double[][] {{2, -3}}));
        new Adam(0.05).step(List.of(plain), grad(0.5, -7), 0.05);
        new AdamW(0.9, 0.999, 1e-8, 0.0).step(List.of(noDecay), grad(0.5, -7), 0.05);
        assertThat(noDecay.data().data()).containsExactly(plain.data().data());
    }

    @Test
    void parameterWithoutGradientIsLeftAloneWithItsState() {
        Weights used = new Weights("used", Matrix.scalar(1.0));
        Weights unused = new Weights("unused", Matrix.scalar(7.0));
        AdamW adamw = new AdamW();
        adamw.step(List.of(used, unused), java.util.Arrays.asList(Matrix.scalar(3.0), null), 0.1);
        assertThat(unused.data().scalarValue()).isEqualTo(7.0);
        assertThat(adamw.state(List.of(used, unused)).get("unused.step").scalarValue())
                .isZero();
        assertThat(adamw.state(List.of(used, unused)).get("used.step").scalarValue())
                .isEqualTo(1.0);
    }

    @Test
    void rejectsInvalidSettingsAndSteps() {
        assertThatThrownBy(() -> new AdamW(1.0, 0.999, 1e-8, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("betas 1.0");
        assertThatThrownBy(() -> new AdamW(0.9, 0.999, 1e-8, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight decay -1.0");
        Weights w = new Weights("w", Matrix.scalar(1.0));
        assertThatThrownBy(() -> new AdamW().step(List.of(w), grad(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRate must be > 0");
        assertThatThrownBy(() -> new AdamW().step(List.of(w), Collections.emptyList(), 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 parameters but 0 gradients");
        assertThatThrownBy(() -> new AdamW().step(List.of(w), grad(1, 2), 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(1, 2)");
    }
}
