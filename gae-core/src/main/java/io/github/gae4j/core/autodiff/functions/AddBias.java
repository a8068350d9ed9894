package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/** x + 1·bᵀ: a 1×d bias row added to every row of an n×d input (dense layers, normalisation shifts). */
public final class AddBias extends Variable {

    private final Variable x;
    private final Variable bias;

    private AddBias(Variable x, Variable bias) {
        super(List.of(x, bias), x.rows(), x.cols());
        if (bias.rows() != 1 || bias.cols() != x.cols()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "AddBias needs a 1×%d bias for input %s, got %s", x.cols(), x.shape(), bias.shape()));
        }
        if (x == bias) {
            throw new IllegalArgumentException("AddBias of a variable to itself");
        }
        this.x = x;
        this.bias = bias;
    }

    public static AddBias of(Variable x, Variable bias) {
        return new AddBias(x, bias);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix in = ctx.forward(x);
        double[] b = ctx.forward(bias).data();
        double[] src = in.data();
        double[] out = new double[src.length];
        int d = in.cols();
        for (int r = 0, off = 0; r < in.rows(); r++, off += d) {
            for (int c = 0; c < d; c++) {
                out[off + c] = src[off + c] + b[c];
            }
        }
        return Matrix.wrapRowMajor(in.rows(), d, out);
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        if (parent == x) {
            return g;
        }
        if (parent != bias) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        int d = g.cols();
        double[] sums = new double[d];
        double[] gd = g.data();
        for (int r = 0, off = 0; r < g.rows(); r++, off += d) {
            for (int c = 0; c < d; c++) {
                sums[c] += gd[off + c];
            }
        }
        return Matrix.wrapRowMajor(1, d, sums);
    }
}
