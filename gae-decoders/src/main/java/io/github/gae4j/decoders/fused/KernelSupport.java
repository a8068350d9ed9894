// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;

/**
 * What every fused full-graph BCE kernel needs besides the {@link FullGraphSweep} frame, whatever its decoder:
 * argument checks, the fixed chunk bounds, the parallel row-wise correction, the double dot product, and the
 * numerically safe per-pair BCE terms. The decoders' own pair math lives next to each decoder.
 */
public final class KernelSupport {

    /** Upper bound on sweep chunks: fixed, so the chunking never depends on the thread count. */
    public static final int MAX_CHUNKS = 16;
    /** Rows per chunk of the sparse positive correction. */
    public static final int CORRECTION_ROWS = 512;

    private static final int MIN_ROWS_PER_CHUNK = 64;

    private KernelSupport() {}

    /** Fails unless n ≥ 1 nodes and f ≥ 1 columns. */
    public static void checkSizes(int n, int f) {
        if (n < 1 || f < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "Need n >= 1 and f >= 1, got %d and %d", n, f));
        }
    }

    /**
     * Fails unless {@code target} is n × n (and flagged symmetric where {@code symmetric}), and the BCE weights are
     * positive and finite.
     */
    public static void checkTarget(int n, SparseMatrix target, boolean symmetric, double posWeight, double norm) {
        if (target.rows() != n || target.cols() != n) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "Target %s does not match %d nodes", target.shape(), n));
        }
        if (symmetric && !target.isSymmetric()) {
            throw new IllegalArgumentException(
                    "The full-graph target must be flagged symmetric (SparseMatrix.asSymmetric)");
        }
        if (!(posWeight > 0) || !Double.isFinite(posWeight) || !(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "posWeight and norm must be positive and finite, got %s and %s", posWeight, norm));
        }
    }

    /**
     * Row boundaries of chunks with about equal upper-triangle pair counts (row i has n − i pairs
     * j ≥ i). Inner boundaries are multiples of {@code align}; the last is n. Depends only on n and
     * align, never on the thread count.
     */
    public static int[] triangleBounds(int n, int align) {
        int chunks = chunks(n, align);
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

    /**
     * Row boundaries of chunks of about equal row counts (for sweeps over all N columns of each
     * row), like {@link #triangleBounds} otherwise.
     */
    public static int[] squareBounds(int n, int align) {
        int chunks = chunks(n, align);
        int[] bounds = new int[chunks + 1];
        for (int c = 1; c < chunks; c++) {
            bounds[c] = (int) ((long) n * c / chunks) / align * align;
        }
        bounds[chunks] = n;
        return bounds;
    }

    private static int chunks(int n, int align) {
        if (align < 1) {
            throw new IllegalArgumentException("align must be >= 1, got " + align);
        }
        return Math.max(1, Math.min(MAX_CHUNKS, n / Math.max(MIN_ROWS_PER_CHUNK, align)));
    }

    /** The loss of one chunk of rows [from, to) of a correction pass. */
    @FunctionalInterface
    public interface RowsLoss {
        double apply(int from, int to);
    }

    /**
     * Runs a row-wise correction in fixed chunks of {@link #CORRECTION_ROWS} rows (in parallel; the
     * body must write disjoint rows) and returns {@code loss} plus the chunks' losses, added in
     * chunk order so the result does not depend on the thread count.
     */
    public static double correctInChunks(double loss, int n, Parallelism parallelism, RowsLoss body) {
        double[] parts = new double[Parallelism.chunkCount(n, CORRECTION_ROWS)];
        parallelism.forEachChunk(n, CORRECTION_ROWS, (chunk, from, to) -> parts[chunk] = body.apply(from, to));
        for (double part : parts) {
            loss += part;
        }
        return loss;
    }

    /** a_i · b_j over f entries with four partial sums (i, j are offsets of row starts). */
    public static double dot(double[] a, int i, double[] b, int j, int f) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < f; k += 4) {
            s0 += a[i + k] * b[j + k];
            s1 += a[i + k + 1] * b[j + k + 1];
            s2 += a[i + k + 2] * b[j + k + 2];
            s3 += a[i + k + 3] * b[j + k + 3];
        }
        for (; k < f; k++) {
            s0 += a[i + k] * b[j + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** σ(x), stable for any x. */
    public static double sigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /**
     * pw · softplus(−x) − softplus(x): the change of a pair's loss from negative to positive; both
     * terms share log(1 + e^−|x|), so there is no cancellation for large |x|.
     */
    public static double positiveMinusNegative(double x, double posWeight) {
        return posWeight * Math.max(-x, 0.0)
                - Math.max(x, 0.0)
                + (posWeight - 1.0) * Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** d/dx of {@link #positiveMinusNegative}: pw · (σ(x) − 1) − σ(x). */
    public static double positiveMinusNegativeGradient(double x, double posWeight) {
        double s = sigmoid(x);
        return posWeight * (s - 1.0) - s;
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
