// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;

/** Rows x[idx[0]], x[idx[1]], …; the backward pass scatter-adds into x's rows. */
public final class RowGather extends SingleParentVariable {

    private final int[] idx;

    private RowGather(Variable x, int[] idx) {
        super(x, idx.length, x.cols());
        Shapes.requireIndices("RowGather", idx, x.rows());
        this.idx = idx.clone();
    }

    public static RowGather of(Variable x, int[] idx) {
        return new RowGather(x, idx);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix x = ctx.forward(parent);
        Matrix out = Matrix.zeros(idx.length, x.cols());
        for (int j = 0; j < x.cols(); j++) {
            for (int r = 0; r < idx.length; r++) {
                out.set(r, j, x.get(idx[r], j));
            }
        }
        return out;
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        Matrix out = Matrix.zeros(parent.rows(), parent.cols());
        for (int j = 0; j < g.cols(); j++) {
            for (int r = 0; r < idx.length; r++) {
                out.add(idx[r], j, g.get(r, j));
            }
        }
        return out;
    }
}
