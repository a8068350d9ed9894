// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused.vector;

import static io.github.gae4j.decoders.fused.vector.FloatVectorMath.HALF;
import static io.github.gae4j.decoders.fused.vector.FloatVectorMath.ONE;
import static io.github.gae4j.decoders.fused.vector.FloatVectorMath.S;
import static io.github.gae4j.decoders.fused.vector.FloatVectorMath.TWO;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The {@link BlockSweep} of the float kernels (inner product, source-target, gravity), one object per chunk:
 * bilinear logits a_i · b_j of a row side A (padded float rows) and a column side B (padded rows and transposed,
 * f rows of np), and the two gradient updates dA_i += Σ_j w_ij b_j, dB_j += Σ_i w_ij a_i, where w is what
 * {@link #activateRow} leaves in the block buffer. A symmetric decoder passes the same arrays for both sides. As it
 * is, the sweep of a bilinear decoder's BCE (its tiles take sigmoid and softplus of the logits); a decoder with
 * other pair math (gravity) overrides the tiles. Also the float conversions of the inputs.
 *
 * <p>{@link DoubleBlockSweep} is its double twin, line for line: Java has no code generic over primitive lanes
 * that C2 compiles as well (a {@code Vector<E>} version boxes), so the two stay separate.
 */
public class FloatBlockSweep extends BlockSweep {

    /** Lanes per float vector. */
    public static final int L = S.length();
    /**
     * Columns per cache block (512 with 16 lanes): B's block (rows, transposed and dB) stays in L2
     * across a chunk's rows. 32 vectors, so a lane's product of (1 + e) factors in
     * {@link #plainSoftplus} has at most 32 factors ≤ 2 (gravity: 64) and cannot overflow.
     */
    public static final int BLOCK = 32 * L;
    /** 0, 1, …, L − 1: column indices of a vector's lanes. */
    public static final FloatVector IOTA = FloatVector.zero(S).addIndex(1);
    /** Node indices are compared as floats: exact below 2^24. */
    private static final int MAX_NODES = 1 << 24;

    private final float[] a;
    private final float[] bt;
    private final float[] b;
    private final float[] da;
    private final float[] db;
    private final int f;
    private final int fp;
    private final int np;
    private final int n;
    /** The block buffer: logits, then weights; row r at r·BLOCK. */
    protected final float[] buf = new float[R * BLOCK];
    /** Scratch for one vector's lanes. */
    protected final float[] lanes = new float[L];

    /**
     * @param a   row side, np × fp padded rows
     * @param bt  column side transposed, f × np
     * @param b   column side, np × fp padded rows
     * @param da  receives dA (rows of a), np × fp
     * @param db  receives dB (rows of b), np × fp; may be {@code da}
     */
    public FloatBlockSweep(
            boolean triangle, int n, int np, int f, int fp, float[] a, float[] bt, float[] b, float[] da, float[] db) {
        super(triangle, L, BLOCK, n, np);
        this.n = n;
        this.a = a;
        this.bt = bt;
        this.b = b;
        this.da = da;
        this.db = db;
        this.f = f;
        this.fp = fp;
        this.np = np;
    }

    @Override
    protected final void logits(int i0, int jFrom, int jTo) {
        logitTiles(bt, np, a, fp, f, i0, jFrom, jTo, buf);
    }

    @Override
    protected final void gradients(int i0, int jFrom, int jTo) {
        for (int kv = 0; kv < fp; kv += L) {
            gradientStrip(a, b, fp, kv, i0, jFrom, jTo, buf, da, db);
        }
    }

    @Override
    protected double plainTiles(int off, int jb, int tiles) {
        return plainSoftplus(buf, off, tiles, lanes);
    }

    @Override
    protected double edgeTile(int off, int jb, int i) {
        return edgeSoftplus(buf, off, jb, i, n, lanes);
    }

    @Override
    protected final void clearWeights(int off, int count) {
        Arrays.fill(buf, off, off + count, 0f);
    }

    @Override
    public final void addColumnGradient(int i, double[] out, int o) {
        for (int k = 0, b = i * fp; k < f; k++) {
            out[o + k] += db[b + k];
        }
    }

    /** Fails for n ≥ 2^24: node indices are compared as floats. */
    public static void checkNodes(int n) {
        if (n >= MAX_NODES) {
            throw new IllegalArgumentException("The float kernel handles fewer than 2^24 nodes, got " + n);
        }
    }

    /** The row-major n × f array x as float rows padded to fp, np rows (zeros past n). */
    public static float[] paddedRows(double[] x, int n, int f, int np, int fp) {
        float[] rows = new float[np * fp];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                rows[i * fp + k] = (float) x[i * f + k];
            }
        }
        return rows;
    }

    /** The row-major n × f array x transposed as float, f rows of np (zeros past n). */
    public static float[] transposed(double[] x, int n, int f, int np) {
        float[] t = new float[f * np];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                t[k * np + i] = (float) x[i * f + k];
            }
        }
        return t;
    }

    /**
     * Logits of rows i0..i0+3 against columns [jFrom, jTo) (whole vectors) into s (row r at r·BLOCK):
     * column vectors of Bᵀ times broadcast a_ik, four rows by two vectors at a time (each broadcast
     * feeds two FMAs).
     */
    private static void logitTiles(
            float[] bt, int np, float[] a, int fp, int f, int i0, int jFrom, int jTo, float[] s) {
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
                FloatVector c = FloatVector.fromArray(S, bt, t);
                FloatVector d = FloatVector.fromArray(S, bt, t + L);
                FloatVector v = FloatVector.broadcast(S, a[r0 + k]);
                x0 = c.fma(v, x0);
                y0 = d.fma(v, y0);
                v = FloatVector.broadcast(S, a[r1 + k]);
                x1 = c.fma(v, x1);
                y1 = d.fma(v, y1);
                v = FloatVector.broadcast(S, a[r2 + k]);
                x2 = c.fma(v, x2);
                y2 = d.fma(v, y2);
                v = FloatVector.broadcast(S, a[r3 + k]);
                x3 = c.fma(v, x3);
                y3 = d.fma(v, y3);
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
                FloatVector c = FloatVector.fromArray(S, bt, t);
                x0 = c.fma(FloatVector.broadcast(S, a[r0 + k]), x0);
                x1 = c.fma(FloatVector.broadcast(S, a[r1 + k]), x1);
                x2 = c.fma(FloatVector.broadcast(S, a[r2 + k]), x2);
                x3 = c.fma(FloatVector.broadcast(S, a[r3 + k]), x3);
            }
            int o = jb - jFrom;
            x0.intoArray(s, o);
            x1.intoArray(s, BLOCK + o);
            x2.intoArray(s, 2 * BLOCK + o);
            x3.intoArray(s, 3 * BLOCK + o);
        }
    }

    /**
     * For the lanes [kv, kv + L) of rows i0..i0+3 and columns j ∈ [jFrom, jTo):
     * dB_j += Σ_r w_rj a_{i0+r} and dA_{i0+r} += Σ_j w_rj b_j (da and db may be the same array:
     * the row side's update comes last).
     */
    private static void gradientStrip(
            float[] a, float[] b, int fp, int kv, int i0, int jFrom, int jTo, float[] w, float[] da, float[] db) {
        int r0 = i0 * fp + kv;
        FloatVector z0 = FloatVector.fromArray(S, a, r0);
        FloatVector z1 = FloatVector.fromArray(S, a, r0 + fp);
        FloatVector z2 = FloatVector.fromArray(S, a, r0 + 2 * fp);
        FloatVector z3 = FloatVector.fromArray(S, a, r0 + 3 * fp);
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int o = 0, t = jFrom * fp + kv, m = jTo - jFrom; o < m; o++, t += fp) {
            FloatVector bj = FloatVector.fromArray(S, b, t);
            FloatVector s0 = FloatVector.broadcast(S, w[o]);
            FloatVector s1 = FloatVector.broadcast(S, w[BLOCK + o]);
            FloatVector s2 = FloatVector.broadcast(S, w[2 * BLOCK + o]);
            FloatVector s3 = FloatVector.broadcast(S, w[3 * BLOCK + o]);
            a0 = bj.fma(s0, a0);
            a1 = bj.fma(s1, a1);
            a2 = bj.fma(s2, a2);
            a3 = bj.fma(s3, a3);
            FloatVector d = FloatVector.fromArray(S, db, t);
            d = z0.fma(s0, d);
            d = z1.fma(s1, d);
            d = z2.fma(s2, d);
            d = z3.fma(s3, d);
            d.intoArray(db, t);
        }
        FloatVector.fromArray(S, da, r0).add(a0).intoArray(da, r0);
        FloatVector.fromArray(S, da, r0 + fp).add(a1).intoArray(da, r0 + fp);
        FloatVector.fromArray(S, da, r0 + 2 * fp).add(a2).intoArray(da, r0 + 2 * fp);
        FloatVector.fromArray(S, da, r0 + 3 * fp).add(a3).intoArray(da, r0 + 3 * fp);
    }

    /**
     * Replaces {@code tiles} whole tiles of logits from s[off] (weight 1 everywhere) by σ(x) and
     * returns Σ softplus(x).
     *
     * <p>softplus(x) = max(x, 0) + log(1 + e^−|x|). The logs are taken once: each lane keeps
     * m = Π(1 + e) − 1, updated as m + e + m·e (so small e are not lost to rounding 1 + e; every term
     * is positive, so the relative error grows by at most two roundings a factor), with at most
     * BLOCK / L = 32 factors in (1, 2], far from overflow.
     */
    public static double plainSoftplus(float[] s, int off, int tiles, float[] lanes) {
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

    /**
     * One tile at column jb of row i, with weights w: 1 for i &lt; j &lt; n, ½ for j = i, 0 otherwise
     * (i = −1: 1 for every j &lt; n, the weights of a full row). Replaces the logits by w·σ(x) and
     * returns Σ w·softplus(x).
     */
    public static double edgeSoftplus(float[] s, int off, int jb, int i, int n, float[] lanes) {
        FloatVector x = FloatVector.fromArray(S, s, off);
        FloatVector w = weights(IOTA.add((float) jb), i, n);
        FloatVector ax = x.abs();
        FloatVector e = FloatVectorMath.expNeg(ax);
        FloatVector onePlus = e.add(ONE);
        ONE.blend(e, x.compare(VectorOperators.LT, 0f)).div(onePlus).mul(w).intoArray(s, off);
        FloatVector softplus =
                FloatVectorMath.log1pFromU(e.div(e.add(TWO))).add(x.add(ax).mul(HALF));
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
}
