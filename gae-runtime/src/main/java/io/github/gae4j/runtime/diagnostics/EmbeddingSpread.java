// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import io.github.gae4j.core.tensor.Matrix;

/**
 * How the node embeddings spread: the share of their variance along the first principal component (1 when every
 * node lies on one line; NaN when there is no variance at all), how many dimensions are the same for every node,
 * and the share of entries that are exactly zero.
 */
public record EmbeddingSpread(double firstComponentShare, int constantDims, int dims, double zeroShare) {

    private static final int MAX_ITERATIONS = 1000;

    /** Measures {@code z} (n × d, one row per node). */
    public static EmbeddingSpread of(Matrix z) {
        int n = z.rows();
        int d = z.cols();
        double[] x = z.data();
        double[] mean = new double[d];
        long zeros = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                double v = x[r * d + c];
                mean[c] += v;
                zeros += v == 0 ? 1 : 0;
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= Math.max(1, n);
        }
        double[] cov = new double[d * d];
        double[] row = new double[d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                row[c] = x[r * d + c] - mean[c];
            }
            for (int a = 0; a < d; a++) {
                double xa = row[a];
                if (xa == 0) {
                    continue;
                }
                int offset = a * d;
                for (int b = a; b < d; b++) {
                    cov[offset + b] += xa * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a * d + b] = cov[b * d + a];
            }
        }
        double trace = 0;
        int constant = 0;
        for (int c = 0; c < d; c++) {
            double variance = cov[c * d + c];
            trace += variance;
            // Relative to the column's own scale: rounding leaves ~1e-30 where the values are all equal.
            double scale = Math.max(mean[c] * mean[c], Double.MIN_NORMAL) * n;
            constant += variance <= 1e-20 * scale ? 1 : 0;
        }
        double share = trace > 0 ? topEigenvalue(cov, d) / trace : Double.NaN;
        return new EmbeddingSpread(share, constant, d, n * d == 0 ? 0 : (double) zeros / ((long) n * d));
    }

    /**
     * The largest eigenvalue of a symmetric positive semi-definite d × d matrix by power iteration from a fixed
     * start (deterministic). The Rayleigh quotient never exceeds the true value, so an unconverged estimate can
     * only understate the first component's share, never raise a false alarm.
     */
    static double topEigenvalue(double[] m, int d) {
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = 1.0 + (double) k / d;
        }
        normalize(v);
        double lambda = 0;
        double[] w = new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += m[a * d + b] * v[b];
                }
                w[a] = s;
            }
            double next = 0;
            for (int a = 0; a < d; a++) {
                next += v[a] * w[a];
            }
            if (normalize(w) == 0) {
                return 0;
            }
            System.arraycopy(w, 0, v, 0, d);
            if (Math.abs(next - lambda) <= 1e-12 * Math.abs(next)) {
                return next;
            }
            lambda = next;
        }
        return lambda;
    }

    private static double normalize(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] /= norm;
            }
        }
        return norm;
    }
}
