// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;

/**
 * Columns [from, to) of x, a rows × (to − from) matrix: e.g. the source and target halves of a
 * source-target embedding, or the positions and the mass of a gravity embedding. The gradient
 * scatters back into those columns (zero elsewhere).
 */
public final class ColumnSlice extends SingleParentVariable {

    private final int from;
    private final int to;

    private ColumnSlice(Variable x, int from, int to) {
        super(x, x.rows(), to - from);
        if (from < 0 || to > x.cols() || from >= to) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Column slice [%d, %d) is empty or outside the %d columns of %s",
                    from,
                    to,
                    x.cols(),
                    x.shape()));
        }
        this.from = from;
        this.to = to;
    }

    /** Columns [from, to) of x. */
    public static ColumnSlice of(Variable x, int from, int to) {
        return new ColumnSlice(x, from, to);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix x = ctx.forward(parent);
        int c = x.cols();
        int w = to - from;
        Matrix out = Matrix.zeros(x.rows(), w);
        double[] src = x.data();
        double[] dst = out.data();
        for (int i = 0; i < x.rows(); i++) {
            System.arraycopy(src, i * c + from, dst, i * w, w);
        }
        return out;
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        int c = parent.cols();
        int w = to - from;
        Matrix out = Matrix.zeros(parent.rows(), c);
        double[] src = g.data();
        double[] dst = out.data();
        for (int i = 0; i < parent.rows(); i++) {
            System.arraycopy(src, i * w, dst, i * c + from, w);
        }
        return out;
    }

    @Override
    public String render() {
        return "ColumnSlice[" + from + ", " + to + ")" + shape();
    }
}
