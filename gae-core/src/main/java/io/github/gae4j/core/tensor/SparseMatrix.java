package io.github.gae4j.core.tensor;

import io.github.gae4j.core.parallel.Parallelism;
import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable sparse matrix in CSR layout (row pointers, column indices, values).
 *
 * <p>Products with dense matrices are hand-written: ojAlgo 56.2.1's one-argument
 * {@code R064CSR.multiply(MatrixStore)} returns wrong results (see KERNELS.md), and a CSR loop is
 * faster anyway. Column indices within a row are sorted and unique.
 */
public final class SparseMatrix {

    private static final int ROW_CHUNK = 256;

    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] values;
    private final boolean symmetric;
    private volatile SparseMatrix transposed;

    private SparseMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values, boolean symmetric) {
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
        this.symmetric = symmetric;
    }

    /**
     * Builds from CSR arrays (taken, not copied). Validates pointers and indices; column indices
     * must be strictly increasing within each row.
     */
    public static SparseMatrix ofCsr(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("Negative shape (" + rows + ", " + cols + ")");
        }
        if (rowPtr.length != rows + 1 || rowPtr[0] != 0 || colIdx.length != values.length
                || rowPtr[rows] != colIdx.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Inconsistent CSR arrays: rows=%d, rowPtr.length=%d, nnz=%d, values=%d",
                    rows, rowPtr.length, colIdx.length, values.length));
        }
        // All pointers first: a pointer past nnz in the middle must fail here, not index out of bounds below.
        for (int i = 0; i < rows; i++) {
            if (rowPtr[i + 1] < rowPtr[i]) {
                throw new IllegalArgumentException("Row pointers decrease at row " + i);
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int c = colIdx[p];
                if (c < 0 || c >= cols) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "Column index %d out of range [0, %d) in row %d", c, cols, i));
                }
                if (p > rowPtr[i] && colIdx[p - 1] >= c) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "Column indices not strictly increasing in row %d (%d then %d)", i, colIdx[p - 1], c));
                }
            }
        }
        return new SparseMatrix(rows, cols, rowPtr, colIdx, values, false);
    }

    /**
     * Builds from coordinate triplets; entries at the same position are summed. The arrays are not
     * modified.
     */
    public static SparseMatrix ofCoo(int rows, int cols, int[] r, int[] c, double[] v) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("Negative shape (" + rows + ", " + cols + ")");
        }
        if (r.length != c.length || r.length != v.length) {
            throw new IllegalArgumentException("COO arrays differ in length");
        }
        int[] counts = new int[rows + 1];
        for (int k = 0; k < r.length; k++) {
            if (r[k] < 0 || r[k] >= rows || c[k] < 0 || c[k] >= cols) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Entry (%d, %d) out of range for shape (%d, %d)", r[k], c[k], rows, cols));
            }
            counts[r[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            counts[i + 1] += counts[i];
        }
        int[] fill = Arrays.copyOf(counts, rows);
        int[] ci = new int[r.length];
        double[] cv = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            int p = fill[r[k]]++;
            ci[p] = c[k];
            cv[p] = v[k];
        }
        // Sort each row by column and merge duplicates.
        int[] outPtr = new int[rows + 1];
        int out = 0;
        for (int i = 0; i < rows; i++) {
            int from = counts[i];
            int to = counts[i + 1];
            sortRow(ci, cv, from, to);
            for (int p = from; p < to; p++) {
                if (out > outPtr[i] && ci[out - 1] == ci[p]) {
                    cv[out - 1] += cv[p];
                } else {
                    ci[out] = ci[p];
                    cv[out] = cv[p];
                    out++;
                }
            }
            outPtr[i + 1] = out;
        }
        return new SparseMatrix(rows, cols, outPtr, Arrays.copyOf(ci, out), Arrays.copyOf(cv, out), false);
    }

    public static SparseMatrix identity(int n) {
        int[] ptr = new int[n + 1];
        int[] idx = new int[n];
        double[] val = new double[n];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = i + 1;
            idx[i] = i;
            val[i] = 1.0;
        }
        return new SparseMatrix(n, n, ptr, idx, val, true);
    }

    /** Returns the same matrix flagged symmetric after checking it, so Sᵀ·G reuses S. */
    public SparseMatrix asSymmetric() {
        if (symmetric) {
            return this;
        }
        if (rows != cols || !Arrays.equals(rowPtr, transpose().rowPtr) || !Arrays.equals(colIdx, transpose().colIdx)
                || !Arrays.equals(values, transpose().values)) {
            throw new IllegalArgumentException("Matrix " + shape() + " is not symmetric");
        }
        return new SparseMatrix(rows, cols, rowPtr, colIdx, values, true);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nnz() {
        return colIdx.length;
    }

    public boolean isSymmetric() {
        return symmetric;
    }

    public int rowStart(int row) {
        return rowPtr[row];
    }

    public int rowEnd(int row) {
        return rowPtr[row + 1];
    }

    /** Column index of the p-th stored entry. */
    public int colAt(int p) {
        return colIdx[p];
    }

    /** Value of the p-th stored entry. */
    public double valueAt(int p) {
        return values[p];
    }

    public int rowNnz(int row) {
        return rowPtr[row + 1] - rowPtr[row];
    }

    public double get(int row, int col) {
        int p = Arrays.binarySearch(colIdx, rowPtr[row], rowPtr[row + 1], col);
        return p >= 0 ? values[p] : 0.0;
    }

    public boolean contains(int row, int col) {
        return Arrays.binarySearch(colIdx, rowPtr[row], rowPtr[row + 1], col) >= 0;
    }

    public String shape() {
        return "(" + rows + ", " + cols + ")";
    }

    public SparseMatrix transpose() {
        if (symmetric) {
            return this;
        }
        SparseMatrix t = transposed;
        if (t == null) {
            int[] ptr = new int[cols + 1];
            for (int c : colIdx) {
                ptr[c + 1]++;
            }
            for (int j = 0; j < cols; j++) {
                ptr[j + 1] += ptr[j];
            }
            int[] fill = Arrays.copyOf(ptr, cols);
            int[] idx = new int[colIdx.length];
            double[] val = new double[colIdx.length];
            for (int i = 0; i < rows; i++) {
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    int q = fill[colIdx[p]]++;
                    idx[q] = i;
                    val[q] = values[p];
                }
            }
            t = new SparseMatrix(cols, rows, ptr, idx, val, false);
            t.transposed = this;
            transposed = t;
        }
        return t;
    }

    /** this · dense, row-parallel; every output row is computed by one chunk, so results are exact and repeatable. */
    public Matrix multiply(Matrix dense, Parallelism parallelism) {
        if (dense.rows() != cols) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Cannot multiply %s by %s: inner dimensions %d and %d differ", shape(), dense.shape(), cols, dense.rows()));
        }
        int k = dense.cols();
        double[] b = dense.data();
        Matrix out = Matrix.zeros(rows, k);
        double[] o = out.data();
        parallelism.forEachChunk(rows, ROW_CHUNK, (chunk, from, to) -> multiplyRows(from, to, b, k, o));
        return out;
    }

    /** Rows [from, to) of this · b into o (row-major, k columns); each output row is written once. */
    private void multiplyRows(int from, int to, double[] b, int k, double[] o) {
        for (int i = from; i < to; i++) {
            int out = i * k;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                double v = values[p];
                int in = colIdx[p] * k;
                for (int j = 0; j < k; j++) {
                    o[out + j] += v * b[in + j];
                }
            }
        }
    }

    /** thisᵀ · dense (uses the cached transpose, or this matrix itself when symmetric). */
    public Matrix transposeMultiply(Matrix dense, Parallelism parallelism) {
        return transpose().multiply(dense, parallelism);
    }

    public Matrix toDense() {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                m.set(i, colIdx[p], values[p]);
            }
        }
        return m;
    }

    /** Row sums (for a 0/1 adjacency: degrees). */
    public double[] rowSums() {
        double[] s = new double[rows];
        for (int i = 0; i < rows; i++) {
            double acc = 0;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                acc += values[p];
            }
            s[i] = acc;
        }
        return s;
    }

    /** Index of the first non-finite stored value, or -1. */
    public int firstNonFinite() {
        for (int p = 0; p < values.length; p++) {
            if (!Double.isFinite(values[p])) {
                return p;
            }
        }
        return -1;
    }

    /** Row index of stored entry p (binary search over row pointers). */
    public int rowOf(int p) {
        int lo = 0;
        int hi = rows - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rowPtr[mid] <= p) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static void sortRow(int[] idx, double[] val, int from, int to) {
        if (to - from > 32) {
            // Long rows (hubs): sort (column, position) keys, then permute.
            long[] keys = new long[to - from];
            for (int p = from; p < to; p++) {
                keys[p - from] = ((long) idx[p] << 32) | (p - from);
            }
            Arrays.sort(keys);
            double[] v = Arrays.copyOfRange(val, from, to);
            for (int q = 0; q < keys.length; q++) {
                idx[from + q] = (int) (keys[q] >>> 32);
                val[from + q] = v[(int) keys[q]];
            }
            return;
        }
        // Insertion sort: short rows, usually already sorted.
        for (int p = from + 1; p < to; p++) {
            int c = idx[p];
            double v = val[p];
            int q = p - 1;
            while (q >= from && idx[q] > c) {
                idx[q + 1] = idx[q];
                val[q + 1] = val[q];
                q--;
            }
            idx[q + 1] = c;
            val[q + 1] = v;
        }
    }

    @Override
    public String toString() {
        return "SparseMatrix" + shape() + "[nnz=" + nnz() + "]";
    }
}
