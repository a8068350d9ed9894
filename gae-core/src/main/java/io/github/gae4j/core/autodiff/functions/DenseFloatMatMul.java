// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.kernel.RowKernels;
import io.github.gae4j.core.kernel.dispatch.RowKernelDispatch;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;

/**
 * X · w for constant float features X ({@link Features.DenseFloat}): X is never widened whole. Each chunk of
 * {@value #ROWS} rows is widened to double into a small buffer and multiplied by the dense row kernels, so the
 * result is the double product of the stored values; the backward pass Xᵀ · g sums per-chunk buffers in chunk
 * order, so neither depends on the thread count.
 */
public final class DenseFloatMatMul extends SingleParentVariable {

    private static final int ROWS = 512;

    private final Features.DenseFloat x;

    private DenseFloatMatMul(Features.DenseFloat x, Variable w) {
        super(w, x.rows(), w.cols());
        Shapes.requireInner(x.dim(), w.rows(), "(" + x.rows() + ", " + x.dim() + ")", w.shape());
        this.x = x;
    }

    public static DenseFloatMatMul of(Features.DenseFloat x, Variable w) {
        return new DenseFloatMatMul(x, w);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return multiply(x, ctx.forward(parent), ctx.parallelism(), RowKernelDispatch.best());
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        return transposeMultiply(x, ctx.gradient(this), ctx.parallelism(), RowKernelDispatch.best());
    }

    /** X · w. */
    static Matrix multiply(Features.DenseFloat x, Matrix w, Parallelism parallelism, RowKernels kernels) {
        int d = x.dim();
        int m = w.cols();
        Matrix out = Matrix.zeros(x.rows(), m);
        if (m == 0 || x.rows() == 0) {
            return out;
        }
        double[] b = w.data();
        double[] o = out.data();
        parallelism.forEachChunk(x.rows(), ROWS, (chunk, from, to) -> {
            double[] a = new double[(to - from) * d];
            double[] part = new double[(to - from) * m];
            x.widenRows(from, to, a);
            kernels.multiplyRows(a, d, b, m, part, 0, to - from);
            System.arraycopy(part, 0, o, from * m, part.length);
        });
        return out;
    }

    /** Xᵀ · g. */
    static Matrix transposeMultiply(Features.DenseFloat x, Matrix g, Parallelism parallelism, RowKernels kernels) {
        int d = x.dim();
        int m = g.cols();
        Matrix out = Matrix.zeros(d, m);
        int size = d * m;
        if (size == 0 || x.rows() == 0) {
            return out;
        }
        double[] gd = g.data();
        double[][] partial = new double[Parallelism.chunkCount(x.rows(), ROWS)][];
        parallelism.forEachChunk(x.rows(), ROWS, (chunk, from, to) -> {
            double[] a = new double[(to - from) * d];
            double[] gc = new double[(to - from) * m];
            x.widenRows(from, to, a);
            System.arraycopy(gd, from * m, gc, 0, gc.length);
            double[] acc = new double[size];
            kernels.transposeMultiplyRows(a, d, gc, m, acc, 0, to - from);
            partial[chunk] = acc;
        });
        double[] o = out.data();
        for (double[] p : partial) {
            for (int t = 0; t < size; t++) {
                o[t] += p[t];
            }
        }
        return out;
    }
}
