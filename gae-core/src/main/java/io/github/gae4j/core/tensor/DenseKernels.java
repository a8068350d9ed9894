package io.github.gae4j.core.tensor;

import io.github.gae4j.core.parallel.Parallelism;
import java.util.Locale;

/**
 * Row-parallel dense products for the shapes a GNN has: tall activations (N × k) times small
 * weights. ojAlgo's general GEMM spends most of its time on set-up at these shapes (about 1 ms for
 * 2708 × 32 · 32 × 16); these loops walk rows of the row-major arrays. Reductions over rows use
 * fixed chunks summed in chunk order, so results do not depend on the thread count.
 */
public final class DenseKernels {

    private static final int ROW_CHUNK = 512;

    private DenseKernels() {
    }

    /** a · b. */
    public static Matrix multiply(Matrix a, Matrix b, Parallelism parallelism) {
        requireInner(a.cols(), b.rows(), a, b);
        int k = a.cols();
        int m = b.cols();
        Matrix out = Matrix.zeros(a.rows(), m);
        double[] da = a.data();
        double[] db = b.data();
        double[] o = out.data();
        parallelism.forEachChunk(a.rows(), ROW_CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int oi = i * m;
                int ai = i * k;
                for (int j = 0; j < k; j++) {
                    axpy(da[ai + j], db, j * m, o, oi, m);
                }
            }
        });
        return out;
    }

    /** aᵀ · b (a is N × k, b is N × m; the result k × m sums over the N rows). */
    public static Matrix transposeMultiply(Matrix a, Matrix b, Parallelism parallelism) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Cannot multiply the transpose of %s by %s: row counts %d and %d differ", a.shape(), b.shape(),
                    a.rows(), b.rows()));
        }
        int k = a.cols();
        int m = b.cols();
        int chunks = Parallelism.chunkCount(a.rows(), ROW_CHUNK);
        double[][] partial = new double[chunks][];
        double[] da = a.data();
        double[] db = b.data();
        parallelism.forEachChunk(a.rows(), ROW_CHUNK, (chunk, from, to) -> {
            double[] acc = new double[k * m];
            for (int i = from; i < to; i++) {
                int ai = i * k;
                int bi = i * m;
                for (int j = 0; j < k; j++) {
                    axpy(da[ai + j], db, bi, acc, j * m, m);
                }
            }
            partial[chunk] = acc;
        });
        Matrix out = Matrix.zeros(k, m);
        double[] o = out.data();
        for (double[] p : partial) {
            for (int t = 0; t < o.length; t++) {
                o[t] += p[t];
            }
        }
        return out;
    }

    /** a · bᵀ (a is N × m, b is k × m; the result is N × k). */
    public static Matrix multiplyTranspose(Matrix a, Matrix b, Parallelism parallelism) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Cannot multiply %s by the transpose of %s: column counts %d and %d differ", a.shape(),
                    b.shape(), a.cols(), b.cols()));
        }
        int m = a.cols();
        int k = b.rows();
        Matrix out = Matrix.zeros(a.rows(), k);
        double[] da = a.data();
        double[] db = b.data();
        double[] o = out.data();
        parallelism.forEachChunk(a.rows(), ROW_CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int ai = i * m;
                int oi = i * k;
                for (int j = 0; j < k; j++) {
                    o[oi + j] = dot(da, ai, db, j * m, m);
                }
            }
        });
        return out;
    }

    /** y[yo..yo+len) += alpha · x[xo..xo+len). */
    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int len) {
        for (int t = 0; t < len; t++) {
            y[yo + t] += alpha * x[xo + t];
        }
    }

    static double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s = 0;
        for (int t = 0; t < len; t++) {
            s += x[xo + t] * y[yo + t];
        }
        return s;
    }

    private static void requireInner(int left, int right, Matrix a, Matrix b) {
        if (left != right) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Cannot multiply %s by %s: inner dimensions %d and %d differ", a.shape(), b.shape(), left, right));
        }
    }
}
