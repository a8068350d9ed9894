// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations. Slower than a
 * tridiagonal QR, but short, accurate to working precision, and fine for the d ≤ a few hundred of
 * embedding covariances.
 *
 * @param values  eigenvalues, largest first
 * @param vectors eigenvectors as columns of a d×d row-major array: component i of vector k is
 *                {@code vectors[i * d + k]}
 */
@SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
record SymmetricEigen(double[] values, double[] vectors) {

    private static final int MAX_SWEEPS = 100;

    /** Decomposes the d×d row-major symmetric matrix {@code a} (not modified). */
    static SymmetricEigen of(double[] a, int d) {
        if (a.length != d * d) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "Array of length %d is not a %dx%d matrix", a.length, d, d));
        }
        double[] m = a.clone();
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) {
            v[i * d + i] = 1;
        }
        double scale = 0;
        for (double x : m) {
            scale += x * x;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += m[p * d + q] * m[p * d + q];
                }
            }
            if (off <= 1e-30 * scale || off == 0) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (m[p * d + q] != 0) {
                        rotate(m, v, d, p, q);
                    }
                }
            }
        }
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order, Comparator.comparingDouble((Integer k) -> m[k * d + k]).reversed());
        double[] values = new double[d];
        double[] vectors = new double[d * d];
        for (int k = 0; k < d; k++) {
            int from = order[k];
            values[k] = m[from * d + from];
            for (int i = 0; i < d; i++) {
                vectors[i * d + k] = v[i * d + from];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Applies the rotation in the (p, q) plane that zeroes m[p][q]: m ← JᵀmJ, v ← vJ. */
    private static void rotate(double[] m, double[] v, int d, int p, int q) {
        double apq = m[p * d + q];
        double theta = (m[q * d + q] - m[p * d + p]) / (2 * apq);
        // The smaller root of t² + 2θt − 1 = 0 keeps the rotation angle below π/4 (stable).
        double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < d; k++) {
            double kp = m[k * d + p];
            double kq = m[k * d + q];
            m[k * d + p] = c * kp - s * kq;
            m[k * d + q] = s * kp + c * kq;
        }
        for (int k = 0; k < d; k++) {
            double pk = m[p * d + k];
            double qk = m[q * d + k];
            m[p * d + k] = c * pk - s * qk;
            m[q * d + k] = s * pk + c * qk;
        }
        // Exact zero (the rotation made it so up to rounding); keeps the off-diagonal sum honest.
        m[p * d + q] = 0;
        m[q * d + p] = 0;
        for (int k = 0; k < d; k++) {
            double kp = v[k * d + p];
            double kq = v[k * d + q];
            v[k * d + p] = c * kp - s * kq;
            v[k * d + q] = s * kp + c * kq;
        }
    }
}
