// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;

/**
 * ELU (Clevert et al. 2016): x for x &gt; 0, α (eˣ − 1) otherwise; α = 1 by default (GAT's hidden activation).
 * The derivative is 1 for x &gt; 0 and y + α otherwise (continuous at 0 for α = 1).
 */
public final class Elu extends ElementwiseOperation {

    private final double alpha;

    private Elu(Variable x, double alpha) {
        super(x);
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU alpha must be positive and finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    /** α = 1. */
    public static Elu of(Variable x) {
        return new Elu(x, 1.0);
    }

    public static Elu of(Variable x, double alpha) {
        return new Elu(x, alpha);
    }

    @Override
    protected double value(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return x > 0 ? 1.0 : y + alpha;
    }

    @Override
    public String render() {
        return "Elu[" + alpha + "]" + shape();
    }
}
