// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;

/** c · x for a constant c (loss weights, normalisations). */
public final class Scale extends ElementwiseOperation {

    private final double factor;

    private Scale(Variable x, double factor) {
        super(x);
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("Scale factor must be finite, got " + factor);
        }
        this.factor = factor;
    }

    public static Scale of(Variable x, double factor) {
        return new Scale(x, factor);
    }

    @Override
    protected double value(double x) {
        return factor * x;
    }

    @Override
    protected double derivative(double x, double y) {
        return factor;
    }

    @Override
    public String render() {
        return "Scale[" + factor + "]" + shape();
    }
}
