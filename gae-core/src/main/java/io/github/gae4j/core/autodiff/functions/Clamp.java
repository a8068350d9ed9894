// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;

/** min(max(x, lo), hi); the gradient flows only where x is strictly inside (lo, hi). */
public final class Clamp extends ElementwiseOperation {

    private final double lo;
    private final double hi;

    private Clamp(Variable x, double lo, double hi) {
        super(x);
        if (!(lo < hi)) {
            throw new IllegalArgumentException("Clamp needs lo < hi, got " + lo + " and " + hi);
        }
        this.lo = lo;
        this.hi = hi;
    }

    public static Clamp of(Variable x, double lo, double hi) {
        return new Clamp(x, lo, hi);
    }

    /** Clamps from above only (log σ at 10 keeps exp finite). */
    public static Clamp max(Variable x, double hi) {
        return new Clamp(x, Double.NEGATIVE_INFINITY, hi);
    }

    @Override
    protected double value(double x) {
        return Math.min(Math.max(x, lo), hi);
    }

    @Override
    protected double derivative(double x, double y) {
        return x > lo && x < hi ? 1.0 : 0.0;
    }
}
