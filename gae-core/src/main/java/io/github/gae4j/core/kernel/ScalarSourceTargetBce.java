package io.github.gae4j.core.kernel;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;

/**
 * The plain-Java {@link SourceTargetBceKernel}, in double: runs everywhere (no incubator module).
 *
 * <p>Sweeps every ordered pair (i, j) treating it as a negative, then corrects the stored
 * (positive) pairs of the target in a sequential sparse pass. Rows are cut into
 * {@link KernelSupport#squareBounds fixed chunks}: a chunk owns its rows of dS and has its
 * own dT buffer; buffers are summed in chunk order, so results do not depend on the thread count.
 * Memory is O(chunks · N · f + nnz).
 */
public final class ScalarSourceTargetBce extends ScalarBce implements SourceTargetBceKernel {

    static final ScalarSourceTargetBce INSTANCE = new ScalarSourceTargetBce();

    private ScalarSourceTargetBce() {
    }

    @Override
    public double lossAndGradient(double[] s, double[] t, int n, int f, SparseMatrix target, double posWeight,
                                  double norm, double[] gradS, double[] gradT, Parallelism parallelism) {
        KernelSupport.checkSourceTarget(s, t, n, f, target, posWeight, norm, gradS, gradT);
        int[] bounds = KernelSupport.squareBounds(n, 1);
        Chunk[] parts = new Chunk[bounds.length - 1];
        double loss = SweepChunk.sweepAll(bounds, parallelism, parts, () -> new Chunk(s, t, n, f, gradS));
        Arrays.fill(gradT, 0.0);
        for (Chunk part : parts) {
            for (int k = 0; k < gradT.length; k++) {
                gradT[k] += part.dt[k];
            }
        }
        loss += KernelSupport.sourceTargetCorrection(s, t, n, f, target, posWeight, gradS, gradT);
        double c = norm / ((double) n * n);
        for (int k = 0; k < gradS.length; k++) {
            gradS[k] *= c;
            gradT[k] *= c;
        }
        return c * loss;
    }

    /** Rows against every column, each pair as a negative: sets their rows of dS, adds into its own dT. */
    private static final class Chunk extends SweepChunk {
        private final double[] s;
        private final double[] t;
        private final int n;
        private final int f;
        private final double[] gradS;
        final double[] dt;

        Chunk(double[] s, double[] t, int n, int f, double[] gradS) {
            this.s = s;
            this.t = t;
            this.n = n;
            this.f = f;
            this.gradS = gradS;
            this.dt = new double[n * f];
        }

        /** Returns Σ softplus(x_ij), sets dS_i = Σ_j σ(x_ij) t_j and adds σ(x_ij) s_i to dt[j]. */
        @Override
        protected double sweep(int from, int to) {
            double loss = 0;
            double[] acc = new double[f];
            for (int i = from; i < to; i++) {
                int si = i * f;
                Arrays.fill(acc, 0.0);
                double negatives = negativeRow(s, si, t, 0, n, f, acc, dt);
                System.arraycopy(acc, 0, gradS, si, f);
                loss += negatives;
            }
            return loss;
        }
    }
}
