// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Global gradient-norm clipping, PyTorch's {@code clip_grad_norm_(params, max_norm)}: when the L2
 * norm of all gradients taken together exceeds the limit, every gradient is scaled by the same
 * factor, so the step keeps its direction and only its length shrinks.
 */
public final class GradientClipping {

    /** PyTorch's guard in {@code clip_coef = max_norm / (total_norm + 1e-6)}. */
    static final double EPSILON = 1e-6;

    private GradientClipping() {}

    /**
     * Scales the gradients of {@code weights} by {@code maxNorm / (norm + 1e-6)} when that is below
     * 1, replacing them in {@code gradients} (the optimiser then reads the clipped ones). Weights
     * without a gradient count for nothing; the gradients should be finite (the trainer checks).
     *
     * @return the global norm before clipping
     */
    public static double clipGlobalNorm(List<Weights> weights, ComputationContext gradients, double maxNorm) {
        checkMaxNorm(maxNorm);
        List<Matrix> grads = new ArrayList<>();
        List<Weights> withGradient = new ArrayList<>();
        // A parameter listed twice must be neither counted nor scaled twice.
        Set<Weights> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Weights w : weights) {
            Matrix g = gradients.gradient(w);
            if (g != null && seen.add(w)) {
                grads.add(g);
                withGradient.add(w);
            }
        }
        double norm = globalNorm(grads);
        double coef = maxNorm / (norm + EPSILON);
        if (coef < 1) {
            for (Weights w : withGradient) {
                gradients.scaleGradient(w, coef);
            }
        }
        return norm;
    }

    /**
     * The same clipping on gradients held in a list (as an execution backend returns them, null for a parameter
     * without one): when the global norm exceeds {@code maxNorm}, each entry is replaced by a copy scaled by
     * {@code maxNorm / (norm + 1e-6)}; the matrices themselves are never changed. {@code gradients} must be
     * modifiable.
     *
     * @return the global norm before clipping
     */
    public static double clipGlobalNorm(List<Matrix> gradients, double maxNorm) {
        checkMaxNorm(maxNorm);
        List<Matrix> present = new ArrayList<>();
        for (Matrix g : gradients) {
            if (g != null) {
                present.add(g);
            }
        }
        double norm = globalNorm(present);
        double coef = maxNorm / (norm + EPSILON);
        if (coef < 1) {
            gradients.replaceAll(g -> g == null ? null : g.scale(coef));
        }
        return norm;
    }

    private static void checkMaxNorm(double maxNorm) {
        if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "maxNorm must be positive and finite, got %s", maxNorm));
        }
    }

    /**
     * √(Σ g²) over every entry of {@code grads}, summed in list and row-major order so the result
     * does not depend on threads. The squares are taken at a power-of-two scale set by the largest
     * entry: exact, so this is bit for bit the plain sum unless that would overflow (or underflow).
     */
    public static double globalNorm(List<Matrix> grads) {
        double max = 0;
        for (Matrix g : grads) {
            max = Math.max(max, g.maxAbs());
        }
        if (max == 0) {
            return 0;
        }
        double scale = Math.scalb(1.0, -Math.getExponent(max));
        double sum = 0;
        for (Matrix g : grads) {
            for (double v : g.data()) {
                double s = v * scale;
                sum += s * s;
            }
        }
        return Math.sqrt(sum) / scale;
    }
}
