// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AdamTest {

    /** A context in which d loss / d w is exactly {@code g}: loss = Σ w ⊙ g. */
    private static ComputationContext gradientOf(Weights w, Matrix g) {
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(ElementMul.of(w, Constant.of(g))));
        return ctx;
    }

    @Test
    void firstStepMovesEveryParameterByTheLearningRate() {
        Weights w = new Weights("w", Matrix.of(new double[][] {{1, 2, 3}, {-1, 0, 5}}));
        Matrix before = w.data().copy();
        Matrix g = Matrix.of(new double[][] {{0.5, -3, 1e-3}, {-200, 7, 0.25}});
        new Adam(0.01).step(List.of(w), gradientOf(w, g));
        for (int k = 0; k < g.data().length; k++) {
            double moved = w.data().data()[k] - before.data()[k];
            assertThat(moved).isCloseTo(-0.01 * Math.signum(g.data()[k]), within(1e-7));
        }
    }

    @Test
    void twoStepsMatchHandComputation() {
        double lr = 0.1;
        Weights w = new Weights("w", Matrix.scalar(1.0));
        Adam adam = new Adam(lr);
        adam.step(List.of(w), gradientOf(w, Matrix.scalar(1.0)));
        // m1 = 0.1, v1 = 0.001; m̂ = 1, v̂ = 1: a step of lr.
        assertThat(w.data().scalarValue()).isCloseTo(1.0 - lr * 1 / (1 + 1e-8), within(1e-15));
        adam.step(List.of(w), gradientOf(w, Matrix.scalar(-2.0)));
        // m2 = 0.9·0.1 + 0.1·(−2) = −0.11, v2 = 0.999·0.001 + 0.001·4 = 0.004999;
        // m̂ = −0.11 / (1 − 0.81), v̂ = 0.004999 / (1 − 0.998001).
        double mHat = -0.11 / 0.19;
        double vHat = 0.004999 / 0.001999;
        double expected = 1.0 - lr / (1 + 1e-8) - lr * mHat / (Math.sqrt(vHat) + 1e-8);
        assertThat(w.data().scalarValue()).isCloseTo(expected, within(1e-12));
        assertThat(w.data().scalarValue()).isCloseTo(0.9366103, within(1e-7));
    }

    @Test
    void aStepAtAGivenRateIsTheStepOfAnAdamBuiltWithIt() {
        Matrix g = Matrix.of(new double[][] {{0.5, -3}, {1e-3, 7}});
        Weights plain = new Weights("w", Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        Weights given = new Weights("w", Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        Adam a = new Adam(0.01, 0.9, 0.999, 1e-8, 0.1);
        Adam b = new Adam(0.01, 0.9, 0.999, 1e-8, 0.1);
        for (int k = 0; k < 3; k++) {
            a.step(List.of(plain), gradientOf(plain, g));
            b.step(List.of(given), gradientOf(given, g), 0.01);
        }
        assertThat(given.data().data()).isEqualTo(plain.data().data());
    }

    @Test
    void theGivenRateScalesThatStepOnly() {
        Weights half = new Weights("w", Matrix.scalar(1.0));
        Weights full = new Weights("w", Matrix.scalar(1.0));
        Adam a = new Adam(0.1);
        Adam b = new Adam(0.1);
        a.step(List.of(half), gradientOf(half, Matrix.scalar(1.0)), 0.05);
        b.step(List.of(full), gradientOf(full, Matrix.scalar(1.0)));
        // The first step moves by the rate (m̂ = v̂ = 1); the moments do not depend on it.
        assertThat(1.0 - half.data().scalarValue())
                .isCloseTo(0.5 * (1.0 - full.data().scalarValue()), within(1e-15));
        assertThat(a.state(List.of(half)).get("w.exp-avg").data())
                .isEqualTo(b.state(List.of(full)).get("w.exp-avg").data());
        assertThat(a.state(List.of(half)).get("w.exp-avg-sq").data())
                .isEqualTo(b.state(List.of(full)).get("w.exp-avg-sq").data());
        for (double bad : new double[] {0, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> a.step(List.of(half), gradientOf(half, Matrix.scalar(1.0)), bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("learningRate must be > 0");
        }
    }

    @Test
    void weightDecayPullsTowardsZero() {
        Weights w = new Weights("w", Matrix.of(new double[][] {{2, -3}}));
        // Zero loss gradient: only the decay term 0.1 · w acts, so the first step is lr · sign(w).
        new Adam(0.05, 0.9, 0.999, 1e-8, 0.1).step(List.of(w), gradientOf(w, Matrix.zeros(1, 2)));
        assertThat(w.data().get(0, 0)).isCloseTo(1.95, within(1e-8));
        assertThat(w.data().get(0, 1)).isCloseTo(-2.95, within(1e-8));
        Weights plain = new Weights("p", Matrix.of(new double[][] {{2, -3}}));
        new Adam(0.05).step(List.of(plain), gradientOf(plain, Matrix.zeros(1, 2)));
        assertThat(plain.data().toArray()).isEqualTo(new double[][] {{2, -3}});
    }

    @Test
    void parameterWithoutGradientIsLeftAlone() {
        Weights used = new Weights("used", Matrix.scalar(1.0));
        Weights unused = new Weights("unused", Matrix.scalar(7.0));
        new Adam(0.1).step(List.of(used, unused), gradientOf(used, Matrix.scalar(3.0)));
        assertThat(unused.data().scalarValue()).isEqualTo(7.0);
        assertThat(used.data().scalarValue()).isLessThan(1.0);
    }

    @Test
    void keepsSeparateStatePerParameter() {
        // b joins at the second step: its first update must still be bias-corrected to lr · sign(g).
        Weights a = new Weights("a", Matrix.scalar(0.0));
        Weights b = new Weights("b", Matrix.scalar(0.0));
        Adam adam = new Adam(0.1);
        adam.step(List.of(a, b), gradientOf(a, Matrix.scalar(1.0)));
        adam.step(List.of(a, b), gradientOf(b, Matrix.scalar(-4.0)));
        assertThat(b.data().scalarValue()).isCloseTo(0.1, within(1e-7));
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> new Adam(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr 0.0");
        assertThatThrownBy(() -> new Adam(0.01, 1.0, 0.999, 1e-8, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("betas 1.0");
        assertThatThrownBy(() -> new Adam(0.01, 0.9, 0.999, 1e-8, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight decay -1.0");
        assertThatThrownBy(() -> new Adam(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr NaN");
    }

    @Test
    void stateNamesEveryParametersMomentsAndStepsAndRestoresBitForBit() {
        Weights a = new Weights("enc.w", Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        Weights b = new Weights("dec.b", Matrix.scalar(5));
        Adam original = new Adam(0.01, 0.9, 0.999, 1e-8, 0.1);
        Matrix g = Matrix.of(new double[][] {{0.5, -3}, {1e-3, 7}});
        original.step(List.of(a, b), gradientOf(a, g), 0.01);
        java.util.Map<String, Matrix> state = original.state(List.of(a, b));
        assertThat(state.keySet())
                .containsExactly(
                        "enc.w.exp-avg",
                        "enc.w.exp-avg-sq",
                        "enc.w.step",
                        "dec.b.exp-avg",
                        "dec.b.exp-avg-sq",
                        "dec.b.step");
        assertThat(state.get("enc.w.step").scalarValue()).isEqualTo(1.0);
        assertThat(state.get("dec.b.step").scalarValue()).as("never updated").isZero();

        Weights a2 = new Weights("enc.w", a.data().copy());
        Weights b2 = new Weights("dec.b", b.data().copy());
        Adam restored = new Adam(0.01, 0.9, 0.999, 1e-8, 0.1);
        restored.restoreState(List.of(a2, b2), state);
        for (int k = 0; k < 3; k++) {
            original.step(List.of(a, b), gradientOf(a, g), 0.01);
            restored.step(List.of(a2, b2), gradientOf(a2, g), 0.01);
        }
        assertThat(a2.data().data()).containsExactly(a.data().data());

        java.util.Map<String, Matrix> missing = new java.util.LinkedHashMap<>(state);
        missing.remove("dec.b.exp-avg-sq");
        assertThatThrownBy(() -> new Adam(0.01).restoreState(List.of(a2, b2), missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dec.b.exp-avg-sq'");
        java.util.Map<String, Matrix> unknown = new java.util.LinkedHashMap<>(state);
        unknown.put("enc.w.velocity", Matrix.zeros(2, 2));
        assertThatThrownBy(() -> new Adam(0.01).restoreState(List.of(a2, b2), unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'enc.w.velocity'");
        java.util.Map<String, Matrix> badStep = new java.util.LinkedHashMap<>(state);
        badStep.put("enc.w.step", Matrix.scalar(1.5));
        assertThatThrownBy(() -> new Adam(0.01).restoreState(List.of(a2, b2), badStep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'enc.w.step'");
    }
}
