// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.ScalarBce;
import java.util.Arrays;

/**
 * The plain-Java {@link SourceTargetBceKernel}, in double: runs everywhere (no incubator module).
 *
 * <p>Sweeps every ordered pair (i, j) treating it as a negative, then corrects the stored
 * (positive) pairs of the target in a sequential sparse pass. Rows are cut into
 * {@link KernelSupport#squareBounds fixed chunks}: a chunk owns its rows of dS and has its
 * own dT buffer; buffers are summed in chunk order ({@link SourceTargetPass}), so results do not depend
 * on the thread count. Memory is O(chunks · N · f + nnz).
 */
final class ScalarSourceTargetBce extends ScalarBce implements SourceTargetBceKernel {

    static final ScalarSourceTargetBce INSTANCE = new ScalarSourceTargetBce();

    private ScalarSourceTargetBce() {}

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
        return new Pass(s, t, n, f, target, posWeight, gradS, gradT).run(n, norm, parallelism);
    }

    /** One call: rows in chunks, dT = Σ dt in chunk order, then the positives added into dS and dT, then c. */
    private static final class Pass extends SourceTargetPass<Chunk> {

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
        }

        @Override
        protected int[] bounds() {
            return KernelSupport.squareBounds(n, 1);
        }

        @Override
        protected Chunk newChunk() {
            return new Chunk(s, t, n, f, gradS);
        }

        @Override
        protected Chunk[] newChunks(int count) {
            return new Chunk[count];
        }

        @Override
        protected double correct(double loss, Chunk[] chunks, Parallelism parallelism) {
            Arrays.fill(gradT, 0.0);
            for (Chunk part : chunks) {
                for (int k = 0; k < gradT.length; k++) {
                    gradT[k] += part.db[k];
                }
            }
            return loss + SourceTargetPairs.correction(s, t, n, f, target, posWeight, gradS, gradT);
        }

        @Override
        protected void finish(Chunk[] chunks, int[] bounds, double c, Parallelism parallelism) {
            for (int k = 0; k < gradS.length; k++) {
                gradS[k] *= c;
                gradT[k] *= c;
            }
        }
    }

    /** Rows against every column, each pair as a negative: sets their rows of dS, adds into its own dT ({@code db}). */
    private static final class Chunk extends BilinearChunk {
        private final double[] gradS;

        Chunk(double[] s, double[] t, int n, int f, double[] gradS) {
            super(s, t, n, f);
            this.gradS = gradS;
        }

        /** Returns Σ_j softplus(x_ij), sets dS_i = Σ_j σ(x_ij) t_j and adds σ(x_ij) s_i to dt[j]. */
        @Override
        protected double row(int i) {
            int si = i * f;
            Arrays.fill(acc, 0.0);
            double negatives = negativeRow(a, si, b, 0, n, f, acc, db);
            System.arraycopy(acc, 0, gradS, si, f);
            return negatives;
        }
    }
}
