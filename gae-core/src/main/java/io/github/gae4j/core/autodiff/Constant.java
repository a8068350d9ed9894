// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff;

import io.github.gae4j.core.tensor.Matrix;

/** A leaf that never gets a gradient (inputs, noise, targets). */
public final class Constant extends Variable {

    private final Matrix data;

    public Constant(Matrix data) {
        super(data.rows(), data.cols(), false);
        this.data = data;
    }

    public static Constant of(Matrix data) {
        return new Constant(data);
    }

    public static Constant scalar(double value) {
        return new Constant(Matrix.scalar(value));
    }

    public Matrix data() {
        return data;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return data;
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        throw new IllegalStateException("Constants are leaves and have no parents");
    }
}
