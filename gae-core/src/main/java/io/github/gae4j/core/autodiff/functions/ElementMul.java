// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;

/** a ⊙ b (elementwise), same shapes. */
public final class ElementMul extends Variable {

    private final Variable a;
    private final Variable b;

    private ElementMul(Variable a, Variable b) {
        super(List.of(a, b), a.rows(), a.cols());
        Shapes.requireSameShape("ElementMul", a, b);
        this.a = a;
        this.b = b;
    }

    public static ElementMul of(Variable a, Variable b) {
        return new ElementMul(a, b);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return ctx.forward(a).hadamard(ctx.forward(b));
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        Matrix out = null;
        if (parent == a) {
            out = g.hadamard(ctx.data(b));
        }
        if (parent == b) {
            Matrix gb = g.hadamard(ctx.data(a));
            out = out == null ? gb : out.plus(gb);
        }
        if (out == null) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return out;
    }
}
