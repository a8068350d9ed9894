// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.ScalarBce;

/**
 * The plain-Java fallback, in double: runs everywhere (no incubator module), about 10–20× slower
 * than the Vector API kernels because C2 does not vectorise {@code Math.exp}/{@code Math.log}.
 *
 * <p>It sweeps the upper triangle j ≥ i (x is symmetric) treating every pair as a negative, then
 * corrects the positives in a sparse pass over the target's rows. The triangle is cut into
 * {@link KernelSupport#triangleBounds fixed chunks} of equal pair counts with one dZ buffer each,
 * summed in chunk order ({@link InnerProductPass}), so results do not depend on the thread count.
 * Memory is O(chunks · N · f + nnz).
 */
final class ScalarInnerProductBce extends ScalarBce implements InnerProductBceKernel {

    static final ScalarInnerProductBce INSTANCE = new ScalarInnerProductBce();

    private ScalarInnerProductBce() {}

    @Override
    public double lossAndGradient(
            double[] z,
            int n,
            int f,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradOut,
            Parallelism parallelism) {
        InnerProductPairs.check(z, n, f, target, posWeight, norm, gradOut);
        return new Pass(z, n, f, target, posWeight, gradOut).run(n, norm, parallelism);
    }

    /** One call: the triangle in chunks, the positives in parallel row chunks, dZ = 2c (correction + Σ dz). */
    private static final class Pass extends InnerProductPass<Chunk> {

        Pass(double[] z, int n, int f, SparseMatrix target, double posWeight, double[] gradOut) {
            super(z, n, f, target, posWeight, gradOut);
        }

        @Override
        protected int[] bounds() {
            return KernelSupport.triangleBounds(n, 1);
        }

        @Override
        protected Chunk newChunk() {
            return new Chunk(z, n, f);
        }

        @Override
        protected Chunk[] newChunks(int count) {
            return new Chunk[count];
        }

        @Override
        double positives(int from, int to) {
            return positiveCorrection(z, f, target, posWeight, from, to, correction);
        }

        @Override
        protected void finish(Chunk[] chunks, int[] bounds, double c, Parallelism parallelism) {
            for (int k = 0; k < gradOut.length; k++) {
                double g = correction[k];
                for (Chunk part : chunks) {
                    g += part.db[k];
                }
                gradOut[k] = 2.0 * c * g;
            }
        }
    }

    /** Rows of the upper triangle, every pair as a negative, into a dZ buffer of its own ({@code db}). */
    private static final class Chunk extends BilinearChunk {

        Chunk(double[] z, int n, int f) {
            super(z, z, n, f);
        }

        /**
         * Returns Σ w·softplus(x_ij) over j ≥ i (w = 1 on the diagonal, 2 off it) and adds σ(x_ij)·z_j to dz[i],
         * σ(x_ij)·z_i to dz[j] (j > i).
         */
        @Override
        protected double row(int i) {
            int zi = i * f;
            double diag = KernelSupport.dot(a, zi, a, zi, f);
            double eDiag = Math.exp(-Math.abs(diag));
            double sDiag = diag >= 0 ? 1.0 / (1.0 + eDiag) : eDiag / (1.0 + eDiag);
            for (int k = 0; k < f; k++) {
                acc[k] = sDiag * a[zi + k];
            }
            double negatives = negativeRow(a, zi, a, i + 1, n, f, acc, db);
            for (int k = 0; k < f; k++) {
                db[zi + k] += acc[k];
            }
            return Math.max(diag, 0.0) + Math.log1p(eDiag) + 2.0 * negatives;
        }
    }

    /** For the stored (positive) pairs of rows [from, to): swaps the negative term for the weighted positive one. */
    private static double positiveCorrection(
            double[] z, int f, SparseMatrix target, double posWeight, int from, int to, double[] out) {
        double[] g = new double[KernelSupport.entriesIn(target, from, to)];
        int m = InnerProductPairs.positiveLogits(z, f, target, from, to, g);
        double loss = 0;
        for (int p = 0; p < m; p++) {
            double x = g[p];
            double e = Math.exp(-Math.abs(x));
            // pw·softplus(−x) − softplus(x), both sharing log(1 + e^−|x|): no cancellation for large |x|.
            loss += posWeight * Math.max(-x, 0.0) - Math.max(x, 0.0) + (posWeight - 1.0) * Math.log1p(e);
            double s = x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            g[p] = posWeight * (s - 1.0) - s;
        }
        InnerProductPairs.scatterPositiveGradient(z, f, target, from, to, g, out);
        return loss;
    }
}
