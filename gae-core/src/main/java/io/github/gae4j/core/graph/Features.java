package io.github.gae4j.core.graph;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;
import java.util.Objects;

/**
 * Node features X (N × d): sparse, dense, or the identity for featureless graphs. Encoders use
 * {@link #times(Variable, Parallelism)} so that each kind takes its cheapest product: a CSR kernel
 * for sparse X, ojAlgo for dense X, and no product at all for X = I.
 */
public sealed interface Features permits Features.Sparse, Features.Dense, Features.Identity {

    int rows();

    int dim();

    /** X · w as an autodiff variable. */
    Variable times(Variable w, Parallelism parallelism);

    /** X as a dense matrix (tests and small graphs only). */
    Matrix toDense();

    static Features sparse(SparseMatrix x) {
        return new Sparse(x);
    }

    static Features dense(Matrix x) {
        return new Dense(x);
    }

    static Features identity(int n) {
        return new Identity(n);
    }

    /** Sparse features in CSR. */
    record Sparse(SparseMatrix matrix) implements Features {
        public Sparse {
            Objects.requireNonNull(matrix, "matrix is null");
            int bad = matrix.firstNonFinite();
            if (bad >= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Feature value at node %d, column %d is %s", matrix.rowOf(bad), matrix.colAt(bad), matrix.valueAt(bad)));
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
        public Variable times(Variable w, Parallelism parallelism) {
            return SparseMatMul.of(matrix, w, parallelism);
        }

        @Override
        public Matrix toDense() {
            return matrix.toDense();
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
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Feature value at node %d, column %d is %s", node, col, matrix.get(node, col)));
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
        public Variable times(Variable w, Parallelism parallelism) {
            return MatMul.of(Constant.of(matrix), w, parallelism);
        }

        @Override
        public Matrix toDense() {
            return matrix;
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
        public Variable times(Variable w, Parallelism parallelism) {
            if (w.rows() != rows) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Cannot multiply identity features (%d, %d) by %s", rows, rows, w.shape()));
            }
            return w;
        }

        @Override
        public Matrix toDense() {
            return SparseMatrix.identity(rows).toDense();
        }
    }
}
