// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import java.util.Locale;

/** The inner product's pair math that its kernels share: argument checks and the positive pass's logits and scatter. */
final class InnerProductPairs {

    private InnerProductPairs() {}

    /** Validates the arguments of {@link InnerProductBceKernel#lossAndGradient}. */
    static void check(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm, double[] gradOut) {
        KernelSupport.checkSizes(n, f);
        if (z.length != (long) n * f || gradOut.length != (long) n * f) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "z and gradOut must hold %d × %d values, got %d and %d",
                    n,
                    f,
                    z.length,
                    gradOut.length));
        }
        KernelSupport.checkTarget(n, target, true, posWeight, norm);
    }

    /**
     * Logits x_ij = z_i · z_j of the stored entries of rows [from, to), in storage order, into xs
     * (starting at xs[0]); returns how many.
     */
    static int positiveLogits(double[] z, int f, SparseMatrix target, int from, int to, double[] xs) {
        int m = 0;
        for (int i = from; i < to; i++) {
            int zi = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                xs[m++] = KernelSupport.dot(z, zi, z, target.colAt(p) * f, f);
            }
        }
        return m;
    }

    /** Adds g_p · z_j to out_i for the stored entries p = (i, j) of rows [from, to), g in storage order. */
    static void scatterPositiveGradient(
            double[] z, int f, SparseMatrix target, int from, int to, double[] g, double[] out) {
        int m = 0;
        for (int i = from; i < to; i++) {
            int zi = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                double gp = g[m++];
                int zj = target.colAt(p) * f;
                for (int k = 0; k < f; k++) {
                    out[zi + k] += gp * z[zj + k];
                }
            }
        }
    }
}
