package io.github.gae4j.core.kernel.vector;

import static io.github.gae4j.core.kernel.vector.FloatBlockSweep.L;

import io.github.gae4j.core.kernel.FullGraphBceKernel;
import io.github.gae4j.core.kernel.KernelSupport;
import io.github.gae4j.core.kernel.SweepChunk;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;

/**
 * The fast full-graph kernel: float z, logits and gradients in vector registers, double
 * accumulation of the loss, symmetric (only pairs j ≥ i; each off-diagonal pair feeds dZ_i and,
 * mirrored, dZ_j).
 *
 * <p>Z is both sides of a {@link FloatBlockSweep} over the triangle, cut into fixed chunks of equal
 * pair counts ({@link KernelSupport#triangleBounds}), each with its own dZ buffer. Its own math is
 * the row activation: sigmoid and softplus lanewise in place, weight ½ on the diagonal and 0 below
 * it and past n (only the tiles at the diagonal and the end need weights). Positives are corrected
 * in a sparse double pass. Results are bitwise identical for any thread count.
 */
final class FloatVectorFullGraphBce extends FloatVectorKernel implements FullGraphBceKernel {

    static final FloatVectorFullGraphBce INSTANCE = new FloatVectorFullGraphBce();

    private FloatVectorFullGraphBce() {
    }

    @Override
    public double lossAndGradient(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm,
                                  double[] gradOut, Parallelism parallelism) {
        KernelSupport.checkArguments(z, n, f, target, posWeight, norm, gradOut);
        FloatBlockSweep.checkNodes(n);
        int fp = KernelSupport.roundUp(f, L);
        int np = KernelSupport.roundUp(n, Math.max(L, BlockSweep.R));
        float[] zr = FloatBlockSweep.paddedRows(z, n, f, np, fp);
        float[] zt = FloatBlockSweep.transposed(z, n, f, np);
        int[] bounds = KernelSupport.triangleBounds(n, BlockSweep.R);
        Chunk[] parts = new Chunk[bounds.length - 1];
        // Each off-diagonal pair stands for two: the sweep's loss counts the diagonal with weight ½.
        double loss = 2.0 * SweepChunk.sweepAll(bounds, parallelism, parts, () -> new Chunk(n, np, f, fp, zr, zt));
        double[] correction = new double[n * f];
        loss = KernelSupport.correctInChunks(loss, n, parallelism,
                (from, to) -> PositiveCorrection.apply(z, f, target, posWeight, from, to, correction));

        double c = norm / ((double) n * n);
        double scale = 2.0 * c;
        parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) ->
                gather(correction, parts, bounds, f, fp, from, to, scale, gradOut));
        return c * loss;
    }

    /**
     * Rows [from, to) of the gradient: scale · (correction + Σ_c dz[c]), summed in chunk order (so
     * independent of the threads); chunk c's buffer is zero below row bounds[c] rounded down to L.
     */
    private static void gather(double[] correction, Chunk[] parts, int[] bounds, int f, int fp, int from, int to,
                               double scale, double[] gradOut) {
        System.arraycopy(correction, from * f, gradOut, from * f, (to - from) * f);
        for (int c = 0; c < parts.length; c++) {
            float[] buf = parts[c].dz;
            for (int i = Math.max(from, bounds[c] / L * L); i < to; i++) {
                for (int k = 0, o = i * f, b = i * fp; k < f; k++) {
                    gradOut[o + k] += buf[b + k];
                }
            }
        }
        for (int o = from * f, end = to * f; o < end; o++) {
            gradOut[o] *= scale;
        }
    }

    /** Rows of the triangle, every pair as a negative, into a dZ buffer of its own. */
    private static final class Chunk extends FloatBlockSweep {
        private final int n;
        final float[] dz;

        Chunk(int n, int np, int f, int fp, float[] zr, float[] zt) {
            this(n, np, f, fp, zr, zt, new float[np * fp]);
        }

        private Chunk(int n, int np, int f, int fp, float[] zr, float[] zt, float[] dz) {
            super(true, n, np, f, fp, zr, zt, zr, dz, dz);
            this.n = n;
            this.dz = dz;
        }

        /** Weights 1 for j &gt; i, ½ on the diagonal, 0 for j &lt; i, j ≥ n or i ≥ n; adds Σ w·softplus. */
        @Override
        double activateRow(double loss, int base, int jFrom, int jTo, int i) {
            // Plain tiles: all j > i and j < n.
            int plainFrom = Math.max(jFrom, (i / L + 1) * L);
            int plainTo = Math.max(plainFrom, Math.min(jTo, n / L * L));
            double edges = 0;
            for (int jb = jFrom; jb < plainFrom && jb < jTo; jb += L) {
                edges += edgeSoftplus(buf, base + jb - jFrom, jb, i, n, lanes);
            }
            for (int jb = plainTo; jb < jTo; jb += L) {
                edges += edgeSoftplus(buf, base + jb - jFrom, jb, i, n, lanes);
            }
            if (plainFrom >= plainTo) {
                return loss + edges;
            }
            return loss + (edges + plainSoftplus(buf, base + plainFrom - jFrom, (plainTo - plainFrom) / L, lanes));
        }
    }
}
