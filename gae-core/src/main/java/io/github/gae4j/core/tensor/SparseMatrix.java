// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.tensor;

import io.github.gae4j.core.kernel.RowKernels;
import io.github.gae4j.core.kernel.dispatch.RowKernelDispatch;
import io.github.gae4j.core.parallel.Parallelism;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable sparse matrix in CSR layout (row pointers, column indices, values).
 *
 * <p>Products with dense matrices are hand-written: ojAlgo 56.2.1's one-argument
 * {@code R064CSR.multiply(MatrixStore)} returns wrong results (see KERNELS.md), and a CSR loop is
 * faster anyway. They run on {@link RowKernels} (the Vector API when available) over row chunks
 * that depend only on the shapes, so results do not depend on the thread count. Column indices
 * within a row are sorted and unique.
 *
 * <p>A {@linkplain #ofPattern pattern} matrix (a 0/1 adjacency) stores no values: every stored entry is 1. That
 * saves 8 bytes per entry (1.6 GB for 200M entries); the products, which take a values array, build the array of
 * ones on their first call and keep it, so they run the same kernels at the same speed.
 */
public final class SparseMatrix {

    /** Multiply-adds per chunk of the row-parallel products (about 20 µs of vector work). */
    private static final long CHUNK_WORK = 1L << 17;
    /** The scatter form of Sᵀ · G (see scatterChunks): dense operand at least 8 MiB, result at most 1 MiB. */
    private static final long SCATTER_MIN_DENSE = 1L << 20;

    private static final long SCATTER_MAX_RESULT = 1L << 17;
    private static final int SCATTER_ENTRIES_PER_COL = 8;
    private static final int SCATTER_MAX_CHUNKS = 32;

    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    /** Null for a pattern matrix. */
    private final double[] values;

    /** A pattern matrix's ones, built when a product first needs them (see {@link #values()}). */
    private volatile double[] ones;

    private final boolean pattern;
    private final boolean symmetric;
    private volatile SparseMatrix transposed;

    private SparseMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values, boolean symmetric) {
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
        this.pattern = values == null;
        this.symmetric = symmetric;
    }

    /**
     * A 0/1 matrix from its CSR pattern (taken, not copied): every stored entry is 1 and no values are stored.
     * Validated as {@link #ofCsr}.
     */
    public static SparseMatrix ofPattern(int rows, int cols, int[] rowPtr, int[] colIdx) {
        checkCsr(rows, cols, rowPtr, colIdx, colIdx.length);
        return new SparseMatrix(rows, cols, rowPtr, colIdx, null, false);
    }

    /** Whether this matrix stores no values (every stored entry is 1; see {@link #ofPattern}). */
    public boolean isPattern() {
        return pattern;
    }

    /** The values, the ones of a pattern matrix built (and kept) on first use. */
    private double[] values() {
        if (!pattern) {
            return values;
        }
        double[] v = ones;
        if (v == null) {
            synchronized (this) {
                v = ones;
                if (v == null) {
                    v = new double[colIdx.length];
                    Arrays.fill(v, 1.0);
                    ones = v;
                }
            }
        }
        return v;
    }

    /**
     * Builds from CSR arrays (taken, not copied). Validates pointers and indices; column indices
     * must be strictly increasing within each row.
     */
    public static SparseMatrix ofCsr(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        checkCsr(rows, cols, rowPtr, colIdx, values.length);
        return new SparseMatrix(rows, cols, rowPtr, colIdx, values, false);
    }

    private static void checkCsr(int rows, int cols, int[] rowPtr, int[] colIdx, int valueCount) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("Negative shape (" + rows + ", " + cols + ")");
        }
        if (rowPtr.length != rows + 1
                || rowPtr[0] != 0
                || colIdx.length != valueCount
                || rowPtr[rows] != colIdx.length) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Inconsistent CSR arrays: rows=%d, rowPtr.length=%d, nnz=%d, values=%d",
                    rows,
                    rowPtr.length,
                    colIdx.length,
                    valueCount));
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
                    throw new IllegalArgumentException(
                            String.format(Locale.ROOT, "Column index %d out of range [0, %d) in row %d", c, cols, i));
                }
                if (p > rowPtr[i] && colIdx[p - 1] >= c) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT,
                            "Column indices not strictly increasing in row %d (%d then %d)",
                            i,
                            colIdx[p - 1],
                            c));
                }
            }
        }
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
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "Entry (%d, %d) out of range for shape (%d, %d)", r[k], c[k], rows, cols));
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
        if (!isSymmetricPattern()) {
            throw new IllegalArgumentException("Matrix " + shape() + " is not symmetric");
        }
        return new SparseMatrix(rows, cols, rowPtr, colIdx, values, true);
    }

    /**
     * Whether S = Sᵀ, in one pass and an int per row (no transpose built): rows are visited in order, so the
     * entries (i, j) of column j arrive in increasing i and must be, in order, the entries of row j.
     */
    private boolean isSymmetricPattern() {
        if (rows != cols) {
            return false;
        }
        int[] cursor = Arrays.copyOf(rowPtr, rows);
        double[] v = values;
        for (int i = 0; i < rows; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int j = colIdx[p];
                int q = cursor[j]++;
                if (q >= rowPtr[j + 1]
                        || colIdx[q] != i
                        || (v != null && Double.doubleToLongBits(v[q]) != Double.doubleToLongBits(v[p]))) {
                    return false;
                }
            }
        }
        for (int j = 0; j < rows; j++) {
            if (cursor[j] != rowPtr[j + 1]) {
                return false;
            }
        }
        return true;
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
        double[] v = values;
        return v == null ? 1.0 : v[p];
    }

    public int rowNnz(int row) {
        return rowPtr[row + 1] - rowPtr[row];
    }

    public double get(int row, int col) {
        int p = Arrays.binarySearch(colIdx, rowPtr[row], rowPtr[row + 1], col);
        return p >= 0 ? valueAt(p) : 0.0;
    }

    public boolean contains(int row, int col) {
        return Arrays.binarySearch(colIdx, rowPtr[row], rowPtr[row + 1], col) >= 0;
    }

    public String shape() {
        return "(" + rows + ", " + cols + ")";
    }

    /**
     * Rows [from, to) as a (to − from) × cols matrix (copies of those rows' stored entries; the whole matrix itself
     * when the range is all rows). Each of its rows multiplies as the same row of this matrix does, to the bit:
     * layer-wise inference takes Â's products a block of rows at a time through it.
     */
    public SparseMatrix rowSlice(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException(String.format(
                    Locale.ROOT, "Rows [%d, %d) are not within the %d rows of %s", from, to, rows, shape()));
        }
        if (from == 0 && to == rows) {
            return this;
        }
        int start = rowPtr[from];
        int[] ptr = new int[to - from + 1];
        for (int i = from; i <= to; i++) {
            ptr[i - from] = rowPtr[i] - start;
        }
        return new SparseMatrix(
                to - from,
                cols,
                ptr,
                Arrays.copyOfRange(colIdx, start, rowPtr[to]),
                values == null ? null : Arrays.copyOfRange(values, start, rowPtr[to]),
                false);
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
            double[] v = values;
            double[] val = v == null ? null : new double[colIdx.length];
            for (int i = 0; i < rows; i++) {
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    int q = fill[colIdx[p]]++;
                    idx[q] = i;
                    if (v != null) {
                        val[q] = v[p];
                    }
                }
            }
            t = new SparseMatrix(cols, rows, ptr, idx, val, false);
            t.transposed = this;
            transposed = t;
        }
        return t;
    }

    /**
     * this · dense with the {@linkplain RowKernelDispatch#best() best available} row kernels; see
     * {@link #multiply(Matrix, Parallelism, RowKernels)}.
     */
    public Matrix multiply(Matrix dense, Parallelism parallelism) {
        return multiply(dense, parallelism, RowKernelDispatch.best());
    }

    /**
     * this · dense, row-parallel. The rows are cut into chunks of about equal work (stored entries
     * plus one per row) whose boundaries depend only on this matrix and the width of {@code dense};
     * every output row is computed by one kernel call, so results do not depend on the thread count.
     */
    public Matrix multiply(Matrix dense, Parallelism parallelism, RowKernels kernels) {
        Objects.requireNonNull(kernels, "kernels is null");
        if (dense.rows() != cols) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Cannot multiply %s by %s: inner dimensions %d and %d differ",
                    shape(),
                    dense.shape(),
                    cols,
                    dense.rows()));
        }
        int k = dense.cols();
        Matrix out = Matrix.zeros(rows, k);
        if (k == 0 || rows == 0) {
            return out;
        }
        double[] b = dense.data();
        double[] o = out.data();
        int[] ptr = rowPtr;
        int[] idx = colIdx;
        double[] val = values();
        parallelism.forEachBoundedChunk(
                workBounds(chunksFor(k)),
                (chunk, from, to) -> kernels.sparseMultiplyRows(ptr, idx, val, b, k, o, from, to));
        return out;
    }

    /**
     * thisᵀ · dense with the {@linkplain RowKernelDispatch#best() best available} row kernels; see
     * {@link #transposeMultiply(Matrix, Parallelism, RowKernels)}.
     */
    public Matrix transposeMultiply(Matrix dense, Parallelism parallelism) {
        return transposeMultiply(dense, parallelism, RowKernelDispatch.best());
    }

    /**
     * thisᵀ · dense. A symmetric matrix multiplies itself. Otherwise, when {@code dense} is too big
     * for the caches and the result (cols × k) is small, the rows of {@code dense} are scattered
     * into the result: a fixed number of row chunks (depending only on the shapes), each into its
     * own buffer, the buffers summed in chunk order. Else the cached transpose (built on first use)
     * multiplies {@code dense} row by row. Either way the result does not depend on the thread count.
     */
    public Matrix transposeMultiply(Matrix dense, Parallelism parallelism, RowKernels kernels) {
        Objects.requireNonNull(kernels, "kernels is null");
        if (symmetric) {
            return multiply(dense, parallelism, kernels);
        }
        if (dense.rows() != rows) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Cannot multiply the transpose of %s by %s: row counts %d and %d differ",
                    shape(),
                    dense.shape(),
                    rows,
                    dense.rows()));
        }
        int chunks = scatterChunks(dense.cols());
        if (chunks > 0) {
            return scatterTransposeMultiply(dense, parallelism, kernels, chunks);
        }
        return transpose().multiply(dense, parallelism, kernels);
    }

    /**
     * How many chunks the scatter form of thisᵀ · dense (k columns) uses, or 0 to use the cached
     * transpose instead. Measured on Cora-like features (1433 columns, 18 entries per row, k = 32):
     * the transpose, gathering rows of dense, wins while dense fits in cache (0.20 vs 0.32 ms at
     * 2708 rows, 2.1 vs 3.4 ms at 20,000); the scatter wins once it does not (7 vs 9–11 ms at 50,000
     * rows, 13 vs 43 ms at 100,000, 0.13 vs 0.76 s at 10⁶), provided its result (cols × k) stays
     * small. A chunk's buffer costs at most about an eighth of the chunk's stored entries.
     */
    private int scatterChunks(int k) {
        if ((long) rows * k < SCATTER_MIN_DENSE || (long) cols * k > SCATTER_MAX_RESULT) {
            return 0;
        }
        long chunks = (colIdx.length + (long) rows) / ((long) cols * SCATTER_ENTRIES_PER_COL);
        return (int) Math.max(1, Math.min(SCATTER_MAX_CHUNKS, chunks));
    }

    private Matrix scatterTransposeMultiply(Matrix dense, Parallelism parallelism, RowKernels kernels, int chunks) {
        int k = dense.cols();
        Matrix out = Matrix.zeros(cols, k);
        if (k == 0 || rows == 0) {
            return out;
        }
        double[] g = dense.data();
        double[] o = out.data();
        int[] bounds = workBounds(chunks);
        double[][] partial = new double[bounds.length - 1][];
        int[] ptr = rowPtr;
        int[] idx = colIdx;
        double[] val = values();
        int size = cols * k;
        parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
            double[] acc = chunk == 0 ? o : new double[size];
            kernels.sparseTransposeMultiplyRows(ptr, idx, val, g, k, acc, from, to);
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

    /** Chunk count of a product of this matrix with a dense matrix of k columns. */
    private int chunksFor(int k) {
        long work = (colIdx.length + (long) rows) * Math.max(k, 1);
        return (int) Math.max(1, Math.min(rows, (work + CHUNK_WORK - 1) / CHUNK_WORK));
    }

    /**
     * Row boundaries of up to {@code chunks} chunks of about equal work (stored entries plus one
     * per row); strictly increasing, from 0 to rows. Depends only on the row pointers and chunks.
     */
    private int[] workBounds(int chunks) {
        if (rows == 0) {
            return new int[] {0};
        }
        int n = Math.max(1, Math.min(chunks, rows));
        long total = colIdx.length + (long) rows;
        int[] bounds = new int[n + 1];
        int count = 1;
        for (int c = 1; c < n; c++) {
            long goal = total * c / n;
            // First row r with rowPtr[r] + r >= goal.
            int lo = bounds[count - 1] + 1;
            int hi = rows;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (rowPtr[mid] + (long) mid >= goal) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if (lo < rows) {
                bounds[count++] = lo;
            }
        }
        bounds[count++] = rows;
        return count == bounds.length ? bounds : Arrays.copyOf(bounds, count);
    }

    public Matrix toDense() {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                m.set(i, colIdx[p], valueAt(p));
            }
        }
        return m;
    }

    /** Row sums (for a 0/1 adjacency: degrees). */
    public double[] rowSums() {
        double[] s = new double[rows];
        double[] v = values;
        for (int i = 0; i < rows; i++) {
            if (v == null) {
                s[i] = rowPtr[i + 1] - rowPtr[i];
                continue;
            }
            double acc = 0;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                acc += v[p];
            }
            s[i] = acc;
        }
        return s;
    }

    /** Index of the first non-finite stored value, or -1. */
    public int firstNonFinite() {
        double[] v = values;
        if (v == null) {
            return -1;
        }
        for (int p = 0; p < v.length; p++) {
            if (!Double.isFinite(v[p])) {
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
