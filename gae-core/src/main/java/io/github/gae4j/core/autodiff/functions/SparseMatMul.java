// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;

/**
 * S · x for a constant sparse S (the normalised adjacency, or sparse features). The structure is
 * an operation parameter, never a dense variable; the backward pass is Sᵀ · g.
 */
public final class SparseMatMul extends SingleParentVariable {

    private final SparseMatrix s;

    private SparseMatMul(SparseMatrix s, Variable x) {
        super(x, s.rows(), x.cols());
        Shapes.requireInner(s.cols(), x.rows(), s.shape(), x.shape());
        this.s = s;
    }

    public static SparseMatMul of(SparseMatrix s, Variable x) {
        return new SparseMatMul(s, x);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return s.multiply(ctx.forward(parent), ctx.parallelism());
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        return s.transposeMultiply(ctx.gradient(this), ctx.parallelism());
    }
}
