// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/**
 * Mix into a test to compare autodiff gradients with central finite differences,
 * (f(w + h) − f(w − h)) / 2h, coordinate by coordinate, restoring each coordinate after probing.
 * Passes where |autodiff − numeric| ≤ atol + rtol · |numeric|. Doubles only.
 *
 * <p>Plain Java (it throws {@link AssertionError}), so gae-core's tests, the contract tests of
 * gae-testkit and third-party plugins share this one copy without a test library in gae-core.
 */
public interface GradientCheck {

    default double epsilon() {
        return 1e-6;
    }

    default double absTolerance() {
        return 1e-6;
    }

    default double relTolerance() {
        return 1e-4;
    }

    /** Checks d loss / d w for every coordinate of every weight; {@code loss} must be a scalar. */
    default void assertGradientsMatch(List<Weights> weights, Variable loss) {
        assertGradientsMatch(weights, loss, Parallelism.singleThreaded());
    }

    /** As {@link #assertGradientsMatch(List, Variable)}, every pass with {@code parallelism}'s threads. */
    default void assertGradientsMatch(List<Weights> weights, Variable loss, Parallelism parallelism) {
        ComputationContext ctx = new ComputationContext(parallelism);
        double base = ctx.forward(loss).scalarValue();
        if (Double.isNaN(base)) {
            throw new AssertionError("loss is NaN");
        }
        ctx.backward(loss);
        for (Weights w : weights) {
            Matrix grad = ctx.gradient(w);
            if (grad == null) {
                throw new AssertionError("no gradient for " + w.render());
            }
            double[] data = w.data().data();
            for (int k = 0; k < data.length; k++) {
                double original = data[k];
                data[k] = original + epsilon();
                double plus = new ComputationContext(parallelism).forward(loss).scalarValue();
                data[k] = original - epsilon();
                double minus = new ComputationContext(parallelism).forward(loss).scalarValue();
                data[k] = original;
                double numeric = (plus - minus) / (2 * epsilon());
                double analytic = grad.data()[k];
                if (Double.isNaN(numeric)
                        || Double.isNaN(analytic)
                        || Math.abs(analytic - numeric) > absTolerance() + relTolerance() * Math.abs(numeric)) {
                    int cols = w.data().cols();
                    throw new AssertionError(String.format(
                            Locale.ROOT,
                            "Gradient of %s at (%d, %d): autodiff %.10g, finite difference %.10g",
                            w.render(),
                            k / cols,
                            k % cols,
                            analytic,
                            numeric));
                }
            }
        }
    }
}
