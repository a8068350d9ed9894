package io.github.gae4j.core.kernel.vector;

import static io.github.gae4j.core.kernel.vector.DoubleVectorMath.HALF;
import static io.github.gae4j.core.kernel.vector.DoubleVectorMath.ONE;
import static io.github.gae4j.core.kernel.vector.DoubleVectorMath.S;
import static io.github.gae4j.core.kernel.vector.DoubleVectorMath.TWO;

import io.github.gae4j.core.kernel.FullGraphBceKernel;
import io.github.gae4j.core.kernel.KernelSupport;
import io.github.gae4j.core.kernel.Precision;
import io.github.gae4j.core.kernel.SweepChunk;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The double twin of {@link FloatVectorFullGraphBce} with the same code shape (double z, logits and
 * gradients; half the lanes): the precision mode, and the reference the float kernel is tested
 * against. It shares the blocking loop ({@link BlockSweep}), the chunk plumbing and the positive
 * pass; the vector code is its own, as the Vector API has no code generic over the lane type that
 * C2 compiles as well. Results are bitwise identical for any thread count.
 */
final class DoubleVectorFullGraphBce implements FullGraphBceKernel {

    static final DoubleVectorFullGraphBce INSTANCE = new DoubleVectorFullGraphBce();

    private static final int L = S.length();
    /** Columns per cache block; 32 vectors, as in the float kernel. */
    private static final int BLOCK = 32 * L;
    private static final int R = BlockSweep.R;
    private static final DoubleVector IOTA = DoubleVector.zero(S).addIndex(1);

    private DoubleVectorFullGraphBce() {
    }

    @Override
    public String name() {
        return "vector-double";
    }

    @Override
    public Precision precision() {
        return Precision.DOUBLE;
    }

    @Override
    public String toString() {
        return name() + "[" + L + " lanes]";
    }

