// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import java.util.Locale;

/** The source-target pair math both kernels share: argument checks and the positive pass. */
final class SourceTargetPairs {

    private SourceTargetPairs() {}

    /** Validates the arguments of {@link SourceTargetBceKernel#lossAndGradient}. */
    static void check(
            double[] s,
            double[] t,
            int n,
            int f,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradS,
            double[] gradT) {
        KernelSupport.checkSizes(n, f);
        long size = (long) n * f;
        if (s.length != size || t.length != size || gradS.length != size || gradT.length != size) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "s, t, gradS and gradT must hold %d × %d values, got %d, %d, %d and %d",
                    n,
                    f,
                    s.length,
                    t.length,
                    gradS.length,
                    gradT.length));
        }
        if (gradS == gradT) {
            throw new IllegalArgumentException("gradS and gradT must be different arrays");
        }
        KernelSupport.checkTarget(n, target, false, posWeight, norm);
    }

    /**
     * The positive pass of both source-target kernels, in row order, in double: for the stored pairs
     * swaps the negative term of x_ij = s_i · t_j for the weighted positive one, adding the loss
     * change (returned) and the gradient change into gradS and gradT.
     */
    static double correction(
            double[] s,
            double[] t,
            int n,
            int f,
            SparseMatrix target,
            double posWeight,
            double[] gradS,
            double[] gradT) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int si = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                int tj = target.colAt(p) * f;
                double x = KernelSupport.dot(s, si, t, tj, f);
                loss += KernelSupport.positiveMinusNegative(x, posWeight);
                double g = KernelSupport.positiveMinusNegativeGradient(x, posWeight);
                for (int k = 0; k < f; k++) {
                    gradS[si + k] += g * t[tj + k];
                    gradT[tj + k] += g * s[si + k];
                }
            }
        }
        return loss;
    }
}
