package io.github.gae4j.core.kernel;

import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;

/**
 * Pieces shared by the {@link SourceTargetBceKernel} and {@link GravityBceKernel} implementations
 * (including the Vector API ones in {@code core.kernel.vector}); not an API for other code.
 */
public final class DirectedKernelSupport {

    private static final int MIN_ROWS_PER_CHUNK = 64;

    private DirectedKernelSupport() {
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
        checkTarget(n, target, posWeight, norm);
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
        checkTarget(n, target, posWeight, norm);
    }

    private static void checkSizes(int n, int f) {
        if (n < 1 || f < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Need n >= 1 and f >= 1, got %d and %d", n, f));
        }
    }

    private static void checkTarget(int n, SparseMatrix target, double posWeight, double norm) {
        if (target.rows() != n || target.cols() != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Target %s does not match %d nodes", target.shape(), n));
        }
        if (!(posWeight > 0) || !Double.isFinite(posWeight) || !(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "posWeight and norm must be positive and finite, got %s and %s", posWeight, norm));
        }
    }

    /**
     * Row boundaries of up to {@link KernelSupport#MAX_CHUNKS} chunks of about equal row counts (for
     * sweeps over all N columns of each row). Inner boundaries are multiples of {@code align}; the
     * last is n. Depends only on n and align, never on the thread count.
     */
    public static int[] squareBounds(int n, int align) {
        if (align < 1) {
            throw new IllegalArgumentException("align must be >= 1, got " + align);
        }
        int chunks = Math.max(1, Math.min(KernelSupport.MAX_CHUNKS, n / Math.max(MIN_ROWS_PER_CHUNK, align)));
        int[] bounds = new int[chunks + 1];
        for (int c = 1; c < chunks; c++) {
            bounds[c] = (int) ((long) n * c / chunks) / align * align;
        }
        bounds[chunks] = n;
        return bounds;
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
}
