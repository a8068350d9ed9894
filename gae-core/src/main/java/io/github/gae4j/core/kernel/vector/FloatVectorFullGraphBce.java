package io.github.gae4j.core.kernel.vector;

import static io.github.gae4j.core.kernel.vector.FloatVectorMath.HALF;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.ONE;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.S;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.TWO;

import io.github.gae4j.core.kernel.FullGraphBceKernel;
import io.github.gae4j.core.kernel.KernelSupport;
import io.github.gae4j.core.kernel.Precision;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The fast full-graph kernel: float z, logits and gradients in vector registers, double
 * accumulation of the loss, symmetric (only pairs j ≥ i; each off-diagonal pair feeds dZ_i and,
 * mirrored, dZ_j).
 *
 * <p>Layout: Z as float rows padded to a multiple of the vector length ({@code zr}, for the
 * gradient) and transposed ({@code zt}, f rows of N, for the logits). The triangle is cut into
 * fixed chunks of equal pair counts ({@link KernelSupport#triangleBounds}), each with its own dZ
 * buffer; inside a chunk, column blocks of {@value #BLOCK} keep Z's block in L2 while blocks of
 * {@value #R} rows sweep it in three small methods (C2 inlines the vector code only in small
 * methods): the logits of R rows × L columns (broadcast z_ik × a column vector of Zᵀ) into a small
 * buffer, then sigmoid and softplus lanewise in place, then dZ_i += s_ij z_j and dZ_j += s_ij z_i
 * a row vector at a time. Positives are corrected in a sparse double pass.
 * Results are bitwise identical for any thread count.
 */
final class FloatVectorFullGraphBce implements FullGraphBceKernel {

    static final FloatVectorFullGraphBce INSTANCE = new FloatVectorFullGraphBce();

    private static final int L = S.length();
    /** Rows per register block. */
    private static final int R = 4;
    /**
     * Columns per cache block (512 with 16 lanes): Z's block (rows, transposed and dZ) stays in L2
     * across a chunk's rows. 32 vectors, so a lane's product of (1 + e) factors in {@link #plainTiles}
     * has at most 32 factors ≤ 2 and cannot overflow.
     */
    private static final int BLOCK = 32 * L;
    private static final FloatVector IOTA = FloatVector.zero(S).addIndex(1);
    /** Node indices are compared as floats: exact below 2^24. */
    private static final int MAX_NODES = 1 << 24;

    private FloatVectorFullGraphBce() {
    }

    @Override
    public String name() {
        return "vector-float";
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT;
    }

    @Override
    public String toString() {
        return name() + "[" + L + " lanes]";
    }

    @Override
    public double lossAndGradient(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm,
                                  double[] gradOut, Parallelism parallelism) {
        KernelSupport.checkArguments(z, n, f, target, posWeight, norm, gradOut);
        if (n >= MAX_NODES) {
            throw new IllegalArgumentException("The float kernel handles fewer than 2^24 nodes, got " + n);
        }
        int fp = KernelSupport.roundUp(f, L);
        int np = KernelSupport.roundUp(n, Math.max(L, R));
        float[] zr = new float[np * fp];
        float[] zt = new float[f * np];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                float v = (float) z[i * f + k];
                zr[i * fp + k] = v;
                zt[k * np + i] = v;
            }
        }
        int[] bounds = KernelSupport.triangleBounds(n, R);
        int chunks = bounds.length - 1;
        float[][] dz = new float[chunks][];
        double[] lossParts = new double[chunks];
        parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
            float[] buf = new float[np * fp];
            lossParts[chunk] = sweep(zr, zt, n, np, f, fp, from, to, buf);
            dz[chunk] = buf;
        });
        double[] correction = new double[n * f];
        double[] correctionLoss = new double[Parallelism.chunkCount(n, KernelSupport.CORRECTION_ROWS)];
        parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) ->
                correctionLoss[chunk] = PositiveCorrection.apply(z, f, target, posWeight, from, to, correction));

        double c = norm / ((double) n * n);
        double loss = 0;
        for (double part : lossParts) {
            loss += part;
        }
        for (double part : correctionLoss) {
            loss += part;
        }
        double scale = 2.0 * c;
        parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) ->
                gather(correction, dz, bounds, f, fp, from, to, scale, gradOut));
        return c * loss;
    }

    /**
     * Rows [from, to) of the gradient: scale · (correction + Σ_c dz[c]), summed in chunk order (so
     * independent of the threads); chunk c's buffer is zero below row bounds[c] rounded down to L.
     */
    private static void gather(double[] correction, float[][] dz, int[] bounds, int f, int fp, int from, int to,
                               double scale, double[] gradOut) {
        System.arraycopy(correction, from * f, gradOut, from * f, (to - from) * f);
        for (int c = 0; c < dz.length; c++) {
            float[] buf = dz[c];
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

    /** Rows [from, to) of the triangle, every pair as a negative; returns Σ_diag softplus + 2 Σ_{j>i} softplus. */
    private static double sweep(float[] zr, float[] zt, int n, int np, int f, int fp, int from, int to, float[] dz) {
        if (from >= to) {
            return 0;
        }
        float[] s = new float[R * BLOCK];
        float[] lanes = new float[L];
        double loss = 0;
        for (int jBlock = from / L * L; jBlock < np; jBlock += BLOCK) {
            int jEnd = Math.min(jBlock + BLOCK, np);
            int jLast = Math.min(jEnd, n);
            for (int i0 = from; i0 < to && i0 < jEnd; i0 += R) {
                int jFrom = Math.max(jBlock, i0 / L * L);
                logitTiles(zt, np, zr, fp, f, i0, jFrom, jEnd, s);
                for (int r = 0; r < R; r++) {
                    loss += activateRow(s, r * BLOCK, jFrom, jEnd, i0 + r, n, lanes);
                }
                for (int kv = 0; kv < fp; kv += L) {
                    gradientStrip(zr, fp, kv, i0, jFrom, jLast, s, dz);
                }
            }
        }
        return 2.0 * loss;
    }

    /**
     * Logits of rows i0..i0+3 against columns [jFrom, jTo) (whole vectors) into s (row r at r·BLOCK):
     * column vectors of Zᵀ times broadcast z_ik, four rows by two vectors at a time (each broadcast
     * feeds two FMAs).
     */
    private static void logitTiles(float[] zt, int np, float[] zr, int fp, int f, int i0, int jFrom, int jTo,
                                   float[] s) {
        int r0 = i0 * fp;
        int r1 = r0 + fp;
        int r2 = r1 + fp;
        int r3 = r2 + fp;
        int jb = jFrom;
        for (; jb + 2 * L <= jTo; jb += 2 * L) {
            FloatVector x0 = FloatVector.zero(S);
            FloatVector x1 = FloatVector.zero(S);
            FloatVector x2 = FloatVector.zero(S);
            FloatVector x3 = FloatVector.zero(S);
            FloatVector y0 = FloatVector.zero(S);
            FloatVector y1 = FloatVector.zero(S);
            FloatVector y2 = FloatVector.zero(S);
            FloatVector y3 = FloatVector.zero(S);
            for (int k = 0, t = jb; k < f; k++, t += np) {
                FloatVector c = FloatVector.fromArray(S, zt, t);
                FloatVector d = FloatVector.fromArray(S, zt, t + L);
                FloatVector b = FloatVector.broadcast(S, zr[r0 + k]);
                x0 = c.fma(b, x0);
                y0 = d.fma(b, y0);
                b = FloatVector.broadcast(S, zr[r1 + k]);
                x1 = c.fma(b, x1);
                y1 = d.fma(b, y1);
                b = FloatVector.broadcast(S, zr[r2 + k]);
                x2 = c.fma(b, x2);
                y2 = d.fma(b, y2);
                b = FloatVector.broadcast(S, zr[r3 + k]);
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
            FloatVector x0 = FloatVector.zero(S);
            FloatVector x1 = FloatVector.zero(S);
            FloatVector x2 = FloatVector.zero(S);
            FloatVector x3 = FloatVector.zero(S);
            for (int k = 0, t = jb; k < f; k++, t += np) {
                FloatVector c = FloatVector.fromArray(S, zt, t);
                x0 = c.fma(FloatVector.broadcast(S, zr[r0 + k]), x0);
                x1 = c.fma(FloatVector.broadcast(S, zr[r1 + k]), x1);
                x2 = c.fma(FloatVector.broadcast(S, zr[r2 + k]), x2);
                x3 = c.fma(FloatVector.broadcast(S, zr[r3 + k]), x3);
            }
            int o = jb - jFrom;
            x0.intoArray(s, o);
            x1.intoArray(s, BLOCK + o);
            x2.intoArray(s, 2 * BLOCK + o);
            x3.intoArray(s, 3 * BLOCK + o);
        }
    }

    /**
     * Replaces the logits x_ij of row i, columns [jFrom, jTo), at s[base…] by w·σ(x_ij) and returns
     * Σ w·softplus(x_ij). Weights: 1 for j > i, ½ on the diagonal, 0 for j < i, j ≥ n or i ≥ n; only
     * the tiles that touch the diagonal or the end need them ({@link #edgeTile}).
     *
     * <p>softplus(x) = max(x, 0) + log(1 + e^−|x|). The logs of a row's plain tiles are taken once:
     * each lane keeps m = Π(1 + e) − 1, updated as m + e + m·e (so small e are not lost to rounding
     * 1 + e; every term is positive, so the relative error grows by at most two roundings a
     * factor), with at most BLOCK / L = 32 factors in (1, 2], far from overflow.
     */
    private static double activateRow(float[] s, int base, int jFrom, int jTo, int i, int n, float[] lanes) {
        // Plain tiles: all j > i and j < n.
        int plainFrom = Math.max(jFrom, (i / L + 1) * L);
        int plainTo = Math.max(plainFrom, Math.min(jTo, n / L * L));
        double edges = 0;
        for (int jb = jFrom; jb < plainFrom && jb < jTo; jb += L) {
            edges += edgeTile(s, base + jb - jFrom, jb, i, n, lanes);
        }
        for (int jb = plainTo; jb < jTo; jb += L) {
            edges += edgeTile(s, base + jb - jFrom, jb, i, n, lanes);
        }
        if (plainFrom >= plainTo) {
            return edges;
        }
        return edges + plainTiles(s, base + plainFrom - jFrom, (plainTo - plainFrom) / L, lanes);
    }

    /** {@link #activateRow} for {@code tiles} whole plain tiles from s[off]: weight 1 everywhere. */
    private static double plainTiles(float[] s, int off, int tiles, float[] lanes) {
        FloatVector relu = FloatVector.zero(S);
        FloatVector m = FloatVector.zero(S);
        for (int end = off + tiles * L; off < end; off += L) {
            FloatVector x = FloatVector.fromArray(S, s, off);
            FloatVector ax = x.abs();
            FloatVector e = FloatVectorMath.expNeg(ax);
            ONE.blend(e, x.compare(VectorOperators.LT, 0f)).div(e.add(ONE)).intoArray(s, off);
            relu = relu.add(x.add(ax));
            m = m.fma(e, m.add(e));
        }
        FloatVectorMath.log1p(m).fma(TWO, relu).intoArray(lanes, 0);
        double sum = 0;
        for (float v : lanes) {
            sum += v;
        }
        return 0.5 * sum;
    }

    /** One tile of {@link #activateRow} with weights; returns Σ w·softplus. */
    private static double edgeTile(float[] s, int off, int jb, int i, int n, float[] lanes) {
        FloatVector x = FloatVector.fromArray(S, s, off);
        FloatVector w = weights(IOTA.add((float) jb), i, n);
        FloatVector ax = x.abs();
        FloatVector e = FloatVectorMath.expNeg(ax);
        FloatVector onePlus = e.add(ONE);
        ONE.blend(e, x.compare(VectorOperators.LT, 0f)).div(onePlus).mul(w).intoArray(s, off);
        FloatVector softplus = FloatVectorMath.log1pFromU(e.div(e.add(TWO))).add(x.add(ax).mul(HALF));
        softplus.mul(w).intoArray(lanes, 0);
        double sum = 0;
        for (float v : lanes) {
            sum += v;
        }
        return sum;
    }

    private static FloatVector weights(FloatVector j, int i, int n) {
        float fi = i >= n ? Float.MAX_VALUE : i;
        FloatVector w = FloatVector.zero(S)
                .blend(ONE, j.compare(VectorOperators.GT, fi).and(j.compare(VectorOperators.LT, (float) n)));
        return w.blend(HALF, j.compare(VectorOperators.EQ, fi));
    }

    /**
     * For the lanes [kv, kv + L) of rows i0..i0+3 and columns j ∈ [jFrom, jTo):
     * dZ_j += Σ_r s_rj z_{i0+r} and dZ_{i0+r} += Σ_j s_rj z_j.
     */
    private static void gradientStrip(float[] zr, int fp, int kv, int i0, int jFrom, int jTo, float[] s, float[] dz) {
        int r0 = i0 * fp + kv;
        FloatVector z0 = FloatVector.fromArray(S, zr, r0);
        FloatVector z1 = FloatVector.fromArray(S, zr, r0 + fp);
        FloatVector z2 = FloatVector.fromArray(S, zr, r0 + 2 * fp);
        FloatVector z3 = FloatVector.fromArray(S, zr, r0 + 3 * fp);
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int o = 0, t = jFrom * fp + kv, m = jTo - jFrom; o < m; o++, t += fp) {
            FloatVector zj = FloatVector.fromArray(S, zr, t);
            FloatVector s0 = FloatVector.broadcast(S, s[o]);
            FloatVector s1 = FloatVector.broadcast(S, s[BLOCK + o]);
            FloatVector s2 = FloatVector.broadcast(S, s[2 * BLOCK + o]);
            FloatVector s3 = FloatVector.broadcast(S, s[3 * BLOCK + o]);
            a0 = zj.fma(s0, a0);
            a1 = zj.fma(s1, a1);
            a2 = zj.fma(s2, a2);
            a3 = zj.fma(s3, a3);
            FloatVector d = FloatVector.fromArray(S, dz, t);
            d = z0.fma(s0, d);
            d = z1.fma(s1, d);
            d = z2.fma(s2, d);
            d = z3.fma(s3, d);
            d.intoArray(dz, t);
        }
        FloatVector.fromArray(S, dz, r0).add(a0).intoArray(dz, r0);
        FloatVector.fromArray(S, dz, r0 + fp).add(a1).intoArray(dz, r0 + fp);
        FloatVector.fromArray(S, dz, r0 + 2 * fp).add(a2).intoArray(dz, r0 + 2 * fp);
        FloatVector.fromArray(S, dz, r0 + 3 * fp).add(a3).intoArray(dz, r0 + 3 * fp);
    }
}
