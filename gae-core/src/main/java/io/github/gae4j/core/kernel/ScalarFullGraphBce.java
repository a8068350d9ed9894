package io.github.gae4j.core.kernel;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;

/**
 * The plain-Java fallback, in double: runs everywhere (no incubator module), about 10–20× slower
 * than the Vector API kernels because C2 does not vectorise {@code Math.exp}/{@code Math.log}.
 *
 * <p>It sweeps the upper triangle j ≥ i (x is symmetric) treating every pair as a negative, then
 * corrects the positives in a sparse pass over the target's rows. The triangle is cut into
 * {@link KernelSupport#triangleBounds fixed chunks} of equal pair counts with one dZ buffer each,
 * summed in chunk order, so results do not depend on the thread count. Memory is
 * O(chunks · N · f + nnz).
 */
public final class ScalarFullGraphBce extends ScalarBce implements FullGraphBceKernel {

    static final ScalarFullGraphBce INSTANCE = new ScalarFullGraphBce();

    private ScalarFullGraphBce() {
    }

    @Override
    public double lossAndGradient(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm,
                                  double[] gradOut, Parallelism parallelism) {
        KernelSupport.checkArguments(z, n, f, target, posWeight, norm, gradOut);
        int[] bounds = KernelSupport.triangleBounds(n, 1);
        Chunk[] parts = new Chunk[bounds.length - 1];
        double loss = SweepChunk.sweepAll(bounds, parallelism, parts, () -> new Chunk(z, n, f));
        double[] correction = new double[n * f];
        loss = KernelSupport.correctInChunks(loss, n, parallelism,
                (from, to) -> positiveCorrection(z, f, target, posWeight, from, to, correction));

        double c = norm / ((double) n * n);
        for (int k = 0; k < gradOut.length; k++) {
            double g = correction[k];
            for (Chunk part : parts) {
                g += part.dz[k];
            }
            gradOut[k] = 2.0 * c * g;
        }
        return c * loss;
    }

    /** Rows of the upper triangle, every pair as a negative, into a dZ buffer of its own. */
    private static final class Chunk extends SweepChunk {
        private final double[] z;
        private final int n;
        private final int f;
        final double[] dz;

        Chunk(double[] z, int n, int f) {
            this.z = z;
            this.n = n;
            this.f = f;
            this.dz = new double[n * f];
        }

        /**
         * Returns Σ w·softplus(x_ij) (w = 1 on the diagonal, 2 off it) and adds σ(x_ij)·z_j to dz[i],
         * σ(x_ij)·z_i to dz[j] (j > i).
         */
        @Override
        protected double sweep(int from, int to) {
            double loss = 0;
            double[] acc = new double[f];
            for (int i = from; i < to; i++) {
                int zi = i * f;
                double diag = KernelSupport.dot(z, zi, z, zi, f);
                double eDiag = Math.exp(-Math.abs(diag));
                double sDiag = diag >= 0 ? 1.0 / (1.0 + eDiag) : eDiag / (1.0 + eDiag);
                for (int k = 0; k < f; k++) {
                    acc[k] = sDiag * z[zi + k];
                }
                double negatives = negativeRow(z, zi, z, i + 1, n, f, acc, dz);
                for (int k = 0; k < f; k++) {
                    dz[zi + k] += acc[k];
                }
                loss += Math.max(diag, 0.0) + Math.log1p(eDiag) + 2.0 * negatives;
            }
            return loss;
        }
    }

    /** For the stored (positive) pairs of rows [from, to): swaps the negative term for the weighted positive one. */
    private static double positiveCorrection(double[] z, int f, SparseMatrix target, double posWeight, int from, int to,
                                             double[] out) {
        double[] g = new double[KernelSupport.entriesIn(target, from, to)];
        int m = KernelSupport.positiveLogits(z, f, target, from, to, g);
        double loss = 0;
        for (int p = 0; p < m; p++) {
            double x = g[p];
            double e = Math.exp(-Math.abs(x));
            // pw·softplus(−x) − softplus(x), both sharing log(1 + e^−|x|): no cancellation for large |x|.
            loss += posWeight * Math.max(-x, 0.0) - Math.max(x, 0.0) + (posWeight - 1.0) * Math.log1p(e);
            double s = x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            g[p] = posWeight * (s - 1.0) - s;
        }
        KernelSupport.scatterPositiveGradient(z, f, target, from, to, g, out);
        return loss;
    }
}
