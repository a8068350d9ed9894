// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Node features X (N × d): sparse, dense, or the identity for featureless graphs. X · W is
 * {@code core.autodiff.functions.FeaturesTimes}, so that each kind takes its cheapest product (a CSR kernel for
 * sparse X, the dense kernel for dense X, no product at all for X = I); encoders reach it through
 * {@code GraphInput.featuresTimes}. Plain data: this package sits below the autodiff operations.
 *
 * <p>{@link DenseFloat} holds dense features as floats, half the memory of {@link Dense} (2.6 GB instead of 5.1 GB
 * for 10M nodes × 64): the product widens each row to double as it goes.
 */
public sealed interface Features permits Features.Sparse, Features.Dense, Features.DenseFloat, Features.Identity {

    int rows();

    int dim();

    /** X as a dense matrix (tests and small graphs only). */
    Matrix toDense();

    /**
     * Every row divided by its sum, rows summing to 0 left as they are (PyG's {@code NormalizeFeatures},
     * and DGL's citation datasets as GraphMAE reads them). The identity is already normalised.
     */
    Features rowNormalized();

    /**
     * The rows {@code nodes[0]}, {@code nodes[1]}, … of X, in that order, as features of the same kind and width
     * (the identity gives sparse one-hot rows over all N columns): the features of a sampled subgraph whose node
     * {@code k} is node {@code nodes[k]} of this graph.
     */
    Features select(int[] nodes);

    static Features sparse(SparseMatrix x) {
        return new Sparse(x);
    }

    static Features dense(Matrix x) {
        return new Dense(x);
    }

    static Features identity(int n) {
        return new Identity(n);
    }

    /** Dense float features, row-major {@code rows × dim} (taken, not copied). */
    static Features denseFloat(int rows, int dim, float[] rowMajor) {
        return new DenseFloat(rows, dim, rowMajor);
    }

