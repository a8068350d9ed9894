// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;

/**
 * Each row divided by its Euclidean norm: y_i = x_i / max(‖x_i‖, 1e-6), as TensorFlow's
 * {@code l2_normalize} (which clamps ‖x_i‖² at 1e-12); a zero row stays zero. The gradient is
 * (g_i − y_i (y_i · g_i)) / ‖x_i‖ where the norm is above the clamp, g_i / 1e-6 below it.
 */
public final class RowL2Normalize extends SingleParentVariable {

    /** The smallest norm divided by: sqrt of TensorFlow's 1e-12. */
    public static final double MIN_NORM = 1e-6;

    private RowL2Normalize(Variable x) {
        super(x, x.rows(), x.cols());
    }

    public static RowL2Normalize of(Variable x) {
        return new RowL2Normalize(x);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix x = ctx.forward(parent);
        int c = x.cols();
        Matrix out = Matrix.zeros(x.rows(), c);
        double[] src = x.data();
        double[] dst = out.data();
        for (int i = 0; i < x.rows(); i++) {
            double inv = 1.0 / norm(src, i * c, c);
            for (int k = 0; k < c; k++) {
                dst[i * c + k] = src[i * c + k] * inv;
            }
        }
        return out;
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        double[] x = ctx.data(parent).data();
        double[] y = ctx.data(this).data();
        double[] g = ctx.gradient(this).data();
        int c = cols();
        Matrix out = Matrix.zeros(rows(), c);
        double[] dst = out.data();
        for (int i = 0; i < rows(); i++) {
            int o = i * c;
            double raw = Math.sqrt(sumSquares(x, o, c));
            double inv = 1.0 / Math.max(raw, MIN_NORM);
            double yg = 0;
            if (raw > MIN_NORM) {
                for (int k = 0; k < c; k++) {
                    yg += y[o + k] * g[o + k];
                }
            }
            for (int k = 0; k < c; k++) {
                dst[o + k] = (g[o + k] - y[o + k] * yg) * inv;
            }
        }
        return out;
    }

    private static double norm(double[] a, int o, int c) {
        return Math.max(Math.sqrt(sumSquares(a, o, c)), MIN_NORM);
    }

    private static double sumSquares(double[] a, int o, int c) {
        double s = 0;
        for (int k = 0; k < c; k++) {
            s += a[o + k] * a[o + k];
        }
        return s;
    }
}
