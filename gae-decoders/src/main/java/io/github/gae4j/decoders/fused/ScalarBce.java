// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused;

/**
 * What the plain-Java (double) kernels share besides the {@link FullGraphSweep} frame: their name, and the hot loop
 * of the bilinear decoders (inner product and source-target), one row against a range of columns with every pair
 * as a negative. The gravity kernel has its own pair math (two logits a pair) and uses only the batching of logs.
 */
public abstract class ScalarBce {

    /** 64 factors in (1, 2] multiply to at most 2^64: far from overflow, one log per 64 pairs. */
    public static final int LOG_BATCH = 64;

    protected ScalarBce() {}

    public final String name() {
        return "scalar-double";
    }

    public final Precision precision() {
        return Precision.DOUBLE;
    }

    @Override
    public final String toString() {
        return name();
    }

    /**
     * A chunk of a bilinear decoder's sweep (x_ij = a_i · b_j): rows of A against rows of B, with a column-side
     * gradient buffer dB of its own; {@link #row} adds a row's loss, in row order.
     */
    public abstract static class BilinearChunk extends SweepChunk {
        protected final double[] a;
        protected final double[] b;
        protected final int n;
        protected final int f;
        /** dB, this chunk's column-side gradient buffer, n × f. */
        public final double[] db;
        /** Scratch: the row side's gradient of one row. */
        protected final double[] acc;

        protected BilinearChunk(double[] a, double[] b, int n, int f) {
            this.a = a;
            this.b = b;
            this.n = n;
            this.f = f;
            this.db = new double[n * f];
            this.acc = new double[f];
        }

        /** The loss of row i's pairs; adds their gradients into {@link #db} (and the row side's where it keeps it). */
        protected abstract double row(int i);

        @Override
        protected final double sweep(int from, int to) {
            double loss = 0;
            for (int i = from; i < to; i++) {
                loss += row(i);
            }
            return loss;
        }
    }

    /**
     * Row a_i (offset ai) against the rows b_j, j ∈ [jFrom, n), every pair as a negative: adds
     * σ(x_ij) b_j to acc and σ(x_ij) a_i to dB_j, x_ij = a_i · b_j, and returns Σ softplus(x_ij).
     *
     * <p>softplus(x) = max(x, 0) + log(1 + e^−|x|); the logs are taken of products of up to
     * {@link #LOG_BATCH} factors (each in (1, 2], so no overflow), one log per batch instead of per pair.
     * A static method shared by two kernels, not a per-pair callback: C2 compiles it as one hot loop.
     */
    public static double negativeRow(
            double[] a, int ai, double[] b, int jFrom, int n, int f, double[] acc, double[] dB) {
        double positivePart = 0;
        double logSum = 0;
        double product = 1.0;
        int inBatch = 0;
        for (int j = jFrom; j < n; j++) {
            int bj = j * f;
            double x = KernelSupport.dot(a, ai, b, bj, f);
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
                acc[k] += s * b[bj + k];
                dB[bj + k] += s * a[ai + k];
            }
        }
        logSum += Math.log(product);
        return positivePart + logSum;
    }
}
