// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;

/** a + b, same shapes. */
public final class Add extends Variable {

    private final Variable a;
    private final Variable b;

    private Add(Variable a, Variable b) {
        super(List.of(a, b), a.rows(), a.cols());
        Shapes.requireSameShape("Add", a, b);
        this.a = a;
        this.b = b;
    }

    public static Add of(Variable a, Variable b) {
        return new Add(a, b);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return ctx.forward(a).plus(ctx.forward(b));
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        int uses = (parent == a ? 1 : 0) + (parent == b ? 1 : 0);
        if (uses == 0) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return uses == 1 ? g : g.scale(2.0);
    }
}
