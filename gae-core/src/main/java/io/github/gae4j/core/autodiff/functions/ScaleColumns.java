// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/**
 * x ⊙ 1·gᵀ: column k of an n×d input multiplied by entry k of a 1×d gain row (the gain of a
 * normalisation layer; {@link AddBias} adds its shift).
 */
public final class ScaleColumns extends Variable {

    private final Variable x;
    private final Variable gain;

    private ScaleColumns(Variable x, Variable gain) {
        super(List.of(x, gain), x.rows(), x.cols());
        if (gain.rows() != 1 || gain.cols() != x.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "ScaleColumns needs a 1×%d gain for input %s, got %s",
                    x.cols(),
                    x.shape(),
                    gain.shape()));
        }
        if (x == gain) {
            throw new IllegalArgumentException("ScaleColumns of a variable by itself");
        }
        this.x = x;
        this.gain = gain;
    }

    public static ScaleColumns of(Variable x, Variable gain) {
        return new ScaleColumns(x, gain);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix in = ctx.forward(x);
        double[] gd = ctx.forward(gain).data();
        double[] src = in.data();
        double[] out = new double[src.length];
        int d = in.cols();
        for (int r = 0, off = 0; r < in.rows(); r++, off += d) {
            for (int c = 0; c < d; c++) {
                out[off + c] = src[off + c] * gd[c];
            }
        }
        return Matrix.wrapRowMajor(in.rows(), d, out);
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        double[] gd = g.data();
        int d = g.cols();
        if (parent == x) {
            double[] scale = ctx.data(gain).data();
            double[] out = new double[gd.length];
            for (int r = 0, off = 0; r < g.rows(); r++, off += d) {
                for (int c = 0; c < d; c++) {
                    out[off + c] = gd[off + c] * scale[c];
                }
            }
            return Matrix.wrapRowMajor(g.rows(), d, out);
        }
        if (parent != gain) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        double[] xs = ctx.data(x).data();
        double[] sums = new double[d];
        for (int r = 0, off = 0; r < g.rows(); r++, off += d) {
            for (int c = 0; c < d; c++) {
                sums[c] += gd[off + c] * xs[off + c];
            }
        }
        return Matrix.wrapRowMajor(1, d, sums);
    }
}
