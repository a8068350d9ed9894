package io.github.gae4j.core.kernel.vector;

import static io.github.gae4j.core.kernel.vector.FloatBlockSweep.L;

import io.github.gae4j.core.kernel.KernelSupport;
import io.github.gae4j.core.kernel.SourceTargetBceKernel;
import io.github.gae4j.core.kernel.SweepChunk;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;

/**
 * The fast {@link SourceTargetBceKernel}: float s, t, logits and gradients in vector registers,
 * double accumulation of the loss, every ordered pair (x_ij ≠ x_ji, so no symmetry to use).
 *
 * <p>A {@link FloatBlockSweep} over all columns with S as the row side and T as the column side;
 * rows cut into fixed chunks ({@link KernelSupport#squareBounds}), each owning its rows of dS and a
 * dT buffer of its own. Its own math is the row activation: sigmoid and softplus in place, weight 0
 * past n. Positives are corrected in a sequential sparse double pass. Results are bitwise identical
 * for any thread count.
 */
final class FloatVectorSourceTargetBce extends FloatVectorKernel implements SourceTargetBceKernel {

    static final FloatVectorSourceTargetBce INSTANCE = new FloatVectorSourceTargetBce();

    private FloatVectorSourceTargetBce() {
    }

    @Override
    public double lossAndGradient(double[] s, double[] t, int n, int f, SparseMatrix target, double posWeight,
                                  double norm, double[] gradS, double[] gradT, Parallelism parallelism) {
        KernelSupport.checkSourceTarget(s, t, n, f, target, posWeight, norm, gradS, gradT);
        FloatBlockSweep.checkNodes(n);
        int fp = KernelSupport.roundUp(f, L);
        int np = KernelSupport.roundUp(n, Math.max(L, BlockSweep.R));
        float[] sr = FloatBlockSweep.paddedRows(s, n, f, np, fp);
        float[] tr = FloatBlockSweep.paddedRows(t, n, f, np, fp);
        float[] tt = FloatBlockSweep.transposed(t, n, f, np);
        int[] bounds = KernelSupport.squareBounds(np, BlockSweep.R);
        float[] ds = new float[np * fp];
        Chunk[] parts = new Chunk[bounds.length - 1];
        double loss = SweepChunk.sweepAll(bounds, parallelism, parts, () -> new Chunk(n, np, f, fp, sr, tt, tr, ds));
        double[] corrS = new double[n * f];
        double[] corrT = new double[n * f];
        loss += KernelSupport.sourceTargetCorrection(s, t, n, f, target, posWeight, corrS, corrT);
        double c = norm / ((double) n * n);
        parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int k = 0, o = i * f, b = i * fp; k < f; k++) {
                    gradS[o + k] = c * (corrS[o + k] + ds[b + k]);
                    double g = corrT[o + k];
                    for (Chunk part : parts) {
                        g += part.dt[b + k];
                    }
                    gradT[o + k] = c * g;
                }
            }
        });
        return c * loss;
    }

    /** Rows against every column, every pair as a negative: its rows of the shared dS, a dT of its own. */
    private static final class Chunk extends FloatBlockSweep {
        private final int n;
        final float[] dt;

        Chunk(int n, int np, int f, int fp, float[] sr, float[] tt, float[] tr, float[] ds) {
            this(n, np, f, fp, sr, tt, tr, ds, new float[np * fp]);
        }

        private Chunk(int n, int np, int f, int fp, float[] sr, float[] tt, float[] tr, float[] ds, float[] dt) {
            super(false, n, np, f, fp, sr, tt, tr, ds, dt);
            this.n = n;
            this.dt = dt;
        }

        /** Weight 1 for j &lt; n, 0 past the end and for padding rows i ≥ n; adds Σ softplus. */
        @Override
        double activateRow(double loss, int base, int jFrom, int jTo, int i) {
            if (i >= n) {
                Arrays.fill(buf, base, base + (jTo - jFrom), 0f);
                return loss;
            }
            int plainTo = Math.max(jFrom, Math.min(jTo, n / L * L));
            if (plainTo > jFrom) {
                loss += plainSoftplus(buf, base, (plainTo - jFrom) / L, lanes);
            }
            for (int jb = plainTo; jb < jTo; jb += L) {
                loss += edgeSoftplus(buf, base + jb - jFrom, jb, -1, n, lanes);
            }
            return loss;
        }
    }
}
