// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.Precision;
import io.github.gae4j.decoders.fused.vector.BlockSweep;
import java.util.function.Supplier;

/**
 * The frame of both Vector API inner-product kernels (float and double differ only in their {@link BlockSweep}):
 * symmetric, so Z is both sides of a triangle sweep (only pairs j ≥ i; each off-diagonal pair feeds dZ_i and,
 * mirrored, dZ_j), cut into fixed chunks of equal pair counts ({@link KernelSupport#triangleBounds}), each with its
 * own dZ buffer; the row activation of a bilinear sweep (sigmoid and softplus lanewise in place, weight ½ on the
 * diagonal and 0 below it and past n). Positives are corrected in a sparse double pass, in parallel row chunks.
 * Results are bitwise identical for any thread count.
 */
abstract class VectorInnerProductBce implements InnerProductBceKernel {

    private final Precision precision;
    private final int lanes;

    VectorInnerProductBce(Precision precision, int lanes) {
        this.precision = precision;
        this.lanes = lanes;
    }

    @Override
    public final String name() {
        return precision == Precision.FLOAT ? "vector-float" : "vector-double";
    }

    @Override
    public final Precision precision() {
        return precision;
    }

    @Override
    public final String toString() {
        return name() + "[" + lanes + " lanes]";
    }

    /** Pads z for the sweep and returns a maker of chunks, each a triangle sweep with a dZ buffer of its own. */
    abstract Supplier<BlockSweep> chunks(double[] z, int n, int f, int np, int fp);

    /** Fails for graphs the precision cannot index. */
    void checkNodes(int n) {}

    @Override
    public final double lossAndGradient(
            double[] z,
            int n,
            int f,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradOut,
            Parallelism parallelism) {
        InnerProductPairs.check(z, n, f, target, posWeight, norm, gradOut);
        checkNodes(n);
        int l = lanes;
        int fp = KernelSupport.roundUp(f, l);
        int np = KernelSupport.roundUp(n, Math.max(l, BlockSweep.R));
        return new Pass(z, n, f, l, target, posWeight, gradOut, chunks(z, n, f, np, fp)).run(n, norm, parallelism);
    }

    private static final class Pass extends InnerProductPass<BlockSweep> {
        private final int lanes;
        private final Supplier<BlockSweep> chunks;

        Pass(
                double[] z,
                int n,
                int f,
                int lanes,
                SparseMatrix target,
                double posWeight,
                double[] gradOut,
                Supplier<BlockSweep> chunks) {
            super(z, n, f, target, posWeight, gradOut);
            this.lanes = lanes;
            this.chunks = chunks;
        }

        @Override
        protected int[] bounds() {
            return KernelSupport.triangleBounds(n, BlockSweep.R);
        }

        @Override
        protected BlockSweep newChunk() {
            return chunks.get();
        }

        @Override
        protected BlockSweep[] newChunks(int count) {
            return new BlockSweep[count];
        }

        @Override
        protected double sweepWeight() {
            return 2.0;
        }

        @Override
        double positives(int from, int to) {
            return PositiveCorrection.apply(z, f, target, posWeight, from, to, correction);
        }

        /**
         * Rows of the gradient: 2c · (correction + Σ_c dz[c]), summed in chunk order (so independent of the
         * threads); chunk c's buffer is zero below row bounds[c] rounded down to the lanes.
         */
        @Override
        protected void finish(BlockSweep[] parts, int[] bounds, double c, Parallelism parallelism) {
            double scale = 2.0 * c;
            parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) -> {
                System.arraycopy(correction, from * f, gradOut, from * f, (to - from) * f);
                for (int p = 0; p < parts.length; p++) {
                    for (int i = Math.max(from, bounds[p] / lanes * lanes); i < to; i++) {
                        parts[p].addColumnGradient(i, gradOut, i * f);
                    }
                }
                for (int o = from * f, end = to * f; o < end; o++) {
                    gradOut[o] *= scale;
                }
            });
        }
    }
}
