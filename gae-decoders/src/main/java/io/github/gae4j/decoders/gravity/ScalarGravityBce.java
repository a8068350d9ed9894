// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.ScalarBce;
import io.github.gae4j.decoders.fused.SweepChunk;
import java.util.Arrays;

/**
 * The plain-Java {@link GravityBceKernel}, in double: runs everywhere (no incubator module).
 *
 * <p>The distance is symmetric, so it sweeps only the upper triangle j ≥ i: each off-diagonal pair
 * gives the two logits x_ij = m_j − λ log D_ij and x_ji = m_i − λ log D_ij from one dot product and
 * one logarithm, both treated as negatives; the stored (positive) pairs of the target are then
 * corrected in a sequential sparse pass. The position gradient of a pair is h (p_i − p_j) for p_i
 * and h (p_j − p_i) for p_j with h = −2λ (σ(x_ij) + σ(x_ji)) / D_ij; a chunk accumulates
 * −Σ h p_j and Σ h per row, so the sweep costs two d-long updates per pair. The triangle is cut into
 * {@link KernelSupport#triangleBounds fixed chunks} of equal pair counts, each with its own
 * buffers, summed in chunk order ({@link GravityPass}): results do not depend on the thread count.
 */
final class ScalarGravityBce extends ScalarBce implements GravityBceKernel {

    static final ScalarGravityBce INSTANCE = new ScalarGravityBce();

    /** Two factors in (1, 2] a pair: 32 pairs multiply to at most 2^64. */
    private static final int LOG_BATCH_PAIRS = LOG_BATCH / 2;

    private ScalarGravityBce() {}

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
        return new Pass(p, mass, n, d, lambda, epsilon, target, posWeight, gradP, gradMass).run(n, norm, parallelism);
    }

    /** One call: the triangle in chunks, their buffers summed in chunk order, the positives, then c. */
    private static final class Pass extends GravityPass<Chunk> {
        private final double[] sq;

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
            this.sq = GravityPairs.squaredNorms(p, n, d);
        }

        @Override
        protected int[] bounds() {
            return KernelSupport.triangleBounds(n, 1);
        }

        @Override
        protected Chunk newChunk() {
            return new Chunk(p, sq, mass, n, d, lambda, epsilon, lambda * Math.log(epsilon));
        }

        @Override
        protected Chunk[] newChunks(int count) {
            return new Chunk[count];
        }

        @Override
        protected double correct(double loss, Chunk[] chunks, Parallelism parallelism) {
            double[] h = new double[n];
            Arrays.fill(gradP, 0.0);
            Arrays.fill(gradMass, 0.0);
            for (Chunk part : chunks) {
                for (int k = 0; k < gradP.length; k++) {
                    gradP[k] += part.p[k];
                }
                for (int i = 0; i < n; i++) {
                    h[i] += part.h[i];
                    gradMass[i] += part.m[i];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0, o = i * d; k < d; k++) {
                    gradP[o + k] += h[i] * p[o + k];
                }
            }
            return loss
                    + GravityPairs.correction(p, sq, mass, n, d, lambda, epsilon, target, posWeight, gradP, gradMass);
        }

        @Override
        protected void finish(Chunk[] chunks, int[] bounds, double c, Parallelism parallelism) {
            for (int k = 0; k < gradP.length; k++) {
                gradP[k] *= c;
            }
            for (int i = 0; i < n; i++) {
                gradMass[i] *= c;
            }
        }
    }

    /** Rows of the triangle j ≥ i, both logits of every pair as negatives, into buffers of its own. */
    private static final class Chunk extends SweepChunk {
        private final double[] pos;
        private final double[] sq;
        private final double[] mass;
        private final int n;
        private final int d;
        private final double lambda;
        private final double epsilon;
        private final double logEps;
        /** −Σ h p_j per row, Σ h per row, dm per node. */
        final double[] p;

        final double[] h;
        final double[] m;

        Chunk(double[] pos, double[] sq, double[] mass, int n, int d, double lambda, double epsilon, double logEps) {
            this.pos = pos;
            this.sq = sq;
            this.mass = mass;
            this.n = n;
            this.d = d;
            this.lambda = lambda;
            this.epsilon = epsilon;
            this.logEps = logEps;
            p = new double[n * d];
            h = new double[n];
            m = new double[n];
        }

        @Override
        protected double sweep(int from, int to) {
            double[] acc = new double[d];
            double loss = 0;
            for (int i = from; i < to; i++) {
                int pi = i * d;
                double mi = mass[i];
                double diag = mi - logEps;
                double eDiag = Math.exp(-Math.abs(diag));
                m[i] += diag >= 0 ? 1.0 / (1.0 + eDiag) : eDiag / (1.0 + eDiag);
                loss += Math.max(diag, 0.0) + Math.log1p(eDiag);
                Arrays.fill(acc, 0.0);
                double rowH = 0;
                double rowM = 0;
                double positivePart = 0;
                double logSum = 0;
                double product = 1.0;
                int inBatch = 0;
                for (int j = i + 1; j < n; j++) {
                    int pj = j * d;
                    double dist = Math.max(sq[i] + sq[j] - 2.0 * KernelSupport.dot(pos, pi, pos, pj, d), 0.0) + epsilon;
                    double l = lambda * Math.log(dist);
                    double x1 = mass[j] - l;
                    double x2 = mi - l;
                    double e1 = Math.exp(-Math.abs(x1));
                    double e2 = Math.exp(-Math.abs(x2));
                    double o1 = 1.0 + e1;
                    double o2 = 1.0 + e2;
                    double s1 = x1 >= 0 ? 1.0 / o1 : e1 / o1;
                    double s2 = x2 >= 0 ? 1.0 / o2 : e2 / o2;
                    positivePart += Math.max(x1, 0.0) + Math.max(x2, 0.0);
                    product *= o1 * o2;
                    if (++inBatch == LOG_BATCH_PAIRS) {
                        logSum += Math.log(product);
                        product = 1.0;
                        inBatch = 0;
                    }
                    m[j] += s1;
                    rowM += s2;
                    double hij = -2.0 * lambda * (s1 + s2) / dist;
                    rowH += hij;
                    h[j] += hij;
                    for (int k = 0; k < d; k++) {
                        acc[k] -= hij * pos[pj + k];
                        p[pj + k] -= hij * pos[pi + k];
                    }
                }
                logSum += Math.log(product);
                loss += positivePart + logSum;
                m[i] += rowM;
                h[i] += rowH;
                for (int k = 0; k < d; k++) {
                    p[pi + k] += acc[k];
                }
            }
            return loss;
        }
    }
}
