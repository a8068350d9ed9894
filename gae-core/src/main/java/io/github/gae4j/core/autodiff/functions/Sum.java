// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;

/** Σ x, a scalar. */
public final class Sum extends SingleParentVariable {

    private Sum(Variable x) {
        super(x, 1, 1);
    }

    public static Sum of(Variable x) {
        return new Sum(x);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return Matrix.scalar(ctx.forward(parent).sum());
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        double g = ctx.gradient(this).scalarValue();
        Matrix out = Matrix.zeros(parent.rows(), parent.cols());
        Arrays.fill(out.data(), g);
        return out;
    }
}
