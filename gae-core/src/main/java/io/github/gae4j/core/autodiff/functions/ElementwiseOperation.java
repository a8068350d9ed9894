// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;

/** Base of y = f(x) applied entry by entry; subclasses give f and f' (from x and y). */
public abstract class ElementwiseOperation extends SingleParentVariable {

    protected ElementwiseOperation(Variable x) {
        super(x, x.rows(), x.cols());
    }

    protected abstract double value(double x);

    /** f'(x), given x and y = f(x). */
    protected abstract double derivative(double x, double y);

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix x = ctx.forward(parent);
        Matrix out = Matrix.zeros(x.rows(), x.cols());
        double[] xs = x.data();
        double[] ys = out.data();
        for (int k = 0; k < xs.length; k++) {
            ys[k] = value(xs[k]);
        }
        return out;
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        double[] xs = ctx.data(parent).data();
        double[] ys = ctx.data(this).data();
        Matrix g = ctx.gradient(this);
        Matrix out = Matrix.zeros(g.rows(), g.cols());
        double[] gs = g.data();
        double[] os = out.data();
        for (int k = 0; k < gs.length; k++) {
            os[k] = gs[k] * derivative(xs[k], ys[k]);
        }
        return out;
    }
}
