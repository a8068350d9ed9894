// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.ojalgo.matrix.store.R064Store;

/**
 * A dense row-major matrix of doubles, backed by an ojAlgo {@link R064Store}.
 *
 * <p>This is the one tensor type of gae4j: parameters, activations and gradients are all
 * {@code Matrix} (a scalar is 1×1). Storage is row-major because every hot kernel (CSR products,
 * pair scoring, the fused decoder) walks rows; ojAlgo sees the same array as the column-major
 * store of the transpose, so its products run on it without copies (A·B computed as (Bᵀ·Aᵀ)ᵀ).
 * Kernels read the array through {@link #data()}: element (i, j) is {@code data()[i * cols() + j]}.
 * ojAlgo stays behind this class, so no ojAlgo type appears in the SPI.
 */
public final class Matrix {

    private final R064Store store;
    private final int rows;
    private final int cols;

    private Matrix(R064Store store, int rows, int cols) {
        this.store = store;
        this.rows = rows;
        this.cols = cols;
    }

    public static Matrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new Matrix(R064Store.FACTORY.make(cols, rows), rows, cols);
    }

    /** A rows × cols matrix of ones (a norm's starting gain, a constant all-ones column). */
    public static Matrix ones(int rows, int cols) {
        Matrix m = zeros(rows, cols);
        Arrays.fill(m.data(), 1.0);
        return m;
    }

    /** A rows × cols matrix with every entry {@code value}. */
    public static Matrix filled(int rows, int cols, double value) {
        Matrix m = zeros(rows, cols);
        Arrays.fill(m.data(), value);
        return m;
    }

    public static Matrix scalar(double value) {
        Matrix m = zeros(1, 1);
        m.data()[0] = value;
        return m;
    }

    /** Wraps (does not copy) a row-major array of length rows × cols. */
    public static Matrix wrapRowMajor(int rows, int cols, double[] rowMajor) {
        checkShape(rows, cols);
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Array of length %d cannot hold a (%d, %d) matrix", rowMajor.length, rows, cols));
        }
        // The store is the column-major cols × rows transpose. R064Store.wrap divides by its row count:
        // a matrix without columns holds no data, so a fresh empty store is the same thing.
        R064Store store = cols == 0 ? R064Store.FACTORY.make(0, rows) : R064Store.wrap(rowMajor, cols);
        return new Matrix(store, rows, cols);
    }

    /** Copies nested row arrays; all rows must have the same length. */
    public static Matrix of(double[][] rowsData) {
        int r = rowsData.length;
        int c = r == 0 ? 0 : rowsData[0].length;
        Matrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (rowsData[i].length != c) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "Row %d has %d columns, expected %d", i, rowsData[i].length, c));
            }
            for (int j = 0; j < c; j++) {
                m.set(i, j, rowsData[i][j]);
            }
        }
        return m;
    }

    /** Copies a row-major array of length rows × cols. */
    public static Matrix fromRowMajor(int rows, int cols, double[] rowMajor) {
        Matrix m = zeros(rows, cols);
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Array of length %d cannot hold a (%d, %d) matrix", rowMajor.length, rows, cols));
        }
        System.arraycopy(rowMajor, 0, m.data(), 0, rowMajor.length);
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public long size() {
        return (long) rows * cols;
    }

    public double get(int row, int col) {
        return store.data[row * cols + col];
    }

    public void set(int row, int col, double value) {
        store.data[row * cols + col] = value;
    }

    public void add(int row, int col, double value) {
        store.data[row * cols + col] += value;
    }

    /** The backing row-major array (live, not a copy). */
    public double[] data() {
        return store.data;
    }

    /** The value of a 1×1 matrix. */
    public double scalarValue() {
        if (rows != 1 || cols != 1) {
            throw new IllegalStateException(String.format(Locale.ROOT, "Not a scalar: shape (%d, %d)", rows, cols));
        }
        return store.data[0];
    }

    public Matrix copy() {
        return wrapRowMajor(rows, cols, store.data.clone());
    }

    /** A row-major copy of the data. */
    public double[] toRowMajor() {
        return store.data.clone();
    }

    public double[][] toArray() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = get(i, j);
            }
        }
        return out;
    }

    /** this · right, through ojAlgo. */
    public Matrix multiply(Matrix right) {
        checkInner(this.cols, right.rows, this, right);
        Matrix out = zeros(rows, right.cols);
        if (!isEmptyProduct(out, cols)) {
            // (A·B)ᵀ = Bᵀ·Aᵀ, and the stores hold the transposes.
            right.store.multiply(store, out.store);
        }
        return out;
    }

    /** thisᵀ · right, through ojAlgo, without materialising the transpose. */
    public Matrix transposeMultiply(Matrix right) {
        checkInner(this.rows, right.rows, transposeShape(), right);
        Matrix out = zeros(cols, right.cols);
        if (!isEmptyProduct(out, rows)) {
            // (Aᵀ·B)ᵀ = Bᵀ·A
            right.store.multiply(store.transpose(), out.store);
        }
        return out;
    }

    /** this · rightᵀ, through ojAlgo, without materialising the transpose. */
    public Matrix multiplyTranspose(Matrix right) {
        checkInner(this.cols, right.cols, this, right.transposeShape());
        Matrix out = zeros(rows, right.rows);
        if (!isEmptyProduct(out, cols)) {
            // (A·Bᵀ)ᵀ = B·Aᵀ
            right.store.transpose().multiply(store, out.store);
        }
        return out;
    }

    public Matrix transpose() {
        Matrix out = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.set(j, i, get(i, j));
            }
        }
        return out;
    }

    public Matrix map(DoubleUnaryOperator f) {
        Matrix out = zeros(rows, cols);
        double[] src = store.data;
        double[] dst = out.store.data;
        for (int k = 0; k < src.length; k++) {
            dst[k] = f.applyAsDouble(src[k]);
        }
        return out;
    }

    public Matrix plus(Matrix other) {
        checkSameShape(other);
        Matrix out = copy();
        out.addInPlace(other);
        return out;
    }

    public Matrix hadamard(Matrix other) {
        checkSameShape(other);
        Matrix out = zeros(rows, cols);
        double[] a = store.data;
        double[] b = other.store.data;
        double[] o = out.store.data;
        for (int k = 0; k < a.length; k++) {
            o[k] = a[k] * b[k];
        }
        return out;
    }

    public Matrix scale(double factor) {
        Matrix out = zeros(rows, cols);
        double[] a = store.data;
        double[] o = out.store.data;
        for (int k = 0; k < a.length; k++) {
            o[k] = a[k] * factor;
        }
        return out;
    }

    /** this += other. */
    public void addInPlace(Matrix other) {
        checkSameShape(other);
        double[] a = store.data;
        double[] b = other.store.data;
        for (int k = 0; k < a.length; k++) {
            a[k] += b[k];
        }
    }

    public double sum() {
        double s = 0;
        for (double v : store.data) {
            s += v;
        }
        return s;
    }

    public double maxAbs() {
        double m = 0;
        for (double v : store.data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Index of the first NaN or infinite entry in row-major order, or -1. */
    public int firstNonFinite() {
        double[] d = store.data;
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                return k;
            }
        }
        return -1;
    }

    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    public String shape() {
        return "(" + rows + ", " + cols + ")";
    }

    private void checkSameShape(Matrix other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("Shapes differ: " + shape() + " and " + other.shape());
        }
    }

    private Matrix transposeShape() {
        return new Matrix(store, cols, rows);
    }

    /**
     * True when a product has nothing to compute: no output entries, or an inner dimension of 0
     * (the result is all zeros). ojAlgo divides by zero on such shapes (an empty graph's features).
     */
    private static boolean isEmptyProduct(Matrix out, int inner) {
        return out.size() == 0 || inner == 0;
    }

    private static void checkInner(int left, int right, Matrix a, Matrix b) {
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

    private static void checkShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("Negative shape (" + rows + ", " + cols + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.store.data, store.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(store.data);
    }

    @Override
    public String toString() {
        return "Matrix" + shape();
    }
}
