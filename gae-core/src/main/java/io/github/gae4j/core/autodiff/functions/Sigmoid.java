// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;

/** 1 / (1 + e^-x), computed without overflow for large |x|. */
public final class Sigmoid extends ElementwiseOperation {

    private Sigmoid(Variable x) {
        super(x);
    }

    public static Sigmoid of(Variable x) {
        return new Sigmoid(x);
    }

    @Override
    protected double value(double x) {
        return sigmoid(x);
    }

    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    @Override
    protected double derivative(double x, double y) {
        return y * (1.0 - y);
    }
}
