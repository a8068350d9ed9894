// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

import static io.github.gae4j.decoders.fused.vector.FloatBlockSweep.L;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.vector.BlockSweep;
import io.github.gae4j.decoders.fused.vector.FloatBlockSweep;
import io.github.gae4j.decoders.fused.vector.FloatVectorKernel;

/**
 * The fast {@link SourceTargetBceKernel}: float s, t, logits and gradients in vector registers,
 * double accumulation of the loss, every ordered pair (x_ij ≠ x_ji, so no symmetry to use).
 *
 * <p>A {@link FloatBlockSweep} over all columns with S as the row side and T as the column side (the bilinear
 * sweep as it is: sigmoid and softplus in place, weight 0 past n); rows cut into fixed chunks
 * ({@link KernelSupport#squareBounds}), each owning its rows of dS and a dT buffer of its own. Positives are
 * corrected in a sequential sparse double pass. Results are bitwise identical for any thread count.
 */
final class FloatVectorSourceTargetBce extends FloatVectorKernel implements SourceTargetBceKernel {

    static final FloatVectorSourceTargetBce INSTANCE = new FloatVectorSourceTargetBce();

    private FloatVectorSourceTargetBce() {}

    @Override
    public double lossAndGradient(
            double[] s,
            double[] t,
            int n,
            int f,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradS,
            double[] gradT,
            Parallelism parallelism) {
        SourceTargetPairs.check(s, t, n, f, target, posWeight, norm, gradS, gradT);
        FloatBlockSweep.checkNodes(n);
        return new Pass(s, t, n, f, target, posWeight, gradS, gradT).run(n, norm, parallelism);
    }

    /** One call: S, T padded to float; dS shared (chunks own its rows), dT per chunk; the positives in double. */
    private static final class Pass extends SourceTargetPass<FloatBlockSweep> {
        private final int fp;
        private final int np;
        private final float[] sr;
        private final float[] tr;
        private final float[] tt;
        private final float[] ds;
        private final double[] corrS;
        private final double[] corrT;

        Pass(
                double[] s,
                double[] t,
                int n,
                int f,
                SparseMatrix target,
                double posWeight,
                double[] gradS,
                double[] gradT) {
            super(s, t, n, f, target, posWeight, gradS, gradT);
            this.fp = KernelSupport.roundUp(f, L);
            this.np = KernelSupport.roundUp(n, Math.max(L, BlockSweep.R));
            this.sr = FloatBlockSweep.paddedRows(s, n, f, np, fp);
            this.tr = FloatBlockSweep.paddedRows(t, n, f, np, fp);
            this.tt = FloatBlockSweep.transposed(t, n, f, np);
            this.ds = new float[np * fp];
            this.corrS = new double[n * f];
            this.corrT = new double[n * f];
        }

        @Override
        protected int[] bounds() {
            return KernelSupport.squareBounds(np, BlockSweep.R);
        }

        @Override
        protected FloatBlockSweep newChunk() {
            return new FloatBlockSweep(false, n, np, f, fp, sr, tt, tr, ds, new float[np * fp]);
        }

        @Override
        protected FloatBlockSweep[] newChunks(int count) {
            return new FloatBlockSweep[count];
        }

        @Override
        protected double correct(double loss, FloatBlockSweep[] chunks, Parallelism parallelism) {
            return loss + SourceTargetPairs.correction(s, t, n, f, target, posWeight, corrS, corrT);
        }

        /** dS = c (correction + the shared dS), dT = c (correction + Σ dt in chunk order), in parallel row chunks. */
        @Override
        protected void finish(FloatBlockSweep[] chunks, int[] bounds, double c, Parallelism parallelism) {
            parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    int o = i * f;
                    for (int k = 0, b = i * fp; k < f; k++) {
                        gradS[o + k] = c * (corrS[o + k] + ds[b + k]);
                    }
                    System.arraycopy(corrT, o, gradT, o, f);
                    for (FloatBlockSweep part : chunks) {
                        part.addColumnGradient(i, gradT, o);
                    }
                    for (int k = 0; k < f; k++) {
                        gradT[o + k] *= c;
                    }
                }
            });
        }
    }
}
