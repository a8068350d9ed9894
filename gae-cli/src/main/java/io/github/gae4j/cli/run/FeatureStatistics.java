// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;

/**
 * What {@link FeatureChoice} looks at in node features X: whether there are any, their smallest value, and
 * the mean row sum (for non-negative X, the most a first-layer pre-activation moves when every weight moves by
 * one unit) and the mean number of non-zeros per row.
 *
 * @param identity     the graph has no features (X = I)
 * @param rows         nodes
 * @param dim          feature columns
 * @param meanRowSum   mean over the rows of the row sums
 * @param meanNonZeros mean non-zero entries per row
 * @param min          the smallest value
 */
public record FeatureStatistics(
        boolean identity, int rows, int dim, double meanRowSum, double meanNonZeros, double min) {

    public static FeatureStatistics of(Features features) {
        if (features instanceof Features.Identity id) {
            return new FeatureStatistics(true, id.rows(), id.dim(), 1, 1, 0);
        }
        int n = features.rows();
        double sum = 0;
        double min = n == 0 ? 0 : Double.POSITIVE_INFINITY;
        long nnz = 0;
        if (features instanceof Features.Sparse sparse) {
            SparseMatrix x = sparse.matrix();
            for (int p = 0; p < x.nnz(); p++) {
                double v = x.valueAt(p);
                sum += v;
                if (v != 0) {
                    nnz++;
                }
                min = Math.min(min, v);
            }
            if (x.nnz() < (long) n * x.cols()) {
                min = Math.min(min, 0); // the entries not stored are zeros
            }
        } else {
            Matrix x = features.toDense();
            for (double v : x.data()) {
                sum += v;
                if (v != 0) {
                    nnz++;
                }
                min = Math.min(min, v);
            }
        }
        return new FeatureStatistics(
                false, n, features.dim(), n == 0 ? 0 : sum / n, n == 0 ? 0 : (double) nnz / n, min);
    }

    public boolean nonNegative() {
        return min >= 0;
    }

    @Override
    public String toString() {
        return identity
                ? "no features"
                : String.format(
                        Locale.ROOT,
                        "%d features, mean row sum %.1f, %.1f non-zeros per row, min %.3g",
                        dim,
                        meanRowSum,
                        meanNonZeros,
                        min);
    }
}
