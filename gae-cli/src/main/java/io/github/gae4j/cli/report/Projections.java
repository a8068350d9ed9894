// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/** PCA of node embeddings, the seeded node subsample the charts draw, and the finiteness check. */
final class Projections {

    /**
     * The first two principal components.
     *
     * @param coordinates   n×2 row-major: node i at (coordinates[2i], coordinates[2i + 1])
     * @param varianceShare fraction of the total variance along PC1 and PC2 (0 when the data has none)
     */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    record Pca(double[] coordinates, double[] varianceShare) {}

    private Projections() {}

    /**
     * Projects every row onto the top two eigenvectors of the column covariance. The sign of each
     * component is fixed by making its largest-magnitude loading positive, so reruns draw the same picture.
     */
    static Pca pca(Matrix embeddings) {
        int n = embeddings.rows();
        int d = embeddings.cols();
        if (n < 1 || d < 2) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "PCA to 2-D needs at least 1 row and 2 columns, got (%d, %d)", n, d));
        }
        double[] x = embeddings.data();
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                mean[c] += x[r * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        double[] cov = new double[d * d];
        double[] row = new double[d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                row[c] = x[r * d + c] - mean[c];
            }
            for (int a = 0; a < d; a++) {
                double xa = row[a];
                int offset = a * d;
                for (int b = a; b < d; b++) {
                    cov[offset + b] += xa * row[b];
                }
            }
        }
        double norm = Math.max(1, n - 1);
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a * d + b] /= norm;
                cov[b * d + a] = cov[a * d + b];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(cov, d);
        double[][] components = {component(eigen, d, 0), component(eigen, d, 1)};
        double[] coordinates = new double[2 * n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < 2; k++) {
                double sum = 0;
                for (int c = 0; c < d; c++) {
                    sum += (x[r * d + c] - mean[c]) * components[k][c];
                }
                coordinates[2 * r + k] = sum;
            }
        }
        double total = 0;
        for (double value : eigen.values()) {
            total += Math.max(0, value);
        }
        double[] share = new double[2];
        for (int k = 0; k < 2; k++) {
            share[k] = total > 0 ? Math.max(0, eigen.values()[k]) / total : 0;
        }
        return new Pca(coordinates, share);
    }

    private static double[] component(SymmetricEigen eigen, int d, int k) {
        double[] v = new double[d];
        int largest = 0;
        for (int i = 0; i < d; i++) {
            v[i] = eigen.vectors()[i * d + k];
            if (Math.abs(v[i]) > Math.abs(v[largest])) {
                largest = i;
            }
        }
        if (v[largest] < 0) {
            for (int i = 0; i < d; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    /**
     * At most {@code max} of the indices 0..n−1, drawn uniformly without replacement (partial
     * Fisher–Yates with {@code new SplittableRandom(seed)}), in increasing order; all of them when n ≤ max.
     */
    static int[] sample(int n, int max, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= max) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, max);
        Arrays.sort(chosen);
        return chosen;
    }

    /** The given rows of a row-major array with {@code cols} columns, as a new row-major array. */
    static double[] rows(double[] data, int cols, int[] rows) {
        double[] out = new double[rows.length * cols];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(data, rows[k] * cols, out, k * cols, cols);
        }
        return out;
    }

    /** Rejects NaN and infinite embeddings, naming the first bad row and column. */
    static void requireFinite(Matrix embeddings) {
        double[] x = embeddings.data();
        int d = embeddings.cols();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "Embedding row %d has a non-finite value (%s) in column %d", i / d, x[i], i % d));
            }
        }
    }
}
