// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/**
 * PReLU (He et al. 2015) with one learnable slope a shared by every entry, as PyTorch's {@code nn.PReLU()}
 * (GraphMAE's activation): x for x &gt; 0, a·x otherwise. ∂/∂x is 1 or a; ∂/∂a is the sum of g·x over the
 * entries with x ≤ 0, in row-major order.
 */
public final class PRelu extends Variable {

    private final Variable x;
    private final Variable slope;

    private PRelu(Variable x, Variable slope) {
        super(List.of(x, slope), x.rows(), x.cols());
        if (slope.rows() != 1 || slope.cols() != 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "PReLU needs a 1×1 slope, got %s for input %s", slope.shape(), x.shape()));
        }
        if (x == slope) {
            throw new IllegalArgumentException("PReLU of a variable with itself as slope");
        }
        this.x = x;
        this.slope = slope;
    }

    public static PRelu of(Variable x, Variable slope) {
        return new PRelu(x, slope);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        double[] in = ctx.forward(x).data();
        double a = ctx.forward(slope).data()[0];
        double[] out = new double[in.length];
        for (int k = 0; k < in.length; k++) {
            out[k] = in[k] > 0 ? in[k] : a * in[k];
        }
        return Matrix.wrapRowMajor(rows(), cols(), out);
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        double[] g = ctx.gradient(this).data();
        double[] in = ctx.data(x).data();
        if (parent == x) {
            double a = ctx.data(slope).data()[0];
            double[] out = new double[in.length];
            for (int k = 0; k < in.length; k++) {
                out[k] = in[k] > 0 ? g[k] : a * g[k];
            }
            return Matrix.wrapRowMajor(rows(), cols(), out);
        }
        if (parent == slope) {
            double sum = 0;
            for (int k = 0; k < in.length; k++) {
                if (in[k] <= 0) {
                    sum += g[k] * in[k];
                }
            }
            return Matrix.wrapRowMajor(1, 1, new double[] {sum});
        }
        throw new IllegalArgumentException(render() + " has no parent " + parent.render());
    }

    @Override
    public String render() {
        return "PRelu" + shape();
    }
}
