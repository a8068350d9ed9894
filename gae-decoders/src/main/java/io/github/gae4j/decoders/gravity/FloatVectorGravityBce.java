// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import static io.github.gae4j.decoders.fused.vector.FloatBlockSweep.IOTA;
import static io.github.gae4j.decoders.fused.vector.FloatBlockSweep.L;
import static io.github.gae4j.decoders.fused.vector.FloatVectorMath.HALF;
import static io.github.gae4j.decoders.fused.vector.FloatVectorMath.ONE;
import static io.github.gae4j.decoders.fused.vector.FloatVectorMath.S;
import static io.github.gae4j.decoders.fused.vector.FloatVectorMath.TWO;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.vector.BlockSweep;
import io.github.gae4j.decoders.fused.vector.FloatBlockSweep;
import io.github.gae4j.decoders.fused.vector.FloatVectorKernel;
import io.github.gae4j.decoders.fused.vector.FloatVectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The fast {@link GravityBceKernel}: float positions, distances, logits and gradients in vector
 * registers, double accumulation of the loss; only the triangle j ≥ i (the distance is symmetric).
 *
 * <p>P is both sides of a {@link FloatBlockSweep} over the triangle (its logits are the dot
 * products p_i · p_j), cut into fixed chunks of equal pair counts ({@link KernelSupport#triangleBounds}),
 * each with its own buffers. Its own math is the row activation: lanewise,
 * D = max(‖p_i‖² + ‖p_j‖² − 2 p_i · p_j, 0) + ε, λ log D, the two logits x_ij = m_j − λ log D and
 * x_ji = m_i − λ log D, their sigmoids and softplus, the mass gradients (dm_j += σ(x_ij),
 * dm_i += σ(x_ji)) and g = 2λ (σ(x_ij) + σ(x_ji)) / D, the pair's position weight, which the sweep
 * turns into dP_i += g p_j and dP_j += g p_i. The −g p_i, −g p_j halves of the position gradient are
 * applied once per node at the end (Σ g per node is kept). Positives are corrected in a sequential
 * sparse double pass. Results are bitwise identical for any thread count. An ε below 1e-30 (a
 * denormal in float) goes to the scalar kernel.
 */
final class FloatVectorGravityBce extends FloatVectorKernel implements GravityBceKernel {

    static final FloatVectorGravityBce INSTANCE = new FloatVectorGravityBce();

    private static final double MIN_EPSILON = 1e-30;

    private static final FloatVector SQRT2 = FloatVector.broadcast(S, 1.4142135f);
    private static final FloatVector LN2 = FloatVector.broadcast(S, 0.6931472f);

    private FloatVectorGravityBce() {}

    @Override
    public double lossAndGradient(
            double[] p,
            double[] mass,
            int n,
            int d,
            double lambda,
            double epsilon,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradP,
            double[] gradMass,
            Parallelism parallelism) {
        GravityPairs.check(p, mass, n, d, lambda, epsilon, target, posWeight, norm, gradP, gradMass);
        FloatBlockSweep.checkNodes(n);
        if (epsilon < MIN_EPSILON) {
            return GravityBceKernels.scalar()
                    .lossAndGradient(
                            p, mass, n, d, lambda, epsilon, target, posWeight, norm, gradP, gradMass, parallelism);
        }
        return new Pass(p, mass, n, d, lambda, epsilon, target, posWeight, gradP, gradMass).run(n, norm, parallelism);
    }

    /** One call: P, norms and masses in float; the positives in double; the gradients gathered in parallel. */
    private static final class Pass extends GravityPass<Chunk> {
        private final int dp;
        private final int np;
        private final float[] pr;
        private final float[] pt;
        private final double[] sqExact;
        private final float[] sq;
        private final float[] mp;
        private final double[] corrP;
        private final double[] corrM;

        Pass(
                double[] p,
                double[] mass,
                int n,
                int d,
                double lambda,
                double epsilon,
                SparseMatrix target,
                double posWeight,
                double[] gradP,
                double[] gradMass) {
            super(p, mass, n, d, lambda, epsilon, target, posWeight, gradP, gradMass);
            this.dp = KernelSupport.roundUp(d, L);
            this.np = KernelSupport.roundUp(n, Math.max(L, BlockSweep.R));
            this.pr = FloatBlockSweep.paddedRows(p, n, d, np, dp);
            this.pt = FloatBlockSweep.transposed(p, n, d, np);
            this.sqExact = GravityPairs.squaredNorms(p, n, d);
            this.sq = new float[np];
            this.mp = new float[np];
            for (int i = 0; i < n; i++) {
                sq[i] = (float) sqExact[i];
                mp[i] = (float) mass[i];
            }
            this.corrP = new double[n * d];
            this.corrM = new double[n];
        }

        @Override
        protected int[] bounds() {
            return KernelSupport.triangleBounds(n, BlockSweep.R);
        }

        @Override
        protected Chunk newChunk() {
            return new Chunk(n, np, d, dp, pr, pt, sq, mp, (float) lambda, (float) epsilon);
        }

        @Override
        protected Chunk[] newChunks(int count) {
            return new Chunk[count];
        }

        @Override
        protected double correct(double loss, Chunk[] chunks, Parallelism parallelism) {
            return loss
                    + GravityPairs.correction(p, sqExact, mass, n, d, lambda, epsilon, target, posWeight, corrP, corrM);
        }

        @Override
        protected void finish(Chunk[] chunks, int[] bounds, double c, Parallelism parallelism) {
            parallelism.forEachChunk(n, KernelSupport.CORRECTION_ROWS, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    double g = 0;
                    double m = corrM[i];
                    for (Chunk part : chunks) {
                        g += part.g[i];
                        m += part.m[i];
                    }
                    gradMass[i] = c * m;
                    for (int k = 0, o = i * d, b = i * dp; k < d; k++) {
                        double v = corrP[o + k] - g * p[o + k];
                        for (Chunk part : chunks) {
                            v += part.dp[b + k];
                        }
                        gradP[o + k] = c * v;
                    }
                }
            });
        }
    }

    /**
     * Rows of the triangle, both logits of every pair as negatives: dP (padded rows), Σ g and dm per node. Its
     * tiles replace the bilinear ones: the dot products become distances, logits, sigmoids and position weights.
     */
    private static final class Chunk extends FloatBlockSweep {
        private final int n;
        private final float[] sq;
        private final float[] mp;
        private final float lambda;
        private final float eps;
        final float[] dp;
        final float[] g;
        final float[] m;
        /** A row's Σ dm and Σ g, across its tiles. */
        private final float[] row = new float[2];
        /** ‖p_i‖² and m_i of the row being activated (0 for padding rows). */
        private float sqi;

        private float mi;

        Chunk(int n, int np, int d, int dp, float[] pr, float[] pt, float[] sq, float[] mp, float lambda, float eps) {
            this(n, np, d, dp, pr, pt, sq, mp, lambda, eps, new float[np * dp]);
        }

        private Chunk(
                int n,
                int np,
                int d,
                int dp,
                float[] pr,
                float[] pt,
                float[] sq,
                float[] mp,
                float lambda,
                float eps,
                float[] gradP) {
            super(true, n, np, d, dp, pr, pt, pr, gradP, gradP);
            this.n = n;
            this.sq = sq;
            this.mp = mp;
            this.lambda = lambda;
            this.eps = eps;
            this.dp = gradP;
            this.g = new float[np];
            this.m = new float[np];
        }

        /**
         * Row i of the triangle ({@link #triangleRow}, with these tiles), then its Σ dm and Σ g into the node's
         * buffers. Weights: pairs j &gt; i (j &lt; n) count both logits; the diagonal j = i counts x_ii once and
         * has no position gradient; j &lt; i, j ≥ n and i ≥ n count nothing.
         */
        @Override
        protected double activateRow(double loss, int base, int jFrom, int jTo, int i) {
            sqi = i < n ? sq[i] : 0f;
            mi = i < n ? mp[i] : 0f;
            row[0] = 0f;
            row[1] = 0f;
            double out = triangleRow(loss, base, jFrom, jTo, i);
            if (i < n) {
                m[i] += row[0];
                g[i] += row[1];
            }
            return out;
        }

        @Override
        protected double plainTiles(int off, int jb, int tiles) {
            return FloatVectorGravityBce.plainTiles(
                    buf, off, jb, tiles, sqi, mi, sq, mp, lambda, eps, m, g, lanes, row);
        }

        @Override
        protected double edgeTile(int off, int jb, int i) {
            return FloatVectorGravityBce.edgeTile(buf, off, jb, i, n, sqi, mi, sq, mp, lambda, eps, m, g, lanes, row);
        }
    }

    /**
     * {@code tiles} whole tiles of row i's dot products from s[off], column jb on (all j &gt; i, j &lt; n: weight 1):
     * replaces them by the position weights g, adds the mass and Σ g contributions to the chunk's buffers and
     * returns their Σ softplus.
     */
    private static double plainTiles(
            float[] s,
            int off,
            int jb,
            int tiles,
            float sqi,
            float mi,
            float[] sq,
            float[] mp,
            float lambda,
            float eps,
            float[] gm,
            float[] gg,
            float[] lanes,
            float[] row) {
        FloatVector relu = FloatVector.zero(S);
        FloatVector prod = FloatVector.zero(S);
        FloatVector rowM = FloatVector.zero(S);
        FloatVector rowG = FloatVector.zero(S);
        FloatVector sqI = FloatVector.broadcast(S, sqi);
        FloatVector mI = FloatVector.broadcast(S, mi);
        FloatVector lam = FloatVector.broadcast(S, lambda);
        FloatVector lam2 = FloatVector.broadcast(S, 2f * lambda);
        for (int end = off + tiles * L; off < end; off += L, jb += L) {
            FloatVector dot = FloatVector.fromArray(S, s, off);
            FloatVector raw = FloatVector.fromArray(S, sq, jb).add(sqI).sub(dot.add(dot));
            FloatVector dist =
                    raw.blend(0f, raw.compare(VectorOperators.LT, 0f)).add(eps);
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

    /** One tile with weights (see {@code Chunk.activateRow}); returns Σ w·softplus. */
    private static double edgeTile(
            float[] s,
            int off,
            int jb,
            int i,
            int n,
            float sqi,
            float mi,
            float[] sq,
            float[] mp,
            float lambda,
            float eps,
            float[] gm,
            float[] gg,
            float[] lanes,
            float[] row) {
        FloatVector j = IOTA.add((float) jb);
        float fi = i >= n ? Float.MAX_VALUE : i;
        VectorMask<Float> inside = j.compare(VectorOperators.LT, (float) n);
        VectorMask<Float> diag = j.compare(VectorOperators.EQ, fi);
        FloatVector wOff =
                FloatVector.zero(S).blend(ONE, j.compare(VectorOperators.GT, fi).and(inside));
        FloatVector w1 = wOff.blend(ONE, diag);
        FloatVector dot = FloatVector.fromArray(S, s, off);
        FloatVector raw = FloatVector.fromArray(S, sq, jb).add(sqi).sub(dot.add(dot));
        FloatVector dist =
                raw.blend(0f, raw.compare(VectorOperators.LT, 0f).or(diag)).add(eps);
        FloatVector l = log(dist).mul(lambda);
        FloatVector x1 = FloatVector.fromArray(S, mp, jb).sub(l);
        FloatVector x2 = FloatVector.broadcast(S, mi).sub(l);
        FloatVector a1 = x1.abs();
        FloatVector a2 = x2.abs();
        FloatVector e1 = FloatVectorMath.expNeg(a1);
        FloatVector e2 = FloatVectorMath.expNeg(a2);
        FloatVector s1 = ONE.blend(e1, x1.compare(VectorOperators.LT, 0f))
                .div(e1.add(ONE))
                .mul(w1);
        FloatVector s2 = ONE.blend(e2, x2.compare(VectorOperators.LT, 0f))
                .div(e2.add(ONE))
                .mul(wOff);
        FloatVector sp1 =
                FloatVectorMath.log1pFromU(e1.div(e1.add(TWO))).add(x1.add(a1).mul(HALF));
        FloatVector sp2 =
                FloatVectorMath.log1pFromU(e2.div(e2.add(TWO))).add(x2.add(a2).mul(HALF));
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
        FloatVector k = bits.lanewise(VectorOperators.LSHR, 23)
                .or(0x4B000000)
                .reinterpretAsFloats()
                .sub(8388608f + 127f);
        FloatVector mant = bits.and(0x007FFFFF).or(0x3F800000).reinterpretAsFloats();
        VectorMask<Float> big = mant.compare(VectorOperators.GT, SQRT2);
        mant = mant.blend(mant.mul(HALF), big);
        k = k.blend(k.add(ONE), big);
        return k.fma(LN2, FloatVectorMath.log1pFromU(mant.sub(ONE).div(mant.add(ONE))));
    }
}
