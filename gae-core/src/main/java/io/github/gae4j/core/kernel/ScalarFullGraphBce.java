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
public final class ScalarFullGraphBce implements FullGraphBceKernel {

    static final ScalarFullGraphBce INSTANCE = new ScalarFullGraphBce();

    /** 64 factors in (1, 2] multiply to at most 2^64: far from overflow, one log per 64 pairs. */
    private static final int LOG_BATCH = 64;

    private ScalarFullGraphBce() {
    }

    @Override
    public String name() {
        return "scalar-double";
    }

    @Override
    public Precision precision() {
        return Precision.DOUBLE;
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public double lossAndGradient(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm,
                                  double[] gradOut, Parallelism parallelism) {
        KernelSupport.checkArguments(z, n, f, target, posWeight, norm, gradOut);
        int[] bounds = KernelSupport.triangleBounds(n, 1);
        int chunks = bounds.length - 1;
        double[][] dz = new double[chunks][];
        double[] lossParts = new double[chunks];
        parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
            double[] buf = new double[n * f];
            lossParts[chunk] = upperTriangleAsNegatives(z, n, f, from, to, buf);
            dz[chunk] = buf;
        });
        double[] correction = new double[n * f];
        double[] correctionLoss = new double[Parallelism.chunkCount(n, KernelSupport.CORRECTION_ROWS)];
        parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) ->
                correctionLoss[chunk] = positiveCorrection(z, f, target, posWeight, from, to, correction));

        double c = norm / ((double) n * n);
        double loss = 0;
        for (double part : lossParts) {
            loss += part;
        }
        for (double part : correctionLoss) {
            loss += part;
        }
        for (int k = 0; k < gradOut.length; k++) {
            double g = correction[k];
            for (double[] buf : dz) {
                g += buf[k];
            }
            gradOut[k] = 2.0 * c * g;
        }
        return c * loss;
    }

    /**
     * Rows [from, to) of the upper triangle, every pair as a negative: returns Σ w·softplus(x_ij)
     * (w = 1 on the diagonal, 2 off it) and adds σ(x_ij)·z_j to buf[i], σ(x_ij)·z_i to buf[j] (j > i).
     *
     * <p>softplus(x) = max(x, 0) + log(1 + e^−|x|); the logs are taken of products of up to
     * {@link #LOG_BATCH} factors (each in (1, 2], so no overflow), one log per batch instead of per pair.
     */
    private static double upperTriangleAsNegatives(double[] z, int n, int f, int from, int to, double[] buf) {
        double loss = 0;
        double[] acc = new double[f];
        for (int i = from; i < to; i++) {
            int zi = i * f;
            double diag = KernelSupport.dot(z, zi, zi, f);
            double eDiag = Math.exp(-Math.abs(diag));
            double sDiag = diag >= 0 ? 1.0 / (1.0 + eDiag) : eDiag / (1.0 + eDiag);
            for (int k = 0; k < f; k++) {
                acc[k] = sDiag * z[zi + k];
            }
            double positivePart = 0;
            double logSum = 0;
            double product = 1.0;
            int inBatch = 0;
            for (int j = i + 1; j < n; j++) {
                int zj = j * f;
                double x = KernelSupport.dot(z, zi, zj, f);
                double e = Math.exp(-Math.abs(x));
                double onePlus = 1.0 + e;
                double s = x >= 0 ? 1.0 / onePlus : e / onePlus;
                positivePart += Math.max(x, 0.0);
                product *= onePlus;
                if (++inBatch == LOG_BATCH) {
                    logSum += Math.log(product);
                    product = 1.0;
                    inBatch = 0;
                }
                for (int k = 0; k < f; k++) {
                    acc[k] += s * z[zj + k];
                    buf[zj + k] += s * z[zi + k];
                }
            }
            logSum += Math.log(product);
            for (int k = 0; k < f; k++) {
                buf[zi + k] += acc[k];
            }
            loss += Math.max(diag, 0.0) + Math.log1p(eDiag) + 2.0 * (positivePart + logSum);
        }
        return loss;
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
