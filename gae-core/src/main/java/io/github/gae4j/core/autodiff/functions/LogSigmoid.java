// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;

/** log(sigmoid(x)) = -softplus(-x), stable for large |x|. */
public final class LogSigmoid extends ElementwiseOperation {

    private LogSigmoid(Variable x) {
        super(x);
    }

    public static LogSigmoid of(Variable x) {
        return new LogSigmoid(x);
    }

    @Override
    protected double value(double x) {
        return -Softplus.softplus(-x);
    }

    @Override
    protected double derivative(double x, double y) {
        return 1.0 - Sigmoid.sigmoid(x);
    }
}
