// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff;

import io.github.gae4j.core.tensor.Matrix;
import java.util.List;

/** Base for operations with one input: checks the parent before computing its gradient. */
public abstract class SingleParentVariable extends Variable {

    protected final Variable parent;

    protected SingleParentVariable(Variable parent, int rows, int cols) {
        super(List.of(parent), rows, cols);
        this.parent = parent;
    }

    @Override
    public final Matrix gradient(Variable p, ComputationContext ctx) {
        if (p != parent) {
            throw new IllegalArgumentException(render() + " has no parent " + p.render());
        }
        return gradientForParent(ctx);
    }

    /** dLoss/dParent, given {@code ctx.gradient(this)}. */
    protected abstract Matrix gradientForParent(ComputationContext ctx);
}
