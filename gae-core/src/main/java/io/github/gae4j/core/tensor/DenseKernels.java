// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.tensor;

import io.github.gae4j.core.kernel.RowKernels;
import io.github.gae4j.core.kernel.dispatch.RowKernelDispatch;
import io.github.gae4j.core.parallel.Parallelism;
import java.util.Locale;
import java.util.Objects;

/**
 * Row-parallel dense products for the shapes a GNN has: tall activations (N × k) times small
 * weights. ojAlgo's general GEMM spends most of its time on set-up at these shapes (about 1 ms for
 * 2708 × 32 · 32 × 16); these walk rows of the row-major arrays through {@link RowKernels} (the
 * Vector API where available). Reductions over rows use fixed chunks summed in chunk order, so
 * results do not depend on the thread count.
 */
public final class DenseKernels {

    private static final int ROW_CHUNK = 512;

    private DenseKernels() {}

    /** a · b with the {@linkplain RowKernelDispatch#best() best available} row kernels. */
    public static Matrix multiply(Matrix a, Matrix b, Parallelism parallelism) {
        return multiply(a, b, parallelism, RowKernelDispatch.best());
    }

    /** a · b. */
    public static Matrix multiply(Matrix a, Matrix b, Parallelism parallelism, RowKernels kernels) {
        Objects.requireNonNull(kernels, "kernels is null");
        requireInner(a.cols(), b.rows(), a, b);
        return multiplyRows(a, b.data(), a.cols(), b.cols(), parallelism, kernels);
    }

    /** aᵀ · b with the {@linkplain RowKernelDispatch#best() best available} row kernels. */
    public static Matrix transposeMultiply(Matrix a, Matrix b, Parallelism parallelism) {
        return transposeMultiply(a, b, parallelism, RowKernelDispatch.best());
    }

    /**
     * aᵀ · b (a is N × k, b is N × m; the result k × m sums over the N rows): each chunk of
     * {@value #ROW_CHUNK} rows into its own buffer, the buffers summed in chunk order.
     */
    public static Matrix transposeMultiply(Matrix a, Matrix b, Parallelism parallelism, RowKernels kernels) {
        Objects.requireNonNull(kernels, "kernels is null");
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Cannot multiply the transpose of %s by %s: row counts %d and %d differ",
                    a.shape(),
                    b.shape(),
                    a.rows(),
                    b.rows()));
        }
        int k = a.cols();
        int m = b.cols();
        Matrix out = Matrix.zeros(k, m);
        int size = k * m;
        if (size == 0) {
            return out;
        }
        double[] o = out.data();
        double[][] partial = new double[Parallelism.chunkCount(a.rows(), ROW_CHUNK)][];
        double[] da = a.data();
        double[] db = b.data();
        parallelism.forEachChunk(a.rows(), ROW_CHUNK, (chunk, from, to) -> {
            double[] acc = chunk == 0 ? o : new double[size];
            kernels.transposeMultiplyRows(da, k, db, m, acc, from, to);
            partial[chunk] = acc;
        });
        for (int c = 1; c < partial.length; c++) {
            double[] p = partial[c];
            for (int t = 0; t < size; t++) {
                o[t] += p[t];
            }
        }
        return out;
    }

    /** a · bᵀ with the {@linkplain RowKernelDispatch#best() best available} row kernels. */
    public static Matrix multiplyTranspose(Matrix a, Matrix b, Parallelism parallelism) {
        return multiplyTranspose(a, b, parallelism, RowKernelDispatch.best());
    }

    /**
     * a · bᵀ (a is N × m, b is k × m; the result is N × k): a · (bᵀ) with bᵀ copied once, b being
     * the small operand (a weight).
     */
    public static Matrix multiplyTranspose(Matrix a, Matrix b, Parallelism parallelism, RowKernels kernels) {
        Objects.requireNonNull(kernels, "kernels is null");
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Cannot multiply %s by the transpose of %s: column counts %d and %d differ",
                    a.shape(),
                    b.shape(),
                    a.cols(),
                    b.cols()));
        }
        int m = a.cols();
        int k = b.rows();
        double[] db = b.data();
        double[] bt = new double[m * k];
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < m; t++) {
                bt[t * k + j] = db[j * m + t];
            }
        }
        return multiplyRows(a, bt, m, k, parallelism, kernels);
    }

    /** a (N × k) times the row-major k × m array b. */
    private static Matrix multiplyRows(
            Matrix a, double[] b, int k, int m, Parallelism parallelism, RowKernels kernels) {
        Matrix out = Matrix.zeros(a.rows(), m);
        if (m == 0) {
            return out;
        }
        double[] da = a.data();
        double[] o = out.data();
        parallelism.forEachChunk(
                a.rows(), ROW_CHUNK, (chunk, from, to) -> kernels.multiplyRows(da, k, b, m, o, from, to));
        return out;
    }

    private static void requireInner(int left, int right, Matrix a, Matrix b) {
        if (left != right) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Cannot multiply %s by %s: inner dimensions %d and %d differ",
                    a.shape(),
                    b.shape(),
                    left,
                    right));
        }
    }
}
