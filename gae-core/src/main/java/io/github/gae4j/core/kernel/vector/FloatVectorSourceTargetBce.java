package io.github.gae4j.core.kernel.vector;

import static io.github.gae4j.core.kernel.vector.FloatVectorMath.HALF;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.ONE;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.S;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.TWO;

import io.github.gae4j.core.kernel.DirectedKernelSupport;
import io.github.gae4j.core.kernel.KernelSupport;
import io.github.gae4j.core.kernel.Precision;
import io.github.gae4j.core.kernel.SourceTargetBceKernel;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The fast {@link SourceTargetBceKernel}: float s, t, logits and gradients in vector registers,
 * double accumulation of the loss, every ordered pair (x_ij ≠ x_ji, so no symmetry to use).
 *
 * <p>The layout and blocking of {@link FloatVectorFullGraphBce}: S as padded float rows, T as
 * padded rows (for dS) and transposed (for the logits); rows cut into fixed chunks
 * ({@link DirectedKernelSupport#squareBounds}), each owning its rows of dS and a dT buffer of its
 * own; column blocks of {@value #BLOCK} swept by blocks of {@value #R} rows in three small methods
 * (logits, sigmoid and softplus in place, the two gradient updates). Positives are corrected in a
 * sequential sparse double pass. Results are bitwise identical for any thread count.
 */
final class FloatVectorSourceTargetBce implements SourceTargetBceKernel {

    static final FloatVectorSourceTargetBce INSTANCE = new FloatVectorSourceTargetBce();

    private static final int L = S.length();
    private static final int R = 4;
    /** 32 vectors a block: a lane's product of (1 + e) factors in {@link #plainTiles} stays below 2^32. */
    private static final int BLOCK = 32 * L;
    private static final FloatVector IOTA = FloatVector.zero(S).addIndex(1);
    private static final int MAX_NODES = 1 << 24;

    private FloatVectorSourceTargetBce() {
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
    public double lossAndGradient(double[] s, double[] t, int n, int f, SparseMatrix target, double posWeight,
                                  double norm, double[] gradS, double[] gradT, Parallelism parallelism) {
        DirectedKernelSupport.checkSourceTarget(s, t, n, f, target, posWeight, norm, gradS, gradT);
        if (n >= MAX_NODES) {
            throw new IllegalArgumentException("The float kernel handles fewer than 2^24 nodes, got " + n);
        }
        int fp = KernelSupport.roundUp(f, L);
        int np = KernelSupport.roundUp(n, Math.max(L, R));
        float[] sr = new float[np * fp];
        float[] tr = new float[np * fp];
        float[] tt = new float[f * np];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < f; k++) {
                sr[i * fp + k] = (float) s[i * f + k];
                float v = (float) t[i * f + k];
                tr[i * fp + k] = v;
                tt[k * np + i] = v;
            }
        }
        int[] bounds = DirectedKernelSupport.squareBounds(np, R);
        int chunks = bounds.length - 1;
        float[] ds = new float[np * fp];
        float[][] dt = new float[chunks][];
        double[] lossParts = new double[chunks];
        parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
            float[] buf = new float[np * fp];
            lossParts[chunk] = sweep(sr, tr, tt, n, np, f, fp, from, to, ds, buf);
            dt[chunk] = buf;
        });
        double loss = 0;
        for (double part : lossParts) {
            loss += part;
        }
        double[] corrS = new double[n * f];
        double[] corrT = new double[n * f];
        loss += positiveCorrection(s, t, n, f, target, posWeight, corrS, corrT);
        double c = norm / ((double) n * n);
        parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int k = 0, o = i * f, b = i * fp; k < f; k++) {
                    gradS[o + k] = c * (corrS[o + k] + ds[b + k]);
                    double g = corrT[o + k];
                    for (float[] buf : dt) {
                        g += buf[b + k];
                    }
                    gradT[o + k] = c * g;
                }
            }
        });
        return c * loss;
    }

    /** The stored pairs, in row order, in double: swaps the negative term for the weighted positive one. */
    private static double positiveCorrection(double[] s, double[] t, int n, int f, SparseMatrix target,
                                             double posWeight, double[] gradS, double[] gradT) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int si = i * f;
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                int tj = target.colAt(p) * f;
                double x = DirectedKernelSupport.dot(s, si, t, tj, f);
                loss += DirectedKernelSupport.positiveMinusNegative(x, posWeight);
                double g = DirectedKernelSupport.positiveMinusNegativeGradient(x, posWeight);
                for (int k = 0; k < f; k++) {
                    gradS[si + k] += g * t[tj + k];
                    gradT[tj + k] += g * s[si + k];
                }
            }
        }
        return loss;
    }

    /** Rows [from, to) against every column, every pair as a negative; returns Σ softplus. */
    private static double sweep(float[] sr, float[] tr, float[] tt, int n, int np, int f, int fp, int from, int to,
                                float[] ds, float[] dt) {
        if (from >= to) {
            return 0;
        }
        float[] buf = new float[R * BLOCK];
        float[] lanes = new float[L];
        double loss = 0;
        int plainEnd = n / L * L;
        for (int jBlock = 0; jBlock < np; jBlock += BLOCK) {
            int jEnd = Math.min(jBlock + BLOCK, np);
            int jLast = Math.min(jEnd, n);
            for (int i0 = from; i0 < to; i0 += R) {
                logitTiles(tt, np, sr, fp, f, i0, jBlock, jEnd, buf);
                for (int r = 0; r < R; r++) {
                    int base = r * BLOCK;
                    if (i0 + r >= n) {
                        Arrays.fill(buf, base, base + (jEnd - jBlock), 0f);
                        continue;
                    }
                    int plainTo = Math.max(jBlock, Math.min(jEnd, plainEnd));
                    if (plainTo > jBlock) {
                        loss += plainTiles(buf, base, (plainTo - jBlock) / L, lanes);
                    }
                    for (int jb = plainTo; jb < jEnd; jb += L) {
                        loss += edgeTile(buf, base + jb - jBlock, jb, n, lanes);
                    }
                }
                if (jLast > jBlock) {
                    for (int kv = 0; kv < fp; kv += L) {
                        gradientStrip(sr, tr, fp, kv, i0, jBlock, jLast, buf, ds, dt);
                    }
                }
            }
        }
        return loss;
    }

    /** Logits of rows i0..i0+3 against columns [jFrom, jTo) (whole vectors) into s (row r at r·BLOCK). */
    private static void logitTiles(float[] tt, int np, float[] sr, int fp, int f, int i0, int jFrom, int jTo,
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
                FloatVector c = FloatVector.fromArray(S, tt, t);
                FloatVector d = FloatVector.fromArray(S, tt, t + L);
                FloatVector b = FloatVector.broadcast(S, sr[r0 + k]);
                x0 = c.fma(b, x0);
                y0 = d.fma(b, y0);
                b = FloatVector.broadcast(S, sr[r1 + k]);
                x1 = c.fma(b, x1);
                y1 = d.fma(b, y1);
                b = FloatVector.broadcast(S, sr[r2 + k]);
                x2 = c.fma(b, x2);
                y2 = d.fma(b, y2);
                b = FloatVector.broadcast(S, sr[r3 + k]);
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
                FloatVector c = FloatVector.fromArray(S, tt, t);
                x0 = c.fma(FloatVector.broadcast(S, sr[r0 + k]), x0);
                x1 = c.fma(FloatVector.broadcast(S, sr[r1 + k]), x1);
                x2 = c.fma(FloatVector.broadcast(S, sr[r2 + k]), x2);
                x3 = c.fma(FloatVector.broadcast(S, sr[r3 + k]), x3);
            }
            int o = jb - jFrom;
            x0.intoArray(s, o);
            x1.intoArray(s, BLOCK + o);
            x2.intoArray(s, 2 * BLOCK + o);
            x3.intoArray(s, 3 * BLOCK + o);
        }
    }

    /**
     * Replaces {@code tiles} whole tiles of logits from s[off] (all columns j &lt; n) by σ(x) and
     * returns Σ softplus(x), the logs taken once per lane (see {@link FloatVectorFullGraphBce}).
     */
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

    /** One tile at column jb, weight 1 for j &lt; n and 0 past the end; returns Σ w·softplus. */
    private static double edgeTile(float[] s, int off, int jb, int n, float[] lanes) {
        FloatVector x = FloatVector.fromArray(S, s, off);
        FloatVector w = FloatVector.zero(S).blend(ONE, IOTA.add((float) jb).compare(VectorOperators.LT, (float) n));
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

    /**
     * For the lanes [kv, kv + L) of rows i0..i0+3 and columns j ∈ [jFrom, jTo):
     * dT_j += Σ_r σ_rj s_{i0+r} and dS_{i0+r} += Σ_j σ_rj t_j.
     */
    private static void gradientStrip(float[] sr, float[] tr, int fp, int kv, int i0, int jFrom, int jTo, float[] s,
                                      float[] ds, float[] dt) {
        int r0 = i0 * fp + kv;
        FloatVector z0 = FloatVector.fromArray(S, sr, r0);
        FloatVector z1 = FloatVector.fromArray(S, sr, r0 + fp);
        FloatVector z2 = FloatVector.fromArray(S, sr, r0 + 2 * fp);
        FloatVector z3 = FloatVector.fromArray(S, sr, r0 + 3 * fp);
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int o = 0, t = jFrom * fp + kv, m = jTo - jFrom; o < m; o++, t += fp) {
            FloatVector tj = FloatVector.fromArray(S, tr, t);
            FloatVector s0 = FloatVector.broadcast(S, s[o]);
            FloatVector s1 = FloatVector.broadcast(S, s[BLOCK + o]);
            FloatVector s2 = FloatVector.broadcast(S, s[2 * BLOCK + o]);
            FloatVector s3 = FloatVector.broadcast(S, s[3 * BLOCK + o]);
            a0 = tj.fma(s0, a0);
            a1 = tj.fma(s1, a1);
            a2 = tj.fma(s2, a2);
            a3 = tj.fma(s3, a3);
            FloatVector d = FloatVector.fromArray(S, dt, t);
            d = z0.fma(s0, d);
            d = z1.fma(s1, d);
            d = z2.fma(s2, d);
            d = z3.fma(s3, d);
            d.intoArray(dt, t);
        }
        FloatVector.fromArray(S, ds, r0).add(a0).intoArray(ds, r0);
        FloatVector.fromArray(S, ds, r0 + fp).add(a1).intoArray(ds, r0 + fp);
        FloatVector.fromArray(S, ds, r0 + 2 * fp).add(a2).intoArray(ds, r0 + 2 * fp);
        FloatVector.fromArray(S, ds, r0 + 3 * fp).add(a3).intoArray(ds, r0 + 3 * fp);
    }
}
