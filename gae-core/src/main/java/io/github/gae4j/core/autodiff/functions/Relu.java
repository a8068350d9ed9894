package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;

/** max(x, 0); the derivative at 0 is taken as 0. */
public final class Relu extends ElementwiseOperation {

    private Relu(Variable x) {
        super(x);
    }

    public static Relu of(Variable x) {
        return new Relu(x);
    }

    @Override
    protected double value(double x) {
        return x > 0 ? x : 0.0;
    }

    @Override
    protected double derivative(double x, double y) {
        return x > 0 ? 1.0 : 0.0;
    }
}
