package io.github.gae4j.core.kernel.vector;

import static io.github.gae4j.core.kernel.vector.FloatVectorMath.HALF;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.ONE;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.S;
import static io.github.gae4j.core.kernel.vector.FloatVectorMath.TWO;

import io.github.gae4j.core.kernel.DirectedFullGraphBceKernels;
import io.github.gae4j.core.kernel.DirectedKernelSupport;
import io.github.gae4j.core.kernel.GravityBceKernel;
import io.github.gae4j.core.kernel.KernelSupport;
import io.github.gae4j.core.kernel.Precision;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The fast {@link GravityBceKernel}: float positions, distances, logits and gradients in vector
 * registers, double accumulation of the loss; only the triangle j ≥ i (the distance is symmetric).
 *
 * <p>The layout and blocking of {@link FloatVectorFullGraphBce}: P as padded float rows and
 * transposed; the triangle cut into fixed chunks of equal pair counts
 * ({@link KernelSupport#triangleBounds}), each with its own buffers; blocks of {@value #R} rows
 * sweep column blocks of {@value #BLOCK} in three small methods: the dot products p_i · p_j; then,
 * lanewise, D = max(‖p_i‖² + ‖p_j‖² − 2 p_i · p_j, 0) + ε, λ log D, the two logits
 * x_ij = m_j − λ log D and x_ji = m_i − λ log D, their sigmoids and softplus, the mass gradients
 * (dm_j += σ(x_ij), dm_i += σ(x_ji)) and g = 2λ (σ(x_ij) + σ(x_ji)) / D, the pair's position
 * weight; then dP_i += g p_j and dP_j += g p_i a row vector at a time. The −g p_i, −g p_j halves
 * of the position gradient are applied once per node at the end (Σ g per node is kept). Positives
 * are corrected in a sequential sparse double pass. Results are bitwise identical for any thread
 * count. An ε below 1e-30 (a denormal in float) goes to the scalar kernel.
 */
final class FloatVectorGravityBce implements GravityBceKernel {

    static final FloatVectorGravityBce INSTANCE = new FloatVectorGravityBce();

    private static final int L = S.length();
    private static final int R = 4;
    /** 32 vectors a block: a lane's product of (1 + e) factors, two a pair, stays below 2^64. */
    private static final int BLOCK = 32 * L;
    private static final FloatVector IOTA = FloatVector.zero(S).addIndex(1);
    private static final int MAX_NODES = 1 << 24;
    private static final double MIN_EPSILON = 1e-30;

    private static final FloatVector SQRT2 = FloatVector.broadcast(S, 1.41421356f);
    private static final FloatVector LN2 = FloatVector.broadcast(S, 0.6931471805599453f);

    private FloatVectorGravityBce() {
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

    /** One chunk's partial results: dP (padded rows), Σ g and dm per node, the loss. */
    private static final class Part {
        final float[] dp;
        final float[] g;
        final float[] m;
        double loss;

        Part(int np, int dp) {
            this.dp = new float[np * dp];
            this.g = new float[np];
            this.m = new float[np];
        }
    }

    @Override
    public double lossAndGradient(double[] p, double[] mass, int n, int d, double lambda, double epsilon,
                                  SparseMatrix target, double posWeight, double norm, double[] gradP, double[] gradMass,
                                  Parallelism parallelism) {
        DirectedKernelSupport.checkGravity(p, mass, n, d, lambda, epsilon, target, posWeight, norm, gradP, gradMass);
        if (n >= MAX_NODES) {
            throw new IllegalArgumentException("The float kernel handles fewer than 2^24 nodes, got " + n);
        }
        if (epsilon < MIN_EPSILON) {
            return DirectedFullGraphBceKernels.gravityScalar().lossAndGradient(p, mass, n, d, lambda, epsilon, target,
                    posWeight, norm, gradP, gradMass, parallelism);
        }
        int dp = KernelSupport.roundUp(d, L);
        int np = KernelSupport.roundUp(n, Math.max(L, R));
        float[] pr = new float[np * dp];
        float[] pt = new float[d * np];
        float[] sq = new float[np];
        float[] mp = new float[np];
        double[] sqExact = DirectedKernelSupport.squaredNorms(p, n, d);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                float v = (float) p[i * d + k];
                pr[i * dp + k] = v;
                pt[k * np + i] = v;
            }
            sq[i] = (float) sqExact[i];
            mp[i] = (float) mass[i];
        }
        float eps = (float) epsilon;
        float lam = (float) lambda;
        int[] bounds = KernelSupport.triangleBounds(n, R);
        Part[] parts = new Part[bounds.length - 1];
        parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
            Part part = new Part(np, dp);
            part.loss = sweep(pr, pt, sq, mp, n, np, d, dp, lam, eps, from, to, part);
            parts[chunk] = part;
        });
        double loss = 0;
        for (Part part : parts) {
            loss += part.loss;
        }
        double[] corrP = new double[n * d];
        double[] corrM = new double[n];
        loss += positiveCorrection(p, sqExact, mass, n, d, lambda, epsilon, target, posWeight, corrP, corrM);
        double c = norm / ((double) n * n);
        parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                double g = 0;
                double m = corrM[i];
                for (Part part : parts) {
                    g += part.g[i];
                    m += part.m[i];
                }
                gradMass[i] = c * m;
                for (int k = 0, o = i * d, b = i * dp; k < d; k++) {
                    double v = corrP[o + k] - g * p[o + k];
                    for (Part part : parts) {
                        v += part.dp[b + k];
                    }
                    gradP[o + k] = c * v;
                }
            }
        });
        return c * loss;
    }

    /** The stored pairs, in row order, in double: swaps the negative term for the weighted positive one. */
    private static double positiveCorrection(double[] p, double[] sq, double[] mass, int n, int d, double lambda,
                                             double epsilon, SparseMatrix target, double posWeight, double[] gradP,
                                             double[] gradMass) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int pi = i * d;
            for (int q = target.rowStart(i); q < target.rowEnd(i); q++) {
                int j = target.colAt(q);
                double dist = DirectedKernelSupport.gravityDistance(p, sq, i, j, d, epsilon);
                double x = mass[j] - lambda * Math.log(dist);
                loss += DirectedKernelSupport.positiveMinusNegative(x, posWeight);
                double g = DirectedKernelSupport.positiveMinusNegativeGradient(x, posWeight);
                gradMass[j] += g;
                if (i != j) {
                    int pj = j * d;
                    double h = -2.0 * lambda * g / dist;
                    for (int k = 0; k < d; k++) {
                        double diff = p[pi + k] - p[pj + k];
                        gradP[pi + k] += h * diff;
                        gradP[pj + k] -= h * diff;
                    }
                }
            }
        }
        return loss;
    }

    /** Rows [from, to) of the triangle, both logits of every pair as negatives; returns their Σ softplus. */
    private static double sweep(float[] pr, float[] pt, float[] sq, float[] mp, int n, int np, int d, int dp,
                                float lambda, float eps, int from, int to, Part part) {
        if (from >= to) {
            return 0;
        }
        float[] s = new float[R * BLOCK];
        float[] lanes = new float[L];
        float[] row = new float[2];
        double loss = 0;
        for (int jBlock = from / L * L; jBlock < np; jBlock += BLOCK) {
            int jEnd = Math.min(jBlock + BLOCK, np);
            int jLast = Math.min(jEnd, n);
            for (int i0 = from; i0 < to && i0 < jEnd; i0 += R) {
                int jFrom = Math.max(jBlock, i0 / L * L);
                logitTiles(pt, np, pr, dp, d, i0, jFrom, jEnd, s);
                for (int r = 0; r < R; r++) {
                    loss += activateRow(s, r * BLOCK, jFrom, jEnd, i0 + r, n, sq, mp, lambda, eps, part, lanes, row);
                }
                if (jLast > jFrom) {
                    for (int kv = 0; kv < dp; kv += L) {
                        gradientStrip(pr, dp, kv, i0, jFrom, jLast, s, part.dp);
                    }
                }
            }
        }
        return loss;
    }

    /** p_i · p_j of rows i0..i0+3 against columns [jFrom, jTo) (whole vectors) into s (row r at r·BLOCK). */
    private static void logitTiles(float[] pt, int np, float[] pr, int dp, int d, int i0, int jFrom, int jTo,
                                   float[] s) {
        int r0 = i0 * dp;
        int r1 = r0 + dp;
        int r2 = r1 + dp;
        int r3 = r2 + dp;
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
            for (int k = 0, t = jb; k < d; k++, t += np) {
                FloatVector c = FloatVector.fromArray(S, pt, t);
                FloatVector e = FloatVector.fromArray(S, pt, t + L);
                FloatVector b = FloatVector.broadcast(S, pr[r0 + k]);
                x0 = c.fma(b, x0);
                y0 = e.fma(b, y0);
                b = FloatVector.broadcast(S, pr[r1 + k]);
                x1 = c.fma(b, x1);
                y1 = e.fma(b, y1);
                b = FloatVector.broadcast(S, pr[r2 + k]);
                x2 = c.fma(b, x2);
                y2 = e.fma(b, y2);
                b = FloatVector.broadcast(S, pr[r3 + k]);
                x3 = c.fma(b, x3);
                y3 = e.fma(b, y3);
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
            for (int k = 0, t = jb; k < d; k++, t += np) {
                FloatVector c = FloatVector.fromArray(S, pt, t);
                x0 = c.fma(FloatVector.broadcast(S, pr[r0 + k]), x0);
                x1 = c.fma(FloatVector.broadcast(S, pr[r1 + k]), x1);
                x2 = c.fma(FloatVector.broadcast(S, pr[r2 + k]), x2);
                x3 = c.fma(FloatVector.broadcast(S, pr[r3 + k]), x3);
            }
            int o = jb - jFrom;
            x0.intoArray(s, o);
            x1.intoArray(s, BLOCK + o);
            x2.intoArray(s, 2 * BLOCK + o);
            x3.intoArray(s, 3 * BLOCK + o);
        }
    }

    /**
     * Row i, columns [jFrom, jTo): replaces the dot products at s[base…] by the position weights g,
     * adds the mass and Σ g contributions to the chunk's buffers and returns the row's Σ softplus.
     * Weights: pairs j &gt; i (j &lt; n) count both logits; the diagonal j = i counts x_ii once and has
     * no position gradient; j &lt; i, j ≥ n and i ≥ n count nothing. Only the tiles at the diagonal
     * and at the end need weights ({@link #edgeTile}).
     */
    private static double activateRow(float[] s, int base, int jFrom, int jTo, int i, int n, float[] sq, float[] mp,
                                      float lambda, float eps, Part part, float[] lanes, float[] row) {
        int plainFrom = Math.max(jFrom, (i / L + 1) * L);
        int plainTo = Math.max(plainFrom, Math.min(jTo, n / L * L));
        float sqi = i < n ? sq[i] : 0f;
        float mi = i < n ? mp[i] : 0f;
        row[0] = 0f;
        row[1] = 0f;
        double loss = 0;
        for (int jb = jFrom; jb < plainFrom && jb < jTo; jb += L) {
            loss += edgeTile(s, base + jb - jFrom, jb, i, n, sqi, mi, sq, mp, lambda, eps, part, lanes, row);
        }
        for (int jb = plainTo; jb < jTo; jb += L) {
            loss += edgeTile(s, base + jb - jFrom, jb, i, n, sqi, mi, sq, mp, lambda, eps, part, lanes, row);
        }
        if (plainFrom < plainTo) {
            loss += plainTiles(s, base + plainFrom - jFrom, plainFrom, (plainTo - plainFrom) / L, sqi, mi, sq, mp,
                    lambda, eps, part, lanes, row);
        }
        if (i < n) {
            part.m[i] += row[0];
            part.g[i] += row[1];
        }
        return loss;
    }

    /** {@link #activateRow} for {@code tiles} whole tiles from column jb (all j &gt; i, j &lt; n): weight 1. */
    private static double plainTiles(float[] s, int off, int jb, int tiles, float sqi, float mi, float[] sq, float[] mp,
                                     float lambda, float eps, Part part, float[] lanes, float[] row) {
        FloatVector relu = FloatVector.zero(S);
        FloatVector prod = FloatVector.zero(S);
        FloatVector rowM = FloatVector.zero(S);
        FloatVector rowG = FloatVector.zero(S);
        FloatVector sqI = FloatVector.broadcast(S, sqi);
        FloatVector mI = FloatVector.broadcast(S, mi);
        FloatVector lam = FloatVector.broadcast(S, lambda);
        FloatVector lam2 = FloatVector.broadcast(S, 2f * lambda);
        float[] gm = part.m;
        float[] gg = part.g;
        for (int end = off + tiles * L; off < end; off += L, jb += L) {
            FloatVector dot = FloatVector.fromArray(S, s, off);
            FloatVector raw = FloatVector.fromArray(S, sq, jb).add(sqI).sub(dot.add(dot));
            FloatVector dist = raw.blend(0f, raw.compare(VectorOperators.LT, 0f)).add(eps);
            FloatVector l = log(dist).mul(lam);
            FloatVector x1 = FloatVector.fromArray(S, mp, jb).sub(l);
            FloatVector x2 = mI.sub(l);
            FloatVector a1 = x1.abs();
            FloatVector a2 = x2.abs();
            FloatVector e1 = FloatVectorMath.expNeg(a1);
            FloatVector e2 = FloatVectorMath.expNeg(a2);
            FloatVector s1 = ONE.blend(e1, x1.compare(VectorOperators.LT, 0f)).div(e1.add(ONE));
            FloatVector s2 = ONE.blend(e2, x2.compare(VectorOperators.LT, 0f)).div(e2.add(ONE));
            relu = relu.add(x1.add(a1)).add(x2.add(a2));
            prod = prod.fma(e1, prod.add(e1));
            prod = prod.fma(e2, prod.add(e2));
            FloatVector.fromArray(S, gm, jb).add(s1).intoArray(gm, jb);
            rowM = rowM.add(s2);
            FloatVector g = s1.add(s2).mul(lam2).div(dist);
            g.intoArray(s, off);
            FloatVector.fromArray(S, gg, jb).add(g).intoArray(gg, jb);
            rowG = rowG.add(g);
        }
        row[0] += rowM.reduceLanes(VectorOperators.ADD);
        row[1] += rowG.reduceLanes(VectorOperators.ADD);
        FloatVectorMath.log1p(prod).fma(TWO, relu).intoArray(lanes, 0);
        double sum = 0;
        for (float v : lanes) {
            sum += v;
        }
        return 0.5 * sum;
    }

    /** One tile of {@link #activateRow} with weights; returns Σ w·softplus. */
    private static double edgeTile(float[] s, int off, int jb, int i, int n, float sqi, float mi, float[] sq, float[] mp,
                                   float lambda, float eps, Part part, float[] lanes, float[] row) {
        FloatVector j = IOTA.add((float) jb);
        float fi = i >= n ? Float.MAX_VALUE : i;
        VectorMask<Float> inside = j.compare(VectorOperators.LT, (float) n);
        VectorMask<Float> diag = j.compare(VectorOperators.EQ, fi);
        FloatVector wOff = FloatVector.zero(S).blend(ONE, j.compare(VectorOperators.GT, fi).and(inside));
        FloatVector w1 = wOff.blend(ONE, diag);
        FloatVector dot = FloatVector.fromArray(S, s, off);
        FloatVector raw = FloatVector.fromArray(S, sq, jb).add(sqi).sub(dot.add(dot));
        FloatVector dist = raw.blend(0f, raw.compare(VectorOperators.LT, 0f).or(diag)).add(eps);
        FloatVector l = log(dist).mul(lambda);
        FloatVector x1 = FloatVector.fromArray(S, mp, jb).sub(l);
        FloatVector x2 = FloatVector.broadcast(S, mi).sub(l);
        FloatVector a1 = x1.abs();
        FloatVector a2 = x2.abs();
        FloatVector e1 = FloatVectorMath.expNeg(a1);
        FloatVector e2 = FloatVectorMath.expNeg(a2);
        FloatVector s1 = ONE.blend(e1, x1.compare(VectorOperators.LT, 0f)).div(e1.add(ONE)).mul(w1);
        FloatVector s2 = ONE.blend(e2, x2.compare(VectorOperators.LT, 0f)).div(e2.add(ONE)).mul(wOff);
        FloatVector sp1 = FloatVectorMath.log1pFromU(e1.div(e1.add(TWO))).add(x1.add(a1).mul(HALF));
        FloatVector sp2 = FloatVectorMath.log1pFromU(e2.div(e2.add(TWO))).add(x2.add(a2).mul(HALF));
        float[] gm = part.m;
        float[] gg = part.g;
        FloatVector.fromArray(S, gm, jb).add(s1).intoArray(gm, jb);
        row[0] += s2.reduceLanes(VectorOperators.ADD);
        FloatVector g = s1.add(s2).mul(2f * lambda).div(dist).mul(wOff);
        g.intoArray(s, off);
        FloatVector.fromArray(S, gg, jb).add(g).intoArray(gg, jb);
        row[1] += g.reduceLanes(VectorOperators.ADD);
        sp1.mul(w1).add(sp2.mul(wOff)).intoArray(lanes, 0);
        double sum = 0;
        for (float v : lanes) {
            sum += v;
        }
        return sum;
    }

    /** Natural log of positive normal floats: k·ln2 + 2 atanh((m − 1)/(m + 1)), m ∈ [√½, √2). */
    private static FloatVector log(FloatVector x) {
        IntVector bits = x.reinterpretAsInts();
        FloatVector k = bits.lanewise(VectorOperators.LSHR, 23).or(0x4B000000).reinterpretAsFloats()
                .sub(8388608f + 127f);
        FloatVector mant = bits.and(0x007FFFFF).or(0x3F800000).reinterpretAsFloats();
        VectorMask<Float> big = mant.compare(VectorOperators.GT, SQRT2);
        mant = mant.blend(mant.mul(HALF), big);
        k = k.blend(k.add(ONE), big);
        return k.fma(LN2, FloatVectorMath.log1pFromU(mant.sub(ONE).div(mant.add(ONE))));
    }

    /**
     * For the lanes [kv, kv + L) of rows i0..i0+3 and columns j ∈ [jFrom, jTo):
     * dP_j += Σ_r g_rj p_{i0+r} and dP_{i0+r} += Σ_j g_rj p_j.
     */
    private static void gradientStrip(float[] pr, int dp, int kv, int i0, int jFrom, int jTo, float[] s, float[] dz) {
        int r0 = i0 * dp + kv;
        FloatVector z0 = FloatVector.fromArray(S, pr, r0);
        FloatVector z1 = FloatVector.fromArray(S, pr, r0 + dp);
        FloatVector z2 = FloatVector.fromArray(S, pr, r0 + 2 * dp);
        FloatVector z3 = FloatVector.fromArray(S, pr, r0 + 3 * dp);
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int o = 0, t = jFrom * dp + kv, m = jTo - jFrom; o < m; o++, t += dp) {
            FloatVector zj = FloatVector.fromArray(S, pr, t);
            FloatVector s0 = FloatVector.broadcast(S, s[o]);
            FloatVector s1 = FloatVector.broadcast(S, s[BLOCK + o]);
            FloatVector s2 = FloatVector.broadcast(S, s[2 * BLOCK + o]);
            FloatVector s3 = FloatVector.broadcast(S, s[3 * BLOCK + o]);
            a0 = zj.fma(s0, a0);
            a1 = zj.fma(s1, a1);
            a2 = zj.fma(s2, a2);
            a3 = zj.fma(s3, a3);
            FloatVector dzj = FloatVector.fromArray(S, dz, t);
            dzj = z0.fma(s0, dzj);
            dzj = z1.fma(s1, dzj);
            dzj = z2.fma(s2, dzj);
            dzj = z3.fma(s3, dzj);
            dzj.intoArray(dz, t);
        }
        FloatVector.fromArray(S, dz, r0).add(a0).intoArray(dz, r0);
        FloatVector.fromArray(S, dz, r0 + dp).add(a1).intoArray(dz, r0 + dp);
        FloatVector.fromArray(S, dz, r0 + 2 * dp).add(a2).intoArray(dz, r0 + 2 * dp);
        FloatVector.fromArray(S, dz, r0 + 3 * dp).add(a3).intoArray(dz, r0 + 3 * dp);
    }
}
