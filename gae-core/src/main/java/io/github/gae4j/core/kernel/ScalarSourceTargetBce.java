package io.github.gae4j.core.kernel;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;

/**
 * The plain-Java {@link SourceTargetBceKernel}, in double: runs everywhere (no incubator module).
 *
 * <p>Sweeps every ordered pair (i, j) treating it as a negative, then corrects the stored
 * (positive) pairs of the target in a sequential sparse pass. Rows are cut into
 * {@link DirectedKernelSupport#squareBounds fixed chunks}: a chunk owns its rows of dS and has its
 * own dT buffer; buffers are summed in chunk order, so results do not depend on the thread count.
 * Memory is O(chunks · N · f + nnz).
 */
public final class ScalarSourceTargetBce implements SourceTargetBceKernel {

    static final ScalarSourceTargetBce INSTANCE = new ScalarSourceTargetBce();

    /** 64 factors in (1, 2] multiply to at most 2^64: far from overflow, one log per 64 pairs. */
    private static final int LOG_BATCH = 64;

    private ScalarSourceTargetBce() {
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
    public double lossAndGradient(double[] s, double[] t, int n, int f, SparseMatrix target, double posWeight,
                                  double norm, double[] gradS, double[] gradT, Parallelism parallelism) {
        DirectedKernelSupport.checkSourceTarget(s, t, n, f, target, posWeight, norm, gradS, gradT);
        int[] bounds = DirectedKernelSupport.squareBounds(n, 1);
        int chunks = bounds.length - 1;
        double[][] dt = new double[chunks][];
        double[] lossParts = new double[chunks];
        parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
            double[] buf = new double[n * f];
            lossParts[chunk] = rowsAsNegatives(s, t, n, f, from, to, gradS, buf);
            dt[chunk] = buf;
        });
        double loss = 0;
        for (double part : lossParts) {
            loss += part;
        }
        Arrays.fill(gradT, 0.0);
        for (double[] buf : dt) {
            for (int k = 0; k < gradT.length; k++) {
                gradT[k] += buf[k];
            }
        }
        loss += positiveCorrection(s, t, n, f, target, posWeight, gradS, gradT);
        double c = norm / ((double) n * n);
        for (int k = 0; k < gradS.length; k++) {
            gradS[k] *= c;
            gradT[k] *= c;
        }
        return c * loss;
    }

    /**
     * Rows [from, to) against every column, each pair as a negative: returns Σ softplus(x_ij), sets
     * dS_i = Σ_j σ(x_ij) t_j and adds σ(x_ij) s_i to buf[j].
     */
    private static double rowsAsNegatives(double[] s, double[] t, int n, int f, int from, int to, double[] gradS,
                                          double[] buf) {
        double loss = 0;
        double[] acc = new double[f];
        for (int i = from; i < to; i++) {
            int si = i * f;
            Arrays.fill(acc, 0.0);
            double positivePart = 0;
            double logSum = 0;
            double product = 1.0;
            int inBatch = 0;
            for (int j = 0; j < n; j++) {
                int tj = j * f;
                double x = DirectedKernelSupport.dot(s, si, t, tj, f);
                double e = Math.exp(-Math.abs(x));
                double onePlus = 1.0 + e;
                double sig = x >= 0 ? 1.0 / onePlus : e / onePlus;
                positivePart += Math.max(x, 0.0);
                product *= onePlus;
                if (++inBatch == LOG_BATCH) {
                    logSum += Math.log(product);
                    product = 1.0;
                    inBatch = 0;
                }
                for (int k = 0; k < f; k++) {
                    acc[k] += sig * t[tj + k];
                    buf[tj + k] += sig * s[si + k];
                }
            }
            logSum += Math.log(product);
            System.arraycopy(acc, 0, gradS, si, f);
            loss += positivePart + logSum;
        }
        return loss;
    }

    /** For the stored pairs: swaps the negative term for the weighted positive one, in row order. */
    private static double positiveCorrection(double[] s, double[] t, int n, int f, SparseMatrix target, double posWeight,
                                             double[] gradS, double[] gradT) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int si = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                int tj = target.colAt(p) * f;
                double x = DirectedKernelSupport.dot(s, si, t, tj, f);
                loss += DirectedKernelSupport.positiveMinusNegative(x, posWeight);
                double g = DirectedKernelSupport.positiveMinusNegativeGradient(x, posWeight);
                for (int k = 0; k < f; k++) {
                    gradS[si + k] += g * t[tj + k];
                    gradT[tj + k] += g * s[si + k];
                }
            }
        }
        return loss;
    }
}
