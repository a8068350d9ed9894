// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused.vector;

import static io.github.gae4j.decoders.fused.vector.DoubleVectorMath.HALF;
import static io.github.gae4j.decoders.fused.vector.DoubleVectorMath.ONE;
import static io.github.gae4j.decoders.fused.vector.DoubleVectorMath.S;
import static io.github.gae4j.decoders.fused.vector.DoubleVectorMath.TWO;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The double twin of {@link FloatBlockSweep}, line for line (half the lanes; no float conversions): the bilinear
 * sweep of the double kernels, the precision mode and the reference the float kernels are tested against. A twin
 * because Java has no code generic over primitive lanes that C2 compiles as well (a {@code Vector<E>} version
 * boxes).
 */
public class DoubleBlockSweep extends BlockSweep {

    /** Lanes per double vector. */
    public static final int L = S.length();
    /** Columns per cache block: 32 vectors, as in the float sweep. */
    public static final int BLOCK = 32 * L;
    /** 0, 1, …, L − 1: column indices of a vector's lanes. */
    public static final DoubleVector IOTA = DoubleVector.zero(S).addIndex(1);

    private final double[] a;
    private final double[] bt;
    private final double[] b;
    private final double[] da;
    private final double[] db;
    private final int f;
    private final int fp;
    private final int np;
    private final int n;
    /** The block buffer: logits, then weights; row r at r·BLOCK. */
    protected final double[] buf = new double[R * BLOCK];
    /** Scratch for one vector's lanes. */
    protected final double[] lanes = new double[L];

    /**
     * @param a   row side, np × fp padded rows
     * @param bt  column side transposed, f × np
     * @param b   column side, np × fp padded rows
     * @param da  receives dA (rows of a), np × fp
     * @param db  receives dB (rows of b), np × fp; may be {@code da}
     */
    public DoubleBlockSweep(
            boolean triangle,
            int n,
            int np,
            int f,
            int fp,
            double[] a,
            double[] bt,
            double[] b,
            double[] da,
            double[] db) {
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
        Arrays.fill(buf, off, off + count, 0.0);
    }

    @Override
    public final void addColumnGradient(int i, double[] out, int o) {
        for (int k = 0, b = i * fp; k < f; k++) {
            out[o + k] += db[b + k];
        }
    }

    /** The row-major n × f array x as rows padded to fp, np rows (zeros past n). */
    public static double[] paddedRows(double[] x, int n, int f, int np, int fp) {
        double[] rows = new double[np * fp];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                rows[i * fp + k] = x[i * f + k];
            }
        }
        return rows;
    }

    /** The row-major n × f array x transposed, f rows of np (zeros past n). */
    public static double[] transposed(double[] x, int n, int f, int np) {
        double[] t = new double[f * np];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                t[k * np + i] = x[i * f + k];
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
            double[] bt, int np, double[] a, int fp, int f, int i0, int jFrom, int jTo, double[] s) {
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
                DoubleVector c = DoubleVector.fromArray(S, bt, t);
                DoubleVector d = DoubleVector.fromArray(S, bt, t + L);
                DoubleVector v = DoubleVector.broadcast(S, a[r0 + k]);
                x0 = c.fma(v, x0);
                y0 = d.fma(v, y0);
                v = DoubleVector.broadcast(S, a[r1 + k]);
                x1 = c.fma(v, x1);
                y1 = d.fma(v, y1);
                v = DoubleVector.broadcast(S, a[r2 + k]);
                x2 = c.fma(v, x2);
                y2 = d.fma(v, y2);
                v = DoubleVector.broadcast(S, a[r3 + k]);
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
            DoubleVector x0 = DoubleVector.zero(S);
            DoubleVector x1 = DoubleVector.zero(S);
            DoubleVector x2 = DoubleVector.zero(S);
            DoubleVector x3 = DoubleVector.zero(S);
            for (int k = 0, t = jb; k < f; k++, t += np) {
                DoubleVector c = DoubleVector.fromArray(S, bt, t);
                x0 = c.fma(DoubleVector.broadcast(S, a[r0 + k]), x0);
                x1 = c.fma(DoubleVector.broadcast(S, a[r1 + k]), x1);
                x2 = c.fma(DoubleVector.broadcast(S, a[r2 + k]), x2);
                x3 = c.fma(DoubleVector.broadcast(S, a[r3 + k]), x3);
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
            double[] a, double[] b, int fp, int kv, int i0, int jFrom, int jTo, double[] w, double[] da, double[] db) {
        int r0 = i0 * fp + kv;
        DoubleVector z0 = DoubleVector.fromArray(S, a, r0);
        DoubleVector z1 = DoubleVector.fromArray(S, a, r0 + fp);
        DoubleVector z2 = DoubleVector.fromArray(S, a, r0 + 2 * fp);
        DoubleVector z3 = DoubleVector.fromArray(S, a, r0 + 3 * fp);
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = DoubleVector.zero(S);
        DoubleVector a2 = DoubleVector.zero(S);
        DoubleVector a3 = DoubleVector.zero(S);
        for (int o = 0, t = jFrom * fp + kv, m = jTo - jFrom; o < m; o++, t += fp) {
            DoubleVector bj = DoubleVector.fromArray(S, b, t);
            DoubleVector s0 = DoubleVector.broadcast(S, w[o]);
            DoubleVector s1 = DoubleVector.broadcast(S, w[BLOCK + o]);
            DoubleVector s2 = DoubleVector.broadcast(S, w[2 * BLOCK + o]);
            DoubleVector s3 = DoubleVector.broadcast(S, w[3 * BLOCK + o]);
            a0 = bj.fma(s0, a0);
            a1 = bj.fma(s1, a1);
            a2 = bj.fma(s2, a2);
            a3 = bj.fma(s3, a3);
            DoubleVector d = DoubleVector.fromArray(S, db, t);
            d = z0.fma(s0, d);
            d = z1.fma(s1, d);
            d = z2.fma(s2, d);
            d = z3.fma(s3, d);
            d.intoArray(db, t);
        }
        DoubleVector.fromArray(S, da, r0).add(a0).intoArray(da, r0);
        DoubleVector.fromArray(S, da, r0 + fp).add(a1).intoArray(da, r0 + fp);
        DoubleVector.fromArray(S, da, r0 + 2 * fp).add(a2).intoArray(da, r0 + 2 * fp);
        DoubleVector.fromArray(S, da, r0 + 3 * fp).add(a3).intoArray(da, r0 + 3 * fp);
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
    public static double plainSoftplus(double[] s, int off, int tiles, double[] lanes) {
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

    /**
     * One tile at column jb of row i, with weights w: 1 for i &lt; j &lt; n, ½ for j = i, 0 otherwise
     * (i = −1: 1 for every j &lt; n, the weights of a full row). Replaces the logits by w·σ(x) and
     * returns Σ w·softplus(x).
     */
    public static double edgeSoftplus(double[] s, int off, int jb, int i, int n, double[] lanes) {
        DoubleVector x = DoubleVector.fromArray(S, s, off);
        DoubleVector w = weights(IOTA.add((double) jb), i, n);
        DoubleVector ax = x.abs();
        DoubleVector e = DoubleVectorMath.expNeg(ax);
        DoubleVector onePlus = e.add(ONE);
        ONE.blend(e, x.compare(VectorOperators.LT, 0.0)).div(onePlus).mul(w).intoArray(s, off);
        DoubleVector softplus =
                DoubleVectorMath.log1pFromU(e.div(e.add(TWO))).add(x.add(ax).mul(HALF));
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
}