    @Override
    public double lossAndGradient(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm,
                                  double[] gradOut, Parallelism parallelism) {
        KernelSupport.checkArguments(z, n, f, target, posWeight, norm, gradOut);
        int fp = KernelSupport.roundUp(f, L);
        int np = KernelSupport.roundUp(n, Math.max(L, R));
        double[] zr = new double[np * fp];
        double[] zt = new double[f * np];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                double v = z[i * f + k];
                zr[i * fp + k] = v;
                zt[k * np + i] = v;
            }
        }
        int[] bounds = KernelSupport.triangleBounds(n, R);
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
            double[] buf = parts[c].dz;
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
    private static final class Chunk extends BlockSweep {
        private final int n;
        private final int np;
        private final int f;
        private final int fp;
        private final double[] zr;
        private final double[] zt;
        final double[] dz;
        private final double[] buf = new double[R * BLOCK];
        private final double[] lanes = new double[L];

        Chunk(int n, int np, int f, int fp, double[] zr, double[] zt) {
            super(true, L, BLOCK, n, np);
            this.n = n;
            this.np = np;
            this.f = f;
            this.fp = fp;
            this.zr = zr;
            this.zt = zt;
            this.dz = new double[np * fp];
        }

        @Override
        void logits(int i0, int jFrom, int jTo) {
            logitTiles(zt, np, zr, fp, f, i0, jFrom, jTo, buf);
        }

        /**
         * Weights 1 for j &gt; i, ½ on the diagonal, 0 for j &lt; i, j ≥ n or i ≥ n; only the tiles that
         * touch the diagonal or the end need them ({@link #edgeTile}). Adds Σ w·softplus.
         */
        @Override
        double activateRow(double loss, int base, int jFrom, int jTo, int i) {
            // Plain tiles: all j > i and j < n.
            int plainFrom = Math.max(jFrom, (i / L + 1) * L);
            int plainTo = Math.max(plainFrom, Math.min(jTo, n / L * L));
            double edges = 0;
            for (int jb = jFrom; jb < plainFrom && jb < jTo; jb += L) {
                edges += edgeTile(buf, base + jb - jFrom, jb, i, n, lanes);
            }
            for (int jb = plainTo; jb < jTo; jb += L) {
                edges += edgeTile(buf, base + jb - jFrom, jb, i, n, lanes);
            }
            if (plainFrom >= plainTo) {
                return loss + edges;
            }
            return loss + (edges + plainTiles(buf, base + plainFrom - jFrom, (plainTo - plainFrom) / L, lanes));
        }

        @Override
        void gradients(int i0, int jFrom, int jTo) {
            for (int kv = 0; kv < fp; kv += L) {
                gradientStrip(zr, fp, kv, i0, jFrom, jTo, buf, dz);
            }
        }
    }

    /**
     * Logits of rows i0..i0+3 against columns [jFrom, jTo) (whole vectors) into s (row r at r·BLOCK):
     * column vectors of Zᵀ times broadcast z_ik, four rows by two vectors at a time (each broadcast
     * feeds two FMAs).
     */
    private static void logitTiles(double[] zt, int np, double[] zr, int fp, int f, int i0, int jFrom, int jTo,
                                   double[] s) {
        int r0 = i0 * fp;
        int r1 = r0 + fp;
        int r2 = r1 + fp;
        int r3 = r2 + fp;
        int jb = jFrom;
        for (; jb + 2 * L <= jTo; jb += 2 * L) {
            DoubleVector x0 = DoubleVector.zero(S);
            DoubleVector x1 = DoubleVector.zero(S);
            DoubleVector x2 = DoubleVector.zero(S);
            DoubleVector x3 = DoubleVector.zero(S);
            DoubleVector y0 = DoubleVector.zero(S);
            DoubleVector y1 = DoubleVector.zero(S);
            DoubleVector y2 = DoubleVector.zero(S);
            DoubleVector y3 = DoubleVector.zero(S);
            for (int k = 0, t = jb; k < f; k++, t += np) {
                DoubleVector c = DoubleVector.fromArray(S, zt, t);
                DoubleVector d = DoubleVector.fromArray(S, zt, t + L);
                DoubleVector b = DoubleVector.broadcast(S, zr[r0 + k]);
                x0 = c.fma(b, x0);
                y0 = d.fma(b, y0);
                b = DoubleVector.broadcast(S, zr[r1 + k]);
                x1 = c.fma(b, x1);
                y1 = d.fma(b, y1);
                b = DoubleVector.broadcast(S, zr[r2 + k]);
                x2 = c.fma(b, x2);
                y2 = d.fma(b, y2);
                b = DoubleVector.broadcast(S, zr[r3 + k]);
                x3 = c.fma(b, x3);
                y3 = d.fma(b, y3);
            }
            int o = jb - jFrom;
            x0.intoArray(s, o);
            y0.intoArray(s, o + L);
            x1.intoArray(s, BLOCK + o);
            y1.intoArray(s, BLOCK + o + L);
            x2.intoArray(s, 2 * BLOCK + o);
            y2.intoArray(s, 2 * BLOCK + o + L);
            x3.intoArray(s, 3 * BLOCK + o);
            y3.intoArray(s, 3 * BLOCK + o + L);
        }
        if (jb < jTo) {
            DoubleVector x0 = DoubleVector.zero(S);
            DoubleVector x1 = DoubleVector.zero(S);
            DoubleVector x2 = DoubleVector.zero(S);
            DoubleVector x3 = DoubleVector.zero(S);
            for (int k = 0, t = jb; k < f; k++, t += np) {
                DoubleVector c = DoubleVector.fromArray(S, zt, t);
                x0 = c.fma(DoubleVector.broadcast(S, zr[r0 + k]), x0);
                x1 = c.fma(DoubleVector.broadcast(S, zr[r1 + k]), x1);
                x2 = c.fma(DoubleVector.broadcast(S, zr[r2 + k]), x2);
                x3 = c.fma(DoubleVector.broadcast(S, zr[r3 + k]), x3);
            }
            int o = jb - jFrom;
            x0.intoArray(s, o);
            x1.intoArray(s, BLOCK + o);
            x2.intoArray(s, 2 * BLOCK + o);
            x3.intoArray(s, 3 * BLOCK + o);
        }
    }

    /**
     * Replaces {@code tiles} whole plain tiles of logits from s[off] (weight 1) by σ(x) and returns
     * Σ softplus(x), the logs taken once a lane (see {@link FloatBlockSweep#plainSoftplus}).
     */
    private static double plainTiles(double[] s, int off, int tiles, double[] lanes) {
        DoubleVector relu = DoubleVector.zero(S);
        DoubleVector m = DoubleVector.zero(S);
        for (int end = off + tiles * L; off < end; off += L) {
            DoubleVector x = DoubleVector.fromArray(S, s, off);
            DoubleVector ax = x.abs();
            DoubleVector e = DoubleVectorMath.expNeg(ax);
            ONE.blend(e, x.compare(VectorOperators.LT, 0.0)).div(e.add(ONE)).intoArray(s, off);
            relu = relu.add(x.add(ax));
            m = m.fma(e, m.add(e));
        }
        DoubleVectorMath.log1p(m).fma(TWO, relu).intoArray(lanes, 0);
        double sum = 0;
        for (double v : lanes) {
            sum += v;
        }
        return 0.5 * sum;
    }

    /** One tile at column jb of row i with weights; returns Σ w·softplus. */
    private static double edgeTile(double[] s, int off, int jb, int i, int n, double[] lanes) {
        DoubleVector x = DoubleVector.fromArray(S, s, off);
        DoubleVector w = weights(IOTA.add((double) jb), i, n);
        DoubleVector ax = x.abs();
        DoubleVector e = DoubleVectorMath.expNeg(ax);
        DoubleVector onePlus = e.add(ONE);
        ONE.blend(e, x.compare(VectorOperators.LT, 0.0)).div(onePlus).mul(w).intoArray(s, off);
        DoubleVector softplus = DoubleVectorMath.log1pFromU(e.div(e.add(TWO))).add(x.add(ax).mul(HALF));
        softplus.mul(w).intoArray(lanes, 0);
        double sum = 0;
        for (double v : lanes) {
            sum += v;
        }
        return sum;
    }

    private static DoubleVector weights(DoubleVector j, int i, int n) {
        double fi = i >= n ? Double.MAX_VALUE : i;
        DoubleVector w = DoubleVector.zero(S)
                .blend(ONE, j.compare(VectorOperators.GT, fi).and(j.compare(VectorOperators.LT, (double) n)));
        return w.blend(HALF, j.compare(VectorOperators.EQ, fi));
    }

    /**
     * For the lanes [kv, kv + L) of rows i0..i0+3 and columns j ∈ [jFrom, jTo):
     * dZ_j += Σ_r s_rj z_{i0+r} and dZ_{i0+r} += Σ_j s_rj z_j.
     */
    private static void gradientStrip(double[] zr, int fp, int kv, int i0, int jFrom, int jTo, double[] s, double[] dz) {
        int r0 = i0 * fp + kv;
        DoubleVector z0 = DoubleVector.fromArray(S, zr, r0);
        DoubleVector z1 = DoubleVector.fromArray(S, zr, r0 + fp);
        DoubleVector z2 = DoubleVector.fromArray(S, zr, r0 + 2 * fp);
        DoubleVector z3 = DoubleVector.fromArray(S, zr, r0 + 3 * fp);
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = DoubleVector.zero(S);
        DoubleVector a2 = DoubleVector.zero(S);
        DoubleVector a3 = DoubleVector.zero(S);
        for (int o = 0, t = jFrom * fp + kv, m = jTo - jFrom; o < m; o++, t += fp) {
            DoubleVector zj = DoubleVector.fromArray(S, zr, t);
            DoubleVector s0 = DoubleVector.broadcast(S, s[o]);
            DoubleVector s1 = DoubleVector.broadcast(S, s[BLOCK + o]);
            DoubleVector s2 = DoubleVector.broadcast(S, s[2 * BLOCK + o]);
            DoubleVector s3 = DoubleVector.broadcast(S, s[3 * BLOCK + o]);
            a0 = zj.fma(s0, a0);
            a1 = zj.fma(s1, a1);
            a2 = zj.fma(s2, a2);
            a3 = zj.fma(s3, a3);
            DoubleVector d = DoubleVector.fromArray(S, dz, t);
            d = z0.fma(s0, d);
            d = z1.fma(s1, d);
            d = z2.fma(s2, d);
            d = z3.fma(s3, d);
            d.intoArray(dz, t);
        }
        DoubleVector.fromArray(S, dz, r0).add(a0).intoArray(dz, r0);
        DoubleVector.fromArray(S, dz, r0 + fp).add(a1).intoArray(dz, r0 + fp);
        DoubleVector.fromArray(S, dz, r0 + 2 * fp).add(a2).intoArray(dz, r0 + 2 * fp);
        DoubleVector.fromArray(S, dz, r0 + 3 * fp).add(a3).intoArray(dz, r0 + 3 * fp);
    }
}
