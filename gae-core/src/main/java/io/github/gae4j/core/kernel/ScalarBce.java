package io.github.gae4j.core.kernel;

/**
 * What the plain-Java kernels share besides {@link SweepChunk}: their name, and the hot loop of the
 * bilinear decoders (inner product and source-target), one row against a range of columns with
 * every pair as a negative. The gravity kernel has its own pair math (two logits a pair).
 */
abstract class ScalarBce {

    /** 64 factors in (1, 2] multiply to at most 2^64: far from overflow, one log per 64 pairs. */
    static final int LOG_BATCH = 64;

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
     * Row a_i (offset ai) against the rows b_j, j ∈ [jFrom, n), every pair as a negative: adds
     * σ(x_ij) b_j to acc and σ(x_ij) a_i to dB_j, x_ij = a_i · b_j, and returns Σ softplus(x_ij).
     *
     * <p>softplus(x) = max(x, 0) + log(1 + e^−|x|); the logs are taken of products of up to
     * {@link #LOG_BATCH} factors (each in (1, 2], so no overflow), one log per batch instead of per pair.
     * A static method shared by two kernels, not a per-pair callback: C2 compiles it as one hot loop.
     */
    static double negativeRow(double[] a, int ai, double[] b, int jFrom, int n, int f, double[] acc, double[] dB) {
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
