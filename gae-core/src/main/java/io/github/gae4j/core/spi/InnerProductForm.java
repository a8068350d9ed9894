// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.tensor.Matrix;
import java.util.Objects;

/**
 * Scores that are inner products, logit(u, v) = q_u · k_v: row u of {@code queries} against row v of
 * {@code keys}. The inner-product decoder has queries = keys = Z ({@link #symmetric()}); source/target
 * has the source half as queries and the target half as keys.
 */
public record InnerProductForm(Matrix queries, Matrix keys) {

    public InnerProductForm {
        Objects.requireNonNull(queries, "queries is null");
        Objects.requireNonNull(keys, "keys is null");
        if (queries.rows() != keys.rows() || queries.cols() != keys.cols()) {
            throw new IllegalArgumentException(
                    "queries and keys must have the same shape, got " + queries.shape() + " and " + keys.shape());
        }
    }

    /** The symmetric form of one matrix: logit(u, v) = z_u · z_v. */
    public static InnerProductForm symmetric(Matrix z) {
        return new InnerProductForm(z, z);
    }

    /** Whether queries and keys are the same matrix, so logit(u, v) = logit(v, u). */
    public boolean symmetric() {
        return queries == keys;
    }

    /** Width of the vectors. */
    public int dimensions() {
        return queries.cols();
    }

    /** q_u · k_v. */
    public double logit(int u, int v) {
        int d = queries.cols();
        double[] q = queries.data();
        double[] k = keys.data();
        double s = 0;
        for (int c = 0, qi = u * d, ki = v * d; c < d; c++) {
            s += q[qi + c] * k[ki + c];
        }
        return s;
    }
}
