// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;
import java.util.Objects;

/**
 * GraphMAE's scaled cosine error of predicted rows x̂_i against constant target rows x_i, a scalar:
 * mean_i (1 − cos(x_i, x̂_i))^γ, γ ≥ 1. Rows are normalised as PyTorch's {@code F.normalize} does,
 * by max(‖·‖, ε) with ε = 1e-12, so a zero target row has cosine 0 (a constant error of 1) and a zero
 * prediction a finite gradient. 1 − cos is clamped at 0 against rounding. The target is normalised
 * once, at construction.
 *
 * <p>Gradient, per row with n = max(‖x̂‖, ε), t̂ = x / max(‖x‖, ε), c = x̂ · t̂ / n:
 * dL/dx̂ = −γ (1 − c)^{γ−1} · dc/dx̂ / m, where dc/dx̂ = (t̂ − c x̂ / n) / n if ‖x̂‖ &gt; ε, else t̂ / ε.
 */
final class ScaledCosineError extends SingleParentVariable {

    static final double EPSILON = 1e-12;

    private final double[] unitTargets;
    private final double gamma;

    private ScaledCosineError(Variable prediction, Matrix targets, double gamma) {
        super(prediction, 1, 1);
        Objects.requireNonNull(targets, "targets is null");
        if (targets.rows() != prediction.rows() || targets.cols() != prediction.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "ScaledCosineError: prediction %s and targets %s differ in shape",
                    prediction.shape(),
                    targets.shape()));
        }
        if (prediction.rows() == 0) {
            throw new IllegalArgumentException("ScaledCosineError over no rows " + prediction.shape());
        }
        if (!(gamma >= 1) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and >= 1, got " + gamma);
        }
        this.gamma = gamma;
        this.unitTargets = normalizedRows(targets);
    }

    static ScaledCosineError of(Variable prediction, Matrix targets, double gamma) {
        return new ScaledCosineError(prediction, targets, gamma);
    }

    private static double[] normalizedRows(Matrix m) {
        double[] src = m.data();
        double[] out = new double[src.length];
        int d = m.cols();
        for (int r = 0, off = 0; r < m.rows(); r++, off += d) {
            double norm = Math.max(norm(src, off, d), EPSILON);
            for (int k = 0; k < d; k++) {
                out[off + k] = src[off + k] / norm;
            }
        }
        return out;
    }

    private static double norm(double[] a, int off, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += a[off + k] * a[off + k];
        }
        return Math.sqrt(s);
    }

    /** cos of row r (prediction normalised by max(‖x̂‖, ε)). */
    private double cosine(double[] p, int off, int d, double n) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += p[off + k] * unitTargets[off + k];
        }
        return dot / n;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix pred = ctx.forward(parent);
        double[] p = pred.data();
        int d = pred.cols();
        double sum = 0;
        for (int r = 0, off = 0; r < pred.rows(); r++, off += d) {
            double c = cosine(p, off, d, Math.max(norm(p, off, d), EPSILON));
            sum += Math.pow(Math.max(1.0 - c, 0.0), gamma);
        }
        return Matrix.scalar(sum / pred.rows());
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        Matrix pred = ctx.data(parent);
        double upstream = ctx.gradient(this).scalarValue() / pred.rows();
        double[] p = pred.data();
        int d = pred.cols();
        double[] g = new double[p.length];
        for (int r = 0, off = 0; r < pred.rows(); r++, off += d) {
            double pn = norm(p, off, d);
            double n = Math.max(pn, EPSILON);
            double c = cosine(p, off, d, n);
            double e = 1.0 - c;
            if (e <= 0) {
                if (gamma > 1) {
                    continue; // (1 − c)^{γ−1} = 0 at the clamp
                }
                e = 0;
            }
            double dLdc = -gamma * (gamma == 1 ? 1.0 : Math.pow(e, gamma - 1)) * upstream;
            if (pn > EPSILON) {
                for (int k = 0; k < d; k++) {
                    g[off + k] = dLdc * (unitTargets[off + k] - c * p[off + k] / n) / n;
                }
            } else {
                for (int k = 0; k < d; k++) {
                    g[off + k] = dLdc * unitTargets[off + k] / EPSILON;
                }
            }
        }
        return Matrix.wrapRowMajor(pred.rows(), d, g);
    }

    @Override
    public String render() {
        return "ScaledCosineError[γ=" + gamma + "]" + parent.shape();
    }
}
