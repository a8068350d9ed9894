// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.DenseKernels;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;

/** a · b, dense, with row-parallel kernels for the tall-times-small shapes of GNN layers. */
public final class MatMul extends Variable {

    private final Variable a;
    private final Variable b;

    private MatMul(Variable a, Variable b) {
        super(List.of(a, b), a.rows(), b.cols());
        Shapes.requireInner(a.cols(), b.rows(), a.shape(), b.shape());
        this.a = a;
        this.b = b;
    }

    public static MatMul of(Variable a, Variable b) {
        return new MatMul(a, b);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return DenseKernels.multiply(ctx.forward(a), ctx.forward(b), ctx.parallelism());
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        Matrix out = null;
        if (parent == a) {
            out = DenseKernels.multiplyTranspose(g, ctx.data(b), ctx.parallelism());
        }
        if (parent == b) {
            Matrix gb = DenseKernels.transposeMultiply(ctx.data(a), g, ctx.parallelism());
            out = out == null ? gb : out.plus(gb);
        }
        if (out == null) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return out;
    }
}
