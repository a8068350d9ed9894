// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;

/** log(1 + e^x), stable for large |x|. */
public final class Softplus extends ElementwiseOperation {

    private Softplus(Variable x) {
        super(x);
    }

    public static Softplus of(Variable x) {
        return new Softplus(x);
    }

    /** log(1 + e^x) as max(x, 0) + log1p(e^-|x|). */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    protected double value(double x) {
        return softplus(x);
    }

    @Override
    protected double derivative(double x, double y) {
        return Sigmoid.sigmoid(x);
    }
}