    /** Sparse features in CSR. */
    record Sparse(SparseMatrix matrix) implements Features {
        public Sparse {
            Objects.requireNonNull(matrix, "matrix is null");
            int bad = matrix.firstNonFinite();
            if (bad >= 0) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Feature value at node %d, column %d is %s",
                        matrix.rowOf(bad),
                        matrix.colAt(bad),
                        matrix.valueAt(bad)));
            }
        }

        @Override
        public int rows() {
            return matrix.rows();
        }

        @Override
        public int dim() {
            return matrix.cols();
        }

        @Override
        public Matrix toDense() {
            return matrix.toDense();
        }

        @Override
        public Features rowNormalized() {
            int[] rowPtr = new int[matrix.rows() + 1];
            int[] cols = new int[matrix.nnz()];
            double[] values = new double[matrix.nnz()];
            double[] sums = matrix.rowSums();
            for (int i = 0; i < matrix.rows(); i++) {
                rowPtr[i + 1] = matrix.rowEnd(i);
                for (int p = matrix.rowStart(i); p < matrix.rowEnd(i); p++) {
                    cols[p] = matrix.colAt(p);
                    values[p] = sums[i] == 0 ? matrix.valueAt(p) : matrix.valueAt(p) / sums[i];
                }
            }
            return new Sparse(SparseMatrix.ofCsr(matrix.rows(), matrix.cols(), rowPtr, cols, values));
        }

        @Override
        public Features select(int[] nodes) {
            int[] rowPtr = new int[nodes.length + 1];
            for (int k = 0; k < nodes.length; k++) {
                rowPtr[k + 1] = rowPtr[k] + matrix.rowNnz(Objects.checkIndex(nodes[k], matrix.rows()));
            }
            int[] cols = new int[rowPtr[nodes.length]];
            double[] values = new double[cols.length];
            for (int k = 0; k < nodes.length; k++) {
                int out = rowPtr[k];
                for (int p = matrix.rowStart(nodes[k]); p < matrix.rowEnd(nodes[k]); p++, out++) {
                    cols[out] = matrix.colAt(p);
                    values[out] = matrix.valueAt(p);
                }
            }
            return new Sparse(SparseMatrix.ofCsr(nodes.length, matrix.cols(), rowPtr, cols, values));
        }
    }

    /** Dense features. */
    record Dense(Matrix matrix) implements Features {
        public Dense {
            Objects.requireNonNull(matrix, "matrix is null");
            int bad = matrix.firstNonFinite();
            if (bad >= 0) {
                int node = bad / matrix.cols();
                int col = bad % matrix.cols();
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "Feature value at node %d, column %d is %s", node, col, matrix.get(node, col)));
            }
        }

        @Override
        public int rows() {
            return matrix.rows();
        }

        @Override
        public int dim() {
            return matrix.cols();
        }

        @Override
        public Matrix toDense() {
            return matrix;
        }

        @Override
        public Features rowNormalized() {
            Matrix out = matrix.copy();
            for (int i = 0; i < out.rows(); i++) {
                double sum = 0;
                for (int k = 0; k < out.cols(); k++) {
                    sum += out.get(i, k);
                }
                if (sum != 0) {
                    for (int k = 0; k < out.cols(); k++) {
                        out.set(i, k, out.get(i, k) / sum);
                    }
                }
            }
            return new Dense(out);
        }

        @Override
        public Features select(int[] nodes) {
            int d = matrix.cols();
            Matrix out = Matrix.zeros(nodes.length, d);
            for (int k = 0; k < nodes.length; k++) {
                System.arraycopy(matrix.data(), Objects.checkIndex(nodes[k], matrix.rows()) * d, out.data(), k * d, d);
            }
            return new Dense(out);
        }
    }

    /**
     * Dense features stored as floats, row-major: half the memory of {@link Dense}. Values are the floats as
     * stored, widened exactly to double wherever they are read (the product, {@link #toDense}); {@link #select}
     * keeps them float.
     */
    final class DenseFloat implements Features {
        private final int rows;
        private final int dim;
        private final float[] data;

        DenseFloat(int rows, int dim, float[] data) {
            this(rows, dim, data, true);
        }

        /** {@code check}: whether to look for non-finite values (rows of checked features need no second look). */
        private DenseFloat(int rows, int dim, float[] data, boolean check) {
            Objects.requireNonNull(data, "data is null");
            if (rows < 0 || dim < 0 || data.length != (long) rows * dim) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "%d floats cannot be a %d × %d feature matrix", data.length, rows, dim));
            }
            for (int p = 0; check && p < data.length; p++) {
                if (!Float.isFinite(data[p])) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT, "Feature value at node %d, column %d is %s", p / dim, p % dim, data[p]));
                }
            }
            this.rows = rows;
            this.dim = dim;
            this.data = data;
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public int dim() {
            return dim;
        }

        /** Entry (i, j). */
        public float get(int row, int col) {
            return data[Objects.checkIndex(row, rows) * dim + Objects.checkIndex(col, dim)];
        }

        /** Row {@code row} widened into {@code out} (length at least dim). */
        public void row(int row, double[] out) {
            int base = Objects.checkIndex(row, rows) * dim;
            for (int j = 0; j < dim; j++) {
                out[j] = data[base + j];
            }
        }

        /**
         * Rows {@code from .. to − 1} widened into {@code out} (row-major, from position 0): the products' chunk
         * step.
         */
        public void widenRows(int from, int to, double[] out) {
            int base = from * dim;
            int len = (to - from) * dim;
            for (int p = 0; p < len; p++) {
                out[p] = data[base + p];
            }
        }

        @Override
        public Matrix toDense() {
            double[] out = new double[data.length];
            widenRows(0, rows, out);
            return Matrix.wrapRowMajor(rows, dim, out);
        }

        @Override
        public Features rowNormalized() {
            float[] out = data.clone();
            for (int i = 0; i < rows; i++) {
                double sum = 0;
                for (int k = 0; k < dim; k++) {
                    sum += out[i * dim + k];
                }
                if (sum != 0) {
                    for (int k = 0; k < dim; k++) {
                        out[i * dim + k] = (float) (out[i * dim + k] / sum);
                    }
                }
            }
            return new DenseFloat(rows, dim, out);
        }

        /**
         * The rows as float features again (half the bytes to copy, and no second check for non-finite values: a
         * sampled subgraph's rows are selected every batch); its product widens them as this one's does.
         */
        @Override
        public Features select(int[] nodes) {
            float[] out = new float[nodes.length * dim];
            for (int k = 0; k < nodes.length; k++) {
                System.arraycopy(data, Objects.checkIndex(nodes[k], rows) * dim, out, k * dim, dim);
            }
            return new DenseFloat(nodes.length, dim, out, false);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DenseFloat f && f.rows == rows && f.dim == dim && Arrays.equals(f.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * rows + dim) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DenseFloat[" + rows + " × " + dim + "]";
        }
    }

    /** X = I (featureless graphs): X · W is W itself. */
    record Identity(int rows) implements Features {
        public Identity {
            if (rows < 0) {
                throw new IllegalArgumentException("Negative node count " + rows);
            }
        }

        @Override
        public int dim() {
            return rows;
        }

        @Override
        public Matrix toDense() {
            return SparseMatrix.identity(rows).toDense();
        }

        @Override
        public Features rowNormalized() {
            return this;
        }

        @Override
        public Features select(int[] nodes) {
            int[] rowPtr = new int[nodes.length + 1];
            int[] cols = new int[nodes.length];
            double[] values = new double[nodes.length];
            for (int k = 0; k < nodes.length; k++) {
                rowPtr[k + 1] = k + 1;
                cols[k] = Objects.checkIndex(nodes[k], rows);
                values[k] = 1.0;
            }
            return new Sparse(SparseMatrix.ofCsr(nodes.length, rows, rowPtr, cols, values));
        }
    }
}
