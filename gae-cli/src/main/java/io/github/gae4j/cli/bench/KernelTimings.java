// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.bench;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.autodiff.functions.Softplus;
import io.github.gae4j.core.kernel.RowKernels;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.DenseKernels;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.innerproduct.InnerProductFullGraphBce;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ojalgo.matrix.store.R064CSR;
import org.ojalgo.matrix.store.R064Store;

/** Times the kernels alone, each next to its naive ojAlgo baseline in the same run. */
final class KernelTimings {

    private KernelTimings() {}

    /** Median milliseconds of {@code reps} calls after {@code warmup} unmeasured ones. */
    static double medianMillis(int warmup, int reps, Runnable body) {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            body.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    static Matrix randomEmbedding(int n, int f, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix z = Matrix.zeros(n, f);
        double[] d = z.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = 0.3 * rng.nextGaussian();
        }
        return z;
    }

    /** Floating-point operations of one fused call: a dot product and two axpys of length f per upper-triangle pair. */
    static double fusedFlops(int n, int f) {
        return (double) n * (n + 1) / 2.0 * 6.0 * f;
    }

    /** The fused kernel: loss and dZ, forward and backward. */
    static double fused(
            Matrix z,
            SparseMatrix target,
            double posWeight,
            double norm,
            Parallelism parallelism,
            int warmup,
            int reps) {
        Weights w = new Weights("z", z);
        Variable loss = InnerProductFullGraphBce.of(w, target, posWeight, norm);
        return medianMillis(warmup, reps, () -> new ComputationContext(parallelism).backward(loss));
    }

    /**
     * The naive baseline: Z·Zᵀ materialised by ojAlgo, loss and G = ∂loss/∂logits in loops, dZ = (G + Gᵀ)·Z
     * = 2·G·Z by ojAlgo. Returns the loss so the JIT cannot drop the work.
     */
    static double naive(Matrix z, SparseMatrix target, double posWeight, double norm) {
        int n = z.rows();
        Matrix logits = z.multiplyTranspose(z);
        double[] x = logits.data();
        double c = norm / ((double) n * n);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                boolean positive = target.contains(i, j);
                double s = Sigmoid.sigmoid(x[k]);
                loss += positive ? posWeight * Softplus.softplus(-x[k]) : Softplus.softplus(x[k]);
                x[k] = c * (positive ? posWeight * (s - 1.0) : s);
            }
        }
        Matrix dz = logits.multiply(z).scale(2.0);
        return c * loss + dz.data()[0] * 0.0;
    }

    static double naiveMillis(Matrix z, SparseMatrix target, double posWeight, double norm, int warmup, int reps) {
        double[] sink = new double[1];
        return medianMillis(warmup, reps, () -> sink[0] += naive(z, target, posWeight, norm));
    }

    /** Our CSR Â·H against ojAlgo's {@code R064CSR.multiply(right, target)} (the correct two-argument overload). */
    static double[] sparseProduct(SparseMatrix a, Matrix h, Parallelism parallelism, int warmup, int reps) {
        double ours = medianMillis(warmup, reps, () -> a.multiply(h, parallelism));
        int[] ptr = new int[a.rows() + 1];
        int[] idx = new int[a.nnz()];
        double[] val = new double[a.nnz()];
        for (int i = 0; i < a.rows(); i++) {
            ptr[i + 1] = a.rowEnd(i);
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                idx[p] = a.colAt(p);
                val[p] = a.valueAt(p);
            }
        }
        R064CSR csr = new R064CSR(a.rows(), a.cols(), val, idx, ptr);
        R064Store right = R064Store.FACTORY.copy(org.ojalgo.matrix.store.RawStore.wrap(h.toArray()));
        R064Store out = R064Store.FACTORY.make(a.rows(), h.cols());
        double ojalgo = medianMillis(warmup, reps, () -> csr.multiply(right, out));
        return new double[] {ours, ojalgo};
    }

    /** The dense product {@code a · b} (shape n×k · k×m) timed three ways: ours, the plain-Java kernel, ojAlgo. */
    record DenseTiming(int n, int k, int m, double oursMs, double scalarMs, double ojalgoMs) {

        double gflops() {
            return 2.0 * n * k * m / (oursMs * 1e6);
        }
    }

    /**
     * a · b for a random n×k a and k×m b: {@link DenseKernels} with the best row kernels, the same with the
     * plain-Java ones, and ojAlgo's {@code R064Store.multiply}; median ms of each.
     */
    static DenseTiming denseProduct(int n, int k, int m, Parallelism parallelism, int warmup, int reps) {
        Matrix a = randomEmbedding(n, k, 3L);
        Matrix b = randomEmbedding(k, m, 4L);
        double ours = medianMillis(warmup, reps, () -> DenseKernels.multiply(a, b, parallelism));
        double scalar = medianMillis(
                1, Math.max(3, reps / 5), () -> DenseKernels.multiply(a, b, parallelism, RowKernels.scalar()));
        R064Store left = R064Store.FACTORY.copy(org.ojalgo.matrix.store.RawStore.wrap(a.toArray()));
        R064Store right = R064Store.FACTORY.copy(org.ojalgo.matrix.store.RawStore.wrap(b.toArray()));
        double ojalgo = medianMillis(warmup, reps, () -> left.multiply(right));
        return new DenseTiming(n, k, m, ours, scalar, ojalgo);
    }
}
