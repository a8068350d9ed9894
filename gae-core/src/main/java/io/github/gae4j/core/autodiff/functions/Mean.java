// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;

/** The mean of all entries, a scalar. */
public final class Mean extends SingleParentVariable {

    private Mean(Variable x) {
        super(x, 1, 1);
        if (x.rows() == 0 || x.cols() == 0) {
            throw new IllegalArgumentException("Mean of an empty matrix " + x.shape());
        }
    }

    public static Mean of(Variable x) {
        return new Mean(x);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix x = ctx.forward(parent);
        return Matrix.scalar(x.sum() / x.size());
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        double g = ctx.gradient(this).scalarValue() / ((double) parent.rows() * parent.cols());
        Matrix out = Matrix.zeros(parent.rows(), parent.cols());
        Arrays.fill(out.data(), g);
        return out;
    }
}
