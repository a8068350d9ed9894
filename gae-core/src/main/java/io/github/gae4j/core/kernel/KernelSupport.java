package io.github.gae4j.core.kernel;

import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;

/**
 * Pieces shared by the {@link FullGraphBceKernel} implementations (including the Vector API ones
 * in {@code core.kernel.vector}); not an API for other code.
 */
public final class KernelSupport {

    /** Upper bound on triangle chunks: fixed, so the chunking never depends on the thread count. */
    public static final int MAX_CHUNKS = 16;
    /** Rows per chunk of the sparse positive correction. */
    public static final int CORRECTION_ROWS = 512;
    private static final int MIN_ROWS_PER_CHUNK = 64;

    private KernelSupport() {
    }

    /** Validates the arguments of {@link FullGraphBceKernel#lossAndGradient}. */
    public static void checkArguments(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm,
                                      double[] gradOut) {
        if (n < 1 || f < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Need n >= 1 and f >= 1, got %d and %d", n, f));
        }
        if (z.length != (long) n * f || gradOut.length != (long) n * f) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "z and gradOut must hold %d × %d values, got %d and %d", n, f, z.length, gradOut.length));
        }
        if (target.rows() != n || target.cols() != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Target %s does not match %d nodes", target.shape(), n));
        }
        if (!target.isSymmetric()) {
            throw new IllegalArgumentException("The full-graph target must be flagged symmetric (SparseMatrix.asSymmetric)");
        }
        if (!(posWeight > 0) || !Double.isFinite(posWeight) || !(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "posWeight and norm must be positive and finite, got %s and %s", posWeight, norm));
        }
    }

    /**
     * Row boundaries of chunks with about equal upper-triangle pair counts (row i has n − i pairs
     * j ≥ i). Inner boundaries are multiples of {@code align}; the last is n. Depends only on n and
     * align, never on the thread count.
     */
    public static int[] triangleBounds(int n, int align) {
        if (align < 1) {
            throw new IllegalArgumentException("align must be >= 1, got " + align);
        }
        int chunks = Math.max(1, Math.min(MAX_CHUNKS, n / Math.max(MIN_ROWS_PER_CHUNK, align)));
        int[] bounds = new int[chunks + 1];
        double total = (double) n * (n + 1) / 2.0;
        int row = 0;
        double done = 0;
        for (int c = 1; c < chunks; c++) {
            double goal = total * c / chunks;
            while (row < n && (done + (n - row) <= goal || row % align != 0)) {
                done += n - row;
                row++;
            }
            bounds[c] = row;
        }
        bounds[chunks] = n;
        return bounds;
    }

    /** z_a · z_b over f entries with four partial sums (a, b are offsets of row starts). */
    public static double dot(double[] z, int a, int b, int f) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < f; k += 4) {
            s0 += z[a + k] * z[b + k];
            s1 += z[a + k + 1] * z[b + k + 1];
            s2 += z[a + k + 2] * z[b + k + 2];
            s3 += z[a + k + 3] * z[b + k + 3];
        }
        for (; k < f; k++) {
            s0 += z[a + k] * z[b + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Logits x_ij = z_i · z_j of the stored entries of rows [from, to), in storage order, into xs
     * (starting at xs[0]); returns how many.
     */
    public static int positiveLogits(double[] z, int f, SparseMatrix target, int from, int to, double[] xs) {
        int m = 0;
        for (int i = from; i < to; i++) {
            int zi = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                xs[m++] = dot(z, zi, target.colAt(p) * f, f);
            }
        }
        return m;
    }

    /** Adds g_p · z_j to out_i for the stored entries p = (i, j) of rows [from, to), g in storage order. */
    public static void scatterPositiveGradient(double[] z, int f, SparseMatrix target, int from, int to, double[] g,
                                               double[] out) {
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

    /** The smallest multiple of {@code multiple} that is at least {@code value}. */
    public static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** Stored entries in rows [from, to). */
    public static int entriesIn(SparseMatrix target, int from, int to) {
        return from >= to ? 0 : target.rowEnd(to - 1) - target.rowStart(from);
    }
}
