// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;

/** xᵀ. */
public final class Transpose extends SingleParentVariable {

    private Transpose(Variable x) {
        super(x, x.cols(), x.rows());
    }

    public static Transpose of(Variable x) {
        return new Transpose(x);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return ctx.forward(parent).transpose();
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        return ctx.gradient(this).transpose();
    }
}
