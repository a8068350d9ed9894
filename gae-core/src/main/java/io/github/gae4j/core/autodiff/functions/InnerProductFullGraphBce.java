package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;
import java.util.Objects;

/**
 * The exact full-graph reconstruction loss of the inner-product decoder, fused:
 * norm · mean over all N² pairs (i, j) of pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij),
 * with x = Z Zᵀ and t the stored pattern of the symmetric {@code target} (A_train + I).
 *
 * <p>Never materialises N×N: it sweeps the upper triangle j ≥ i (x is symmetric) treating every
 * pair as a negative, then corrects the positives in a sparse pass over the target's rows. The
 * gradient dZ = 2 · (norm/N²) · G Z is accumulated in the same sweep and stashed for the backward
 * pass. Work is split into a fixed number of row chunks of equal pair counts with one dZ buffer
 * each, summed in chunk order, so results do not depend on the thread count. Memory is
 * O(chunks · N · f + nnz).
 */
public final class InnerProductFullGraphBce extends SingleParentVariable {

    private static final int MAX_CHUNKS = 16;
    private static final int MIN_ROWS_PER_CHUNK = 64;
    /** 64 factors in (1, 2] multiply to at most 2^64: far from overflow, one log per 64 pairs. */
    private static final int LOG_BATCH = 64;

    private final SparseMatrix target;
    private final double posWeight;
    private final double norm;
    private final Parallelism parallelism;

    private InnerProductFullGraphBce(Variable z, SparseMatrix target, double posWeight, double norm,
                                     Parallelism parallelism) {
        super(z, 1, 1);
        if (target.rows() != z.rows() || target.cols() != z.rows()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Target %s does not match %d nodes of Z %s", target.shape(), z.rows(), z.shape()));
        }
        if (!target.isSymmetric()) {
            throw new IllegalArgumentException("The full-graph target must be flagged symmetric (SparseMatrix.asSymmetric)");
        }
        if (!(posWeight > 0) || !Double.isFinite(posWeight) || !(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "posWeight and norm must be positive and finite, got %s and %s", posWeight, norm));
        }
        this.target = target;
        this.posWeight = posWeight;
        this.norm = norm;
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism is null");
    }

    public static InnerProductFullGraphBce of(Variable z, SparseMatrix target, double posWeight, double norm,
                                              Parallelism parallelism) {
        return new InnerProductFullGraphBce(z, target, posWeight, norm, parallelism);
    }

    public double posWeight() {
        return posWeight;
    }

    public double norm() {
        return norm;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix zm = ctx.forward(parent);
        int n = zm.rows();
        int f = zm.cols();
        double[] z = zm.data();
        int[] bounds = balancedBounds(n);
        int chunks = bounds.length - 1;
        double[][] dz = new double[chunks][];
        double[] lossParts = new double[chunks];
        parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
            double[] buf = new double[n * f];
            lossParts[chunk] = upperTriangleAsNegatives(z, n, f, from, to, buf);
            dz[chunk] = buf;
        });
        double[] correction = new double[n * f];
        double[] correctionLoss = new double[Parallelism.chunkCount(n, 512)];
        parallelism.forEachChunk(n, 512, (chunk, from, to) ->
                correctionLoss[chunk] = positiveCorrection(z, f, from, to, correction));

        double c = norm / ((double) n * n);
        double loss = 0;
        for (double part : lossParts) {
            loss += part;
        }
        for (double part : correctionLoss) {
            loss += part;
        }
        double[] grad = correction;
        for (double[] buf : dz) {
            for (int k = 0; k < grad.length; k++) {
                grad[k] += buf[k];
            }
        }
        Matrix dZ = Matrix.zeros(n, f);
        double[] out = dZ.data();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                out[i * f + k] = 2.0 * c * grad[i * f + k];
            }
        }
        ctx.stash(this, dZ);
        return Matrix.scalar(c * loss);
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        return ctx.stashed(this, Matrix.class).scale(ctx.gradient(this).scalarValue());
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
            double diag = dot(z, zi, zi, f);
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
                double x = dot(z, zi, zj, f);
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
            loss += Math.max(diag, 0.0) + Math.log(1.0 + eDiag) + 2.0 * (positivePart + logSum);
        }
        return loss;
    }

    /** z_a · z_b over f entries, four partial sums. */
    private static double dot(double[] z, int a, int b, int f) {
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

    /** For the stored (positive) pairs of rows [from, to): swaps the negative term for the weighted positive one. */
    private double positiveCorrection(double[] z, int f, int from, int to, double[] out) {
        double loss = 0;
        for (int i = from; i < to; i++) {
            int zi = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                int zj = target.colAt(p) * f;
                double x = dot(z, zi, zj, f);
                double s = Sigmoid.sigmoid(x);
                loss += posWeight * Softplus.softplus(-x) - Softplus.softplus(x);
                double g = posWeight * (s - 1.0) - s;
                for (int k = 0; k < f; k++) {
                    out[zi + k] += g * z[zj + k];
                }
            }
        }
        return loss;
    }

    /** Row boundaries giving chunks of about equal upper-triangle pair counts; independent of threads. */
    static int[] balancedBounds(int n) {
        int chunks = Math.max(1, Math.min(MAX_CHUNKS, n / MIN_ROWS_PER_CHUNK));
        int[] bounds = new int[chunks + 1];
        double total = (double) n * (n + 1) / 2.0;
        int row = 0;
        double done = 0;
        for (int c = 1; c < chunks; c++) {
            double goal = total * c / chunks;
            while (row < n && done + (n - row) <= goal) {
                done += n - row;
                row++;
            }
            bounds[c] = row;
        }
        bounds[chunks] = n;
        return bounds;
    }
}
