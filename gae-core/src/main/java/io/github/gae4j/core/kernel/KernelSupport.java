package io.github.gae4j.core.kernel;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;

/**
 * Pieces shared by the full-graph BCE kernels ({@link FullGraphBceKernel}, {@link SourceTargetBceKernel},
 * {@link GravityBceKernel}), including the Vector API ones in {@code core.kernel.vector} (hence
 * public); not an API for other code.
 */
public final class KernelSupport {

    /** Upper bound on sweep chunks: fixed, so the chunking never depends on the thread count. */
    public static final int MAX_CHUNKS = 16;
    /** Rows per chunk of the sparse positive correction. */
    public static final int CORRECTION_ROWS = 512;
    private static final int MIN_ROWS_PER_CHUNK = 64;

    private KernelSupport() {
    }

    /** Validates the arguments of {@link FullGraphBceKernel#lossAndGradient}. */
    public static void checkArguments(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm,
                                      double[] gradOut) {
        checkSizes(n, f);
        if (z.length != (long) n * f || gradOut.length != (long) n * f) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "z and gradOut must hold %d × %d values, got %d and %d", n, f, z.length, gradOut.length));
        }
        checkTarget(n, target, true, posWeight, norm);
    }

    /** Validates the arguments of {@link SourceTargetBceKernel#lossAndGradient}. */
    public static void checkSourceTarget(double[] s, double[] t, int n, int f, SparseMatrix target, double posWeight,
                                         double norm, double[] gradS, double[] gradT) {
        checkSizes(n, f);
        long size = (long) n * f;
        if (s.length != size || t.length != size || gradS.length != size || gradT.length != size) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "s, t, gradS and gradT must hold %d × %d values, got %d, %d, %d and %d", n, f, s.length, t.length,
                    gradS.length, gradT.length));
        }
        if (gradS == gradT) {
            throw new IllegalArgumentException("gradS and gradT must be different arrays");
        }
        checkTarget(n, target, false, posWeight, norm);
    }

    /** Validates the arguments of {@link GravityBceKernel#lossAndGradient}. */
    public static void checkGravity(double[] p, double[] mass, int n, int d, double lambda, double epsilon,
                                    SparseMatrix target, double posWeight, double norm, double[] gradP,
                                    double[] gradMass) {
        checkSizes(n, d);
        if (p.length != (long) n * d || gradP.length != (long) n * d || mass.length != n || gradMass.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "p and gradP must hold %d × %d values and mass and gradMass %d, got %d, %d, %d and %d", n, d, n,
                    p.length, gradP.length, mass.length, gradMass.length));
        }
        if (!Double.isFinite(lambda) || !(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lambda must be finite and epsilon positive and finite, got %s and %s", lambda, epsilon));
        }
        checkTarget(n, target, false, posWeight, norm);
    }

    private static void checkSizes(int n, int f) {
        if (n < 1 || f < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Need n >= 1 and f >= 1, got %d and %d", n, f));
        }
    }

    private static void checkTarget(int n, SparseMatrix target, boolean symmetric, double posWeight, double norm) {
        if (target.rows() != n || target.cols() != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Target %s does not match %d nodes", target.shape(), n));
        }
        if (symmetric && !target.isSymmetric()) {
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

    /**
     * Logits x_ij = z_i · z_j of the stored entries of rows [from, to), in storage order, into xs
     * (starting at xs[0]); returns how many.
     */
    public static int positiveLogits(double[] z, int f, SparseMatrix target, int from, int to, double[] xs) {
        int m = 0;
        for (int i = from; i < to; i++) {
            int zi = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                xs[m++] = dot(z, zi, z, target.colAt(p) * f, f);
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

    /**
     * The positive pass of both source-target kernels, in row order, in double: for the stored pairs
     * swaps the negative term of x_ij = s_i · t_j for the weighted positive one, adding the loss
     * change (returned) and the gradient change into gradS and gradT.
     */
    public static double sourceTargetCorrection(double[] s, double[] t, int n, int f, SparseMatrix target,
                                                double posWeight, double[] gradS, double[] gradT) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int si = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                int tj = target.colAt(p) * f;
                double x = dot(s, si, t, tj, f);
                loss += positiveMinusNegative(x, posWeight);
                double g = positiveMinusNegativeGradient(x, posWeight);
                for (int k = 0; k < f; k++) {
                    gradS[si + k] += g * t[tj + k];
                    gradT[tj + k] += g * s[si + k];
                }
            }
        }
        return loss;
    }

    /**
     * The positive pass of both gravity kernels, in row order, in double: for the stored pairs (i, j)
     * swaps the negative term of x_ij for the weighted positive one ({@code sq} from
     * {@link #squaredNorms}), adding the gradient change into gradP and gradMass.
     */
    public static double gravityCorrection(double[] p, double[] sq, double[] mass, int n, int d, double lambda,
                                           double epsilon, SparseMatrix target, double posWeight, double[] gradP,
                                           double[] gradMass) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int pi = i * d;
            for (int q = target.rowStart(i); q < target.rowEnd(i); q++) {
                int j = target.colAt(q);
                double dist = gravityDistance(p, sq, i, j, d, epsilon);
                double x = mass[j] - lambda * Math.log(dist);
                loss += positiveMinusNegative(x, posWeight);
                double g = positiveMinusNegativeGradient(x, posWeight);
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
    public static double[] squaredNorms(double[] p, int n, int d) {
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = dot(p, i * d, p, i * d, d);
        }
        return sq;
    }

    /** ‖p_i − p_j‖² + ε as the gravity kernels compute it: ‖p_i‖² + ‖p_j‖² − 2 p_i · p_j, clamped at 0. */
    public static double gravityDistance(double[] p, double[] sq, int i, int j, int d, double epsilon) {
        if (i == j) {
            return epsilon;
        }
        return Math.max(sq[i] + sq[j] - 2.0 * dot(p, i * d, p, j * d, d), 0.0) + epsilon;
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
        return posWeight * Math.max(-x, 0.0) - Math.max(x, 0.0) + (posWeight - 1.0) * Math.log1p(Math.exp(-Math.abs(x)));
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
