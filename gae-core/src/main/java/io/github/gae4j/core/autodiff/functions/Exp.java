// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;

/** e^x. */
public final class Exp extends ElementwiseOperation {

    private Exp(Variable x) {
        super(x);
    }

    public static Exp of(Variable x) {
        return new Exp(x);
    }

    @Override
    protected double value(double x) {
        return Math.exp(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return y;
    }
}
