// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import java.util.Locale;

/** The gravity pair math both kernels share: argument checks, squared norms and distances, the positive pass. */
final class GravityPairs {

    private GravityPairs() {}

    /** Validates the arguments of {@link GravityBceKernel#lossAndGradient}. */
    static void check(
            double[] p,
            double[] mass,
            int n,
            int d,
            double lambda,
            double epsilon,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradP,
            double[] gradMass) {
        KernelSupport.checkSizes(n, d);
        if (p.length != (long) n * d || gradP.length != (long) n * d || mass.length != n || gradMass.length != n) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "p and gradP must hold %d × %d values and mass and gradMass %d, got %d, %d, %d and %d",
                    n,
                    d,
                    n,
                    p.length,
                    gradP.length,
                    mass.length,
                    gradMass.length));
        }
        if (!Double.isFinite(lambda) || !(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "lambda must be finite and epsilon positive and finite, got %s and %s",
                    lambda,
                    epsilon));
        }
        KernelSupport.checkTarget(n, target, false, posWeight, norm);
    }

    /**
     * The positive pass of both gravity kernels, in row order, in double: for the stored pairs (i, j)
     * swaps the negative term of x_ij for the weighted positive one ({@code sq} from
     * {@link #squaredNorms}), adding the gradient change into gradP and gradMass.
     */
    static double correction(
            double[] p,
            double[] sq,
            double[] mass,
            int n,
            int d,
            double lambda,
            double epsilon,
            SparseMatrix target,
            double posWeight,
            double[] gradP,
            double[] gradMass) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int pi = i * d;
            for (int q = target.rowStart(i); q < target.rowEnd(i); q++) {
                int j = target.colAt(q);
                double dist = distance(p, sq, i, j, d, epsilon);
                double x = mass[j] - lambda * Math.log(dist);
                loss += KernelSupport.positiveMinusNegative(x, posWeight);
                double g = KernelSupport.positiveMinusNegativeGradient(x, posWeight);
                gradMass[j] += g;
                if (i != j) {
                    int pj = j * d;
                    double h = -2.0 * lambda * g / dist;
                    for (int k = 0; k < d; k++) {
                        double diff = p[pi + k] - p[pj + k];
                        gradP[pi + k] += h * diff;
                        gradP[pj + k] -= h * diff;
                    }
                }
            }
        }
        return loss;
    }

    /** ‖p_i‖² of every row of the row-major n × d array p. */
    static double[] squaredNorms(double[] p, int n, int d) {
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = KernelSupport.dot(p, i * d, p, i * d, d);
        }
        return sq;
    }

    /** ‖p_i − p_j‖² + ε as the gravity kernels compute it: ‖p_i‖² + ‖p_j‖² − 2 p_i · p_j, clamped at 0. */
    static double distance(double[] p, double[] sq, int i, int j, int d, double epsilon) {
        if (i == j) {
            return epsilon;
        }
        return Math.max(sq[i] + sq[j] - 2.0 * KernelSupport.dot(p, i * d, p, j * d, d), 0.0) + epsilon;
    }
}
