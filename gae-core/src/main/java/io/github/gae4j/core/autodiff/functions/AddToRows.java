// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/**
 * x + 1_S·rᵀ: a 1×d row r added to the listed rows S of an n×d input, the others passed through (a learnable
 * [MASK] token on the masked nodes). {@link AddBias} is the case S = every row. The rows must be sorted and
 * distinct, so each gets r once.
 */
public final class AddToRows extends Variable {

    private final Variable x;
    private final int[] rows;
    private final Variable row;

    private AddToRows(Variable x, int[] rows, Variable row) {
        super(List.of(x, row), x.rows(), x.cols());
        if (row.rows() != 1 || row.cols() != x.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "AddToRows needs a 1×%d row for input %s, got %s", x.cols(), x.shape(), row.shape()));
        }
        if (x == row) {
            throw new IllegalArgumentException("AddToRows of a variable to itself");
        }
        Shapes.requireIndices("AddToRows", rows, x.rows());
        for (int k = 1; k < rows.length; k++) {
            if (rows[k] <= rows[k - 1]) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "AddToRows needs sorted, distinct rows; row %d at position %d follows %d",
                        rows[k],
                        k,
                        rows[k - 1]));
            }
        }
        this.x = x;
        this.rows = rows.clone();
        this.row = row;
    }

    public static AddToRows of(Variable x, int[] rows, Variable row) {
        return new AddToRows(x, rows, row);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return plusRow(ctx.forward(x), ctx.forward(row).data(), rows);
    }

    /** {@code in} with {@code r} added to the listed rows, or to every row when {@code rows} is null; a new matrix. */
    static Matrix plusRow(Matrix in, double[] r, int[] rows) {
        double[] out = in.data().clone();
        int d = in.cols();
        if (rows == null) {
            for (int off = 0; off < out.length; off += d) {
                for (int c = 0; c < d; c++) {
                    out[off + c] += r[c];
                }
            }
        } else {
            for (int i : rows) {
                int off = i * d;
                for (int c = 0; c < d; c++) {
                    out[off + c] += r[c];
                }
            }
        }
        return Matrix.wrapRowMajor(in.rows(), d, out);
    }

    /** The column sums of {@code g} over the listed rows, or over every row when {@code rows} is null: a 1 × cols row. */
    static Matrix columnSums(Matrix g, int[] rows) {
        int d = g.cols();
        double[] sums = new double[d];
        double[] gd = g.data();
        if (rows == null) {
            for (int off = 0; off < gd.length; off += d) {
                for (int c = 0; c < d; c++) {
                    sums[c] += gd[off + c];
                }
            }
        } else {
            for (int i : rows) {
                int off = i * d;
                for (int c = 0; c < d; c++) {
                    sums[c] += gd[off + c];
                }
            }
        }
        return Matrix.wrapRowMajor(1, d, sums);
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        if (parent == x) {
            return g;
        }
        if (parent != row) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return columnSums(g, rows);
    }
}
