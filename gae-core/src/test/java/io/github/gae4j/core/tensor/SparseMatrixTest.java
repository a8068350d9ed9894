// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.tensor;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.parallel.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class SparseMatrixTest {

    /**
     * A random sparse matrix from shuffled COO triplets with duplicates, some empty rows and one
     * hub row with more than 32 entries (the long-row sort path).
     */
    private static SparseMatrix randomSparse(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> at = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (i % 5 == 2) {
                continue;
            }
            int count = i == 1 ? 3 * cols / 2 : rng.nextInt(4);
            for (int k = 0; k < count; k++) {
                at.add(new int[] {i, rng.nextInt(cols)});
                values.add(2 * rng.nextDouble() - 1);
            }
        }
        // Shuffle so that rows and columns arrive out of order.
        for (int k = at.size() - 1; k > 0; k--) {
            int r = rng.nextInt(k + 1);
            at.set(r, at.set(k, at.get(r)));
            values.set(r, values.set(k, values.get(r)));
        }
        int[] r = at.stream().mapToInt(e -> e[0]).toArray();
        int[] c = at.stream().mapToInt(e -> e[1]).toArray();
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return SparseMatrix.ofCoo(rows, cols, r, c, v);
    }

    /** The dense matrix the same triplets describe, summing duplicates. */
    private static Matrix denseOfCoo(int rows, int cols, int[] r, int[] c, double[] v) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int k = 0; k < r.length; k++) {
            m.add(r[k], c[k], v[k]);
        }
        return m;
    }

    private static void assertSortedUnique(SparseMatrix s) {
        for (int i = 0; i < s.rows(); i++) {
            for (int p = s.rowStart(i) + 1; p < s.rowEnd(i); p++) {
                assertThat(s.colAt(p)).as("row %d", i).isGreaterThan(s.colAt(p - 1));
            }
        }
    }

    private static void assertClose(Matrix actual, Matrix expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        for (int k = 0; k < expected.data().length; k++) {
            assertThat(actual.data()[k]).isCloseTo(expected.data()[k], within(1e-12));
        }
    }

    @Test
    void ofCooSumsDuplicatesAndSortsColumns() {
        int[] r = {2, 0, 2, 0, 2, 1, 0};
        int[] c = {3, 2, 0, 2, 3, 1, 0};
        double[] v = {1, 2, 3, 4, 5, 6, 7};
        SparseMatrix s = SparseMatrix.ofCoo(3, 4, r, c, v);
        assertThat(s.nnz()).isEqualTo(5);
        assertSortedUnique(s);
        assertThat(s.get(0, 2)).isEqualTo(6);
        assertThat(s.get(2, 3)).isEqualTo(6);
        assertThat(s.get(0, 0)).isEqualTo(7);
        assertThat(s.get(1, 0)).isZero();
        assertThat(s.contains(2, 0)).isTrue();
        assertThat(s.contains(2, 1)).isFalse();
        assertThat(s.toDense()).isEqualTo(denseOfCoo(3, 4, r, c, v));
        assertThat(r).containsExactly(2, 0, 2, 0, 2, 1, 0);
    }

    @Test
    void ofCooSortsLongRowsWithDuplicates() {
        SplittableRandom rng = new SplittableRandom(3);
        int m = 200;
        int[] r = new int[m];
        int[] c = new int[m];
        double[] v = new double[m];
        for (int k = 0; k < m; k++) {
            r[k] = k % 3 == 0 ? 0 : 1;
            c[k] = rng.nextInt(50);
            v[k] = rng.nextDouble();
        }
        SparseMatrix s = SparseMatrix.ofCoo(2, 50, r, c, v);
        assertThat(s.rowNnz(0)).isGreaterThan(32);
        assertThat(s.rowNnz(1)).isGreaterThan(32);
        assertSortedUnique(s);
        Matrix dense = denseOfCoo(2, 50, r, c, v);
        assertClose(s.toDense(), dense);
    }

    @Test
    void ofCooRejectsOutOfRangeEntries() {
        assertThatThrownBy(() -> SparseMatrix.ofCoo(2, 2, new int[] {0, 2}, new int[] {0, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Entry (2, 1) out of range for shape (2, 2)");
        assertThatThrownBy(() -> SparseMatrix.ofCoo(2, 2, new int[] {0}, new int[] {0, 1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in length");
        assertThatThrownBy(() -> SparseMatrix.ofCoo(-1, 2, new int[0], new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Negative shape (-1, 2)");
    }

    @Test
    void rowSliceMultipliesAsTheSameRowsOfTheWholeMatrix() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 40;
        List<int[]> entries = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            entries.add(new int[] {rng.nextInt(n), rng.nextInt(n)});
        }
        SparseMatrix s = SparseMatrix.ofCoo(
                n,
                n,
                entries.stream().mapToInt(e -> e[0]).toArray(),
                entries.stream().mapToInt(e -> e[1]).toArray(),
                rng.doubles(200).toArray());
        Matrix x = randomMatrix(n, 5, 9);
        double[] whole = s.multiply(x, Parallelism.singleThreaded()).data();
        SparseMatrix slice = s.rowSlice(7, 19);
        assertThat(slice.rows()).isEqualTo(12);
        assertThat(slice.cols()).isEqualTo(n);
        assertThat(slice.multiply(x, Parallelism.singleThreaded()).data())
                .containsExactly(java.util.Arrays.copyOfRange(whole, 7 * 5, 19 * 5));
        assertThat(s.rowSlice(0, n)).isSameAs(s);
        assertThat(s.rowSlice(3, 3).rows()).isZero();
        assertThatThrownBy(() -> s.rowSlice(5, n + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void ofCsrValidates() {
        assertThat(SparseMatrix.ofCsr(2, 3, new int[] {0, 1, 3}, new int[] {2, 0, 1}, new double[] {1, 2, 3})
                        .get(1, 1))
                .isEqualTo(3);
        assertThatThrownBy(() -> SparseMatrix.ofCsr(2, 3, new int[] {0, 1}, new int[] {2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Inconsistent CSR arrays: rows=2, rowPtr.length=2");
        assertThatThrownBy(() -> SparseMatrix.ofCsr(2, 3, new int[] {0, 1, 2}, new int[] {2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Inconsistent CSR arrays");
        assertThatThrownBy(() -> SparseMatrix.ofCsr(2, 3, new int[] {0, 1, 1}, new int[] {2}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values=2");
        assertThatThrownBy(
                        () -> SparseMatrix.ofCsr(3, 3, new int[] {0, 2, 1, 2}, new int[] {0, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row pointers decrease at row 1");
        assertThatThrownBy(() -> SparseMatrix.ofCsr(2, 3, new int[] {0, 5, 2}, new int[] {0, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row pointers decrease at row 1");
        assertThatThrownBy(() -> SparseMatrix.ofCsr(2, 3, new int[] {0, 1, 2}, new int[] {0, 3}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Column index 3 out of range [0, 3) in row 1");
        assertThatThrownBy(() -> SparseMatrix.ofCsr(1, 3, new int[] {0, 2}, new int[] {1, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not strictly increasing in row 0 (1 then 1)");
        assertThatThrownBy(() -> SparseMatrix.ofCsr(-1, 3, new int[] {0}, new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Negative shape");
    }

    @Test
    void multiplyMatchesDenseReference() {
        SparseMatrix s = randomSparse(300, 40, 1);
        Matrix x = randomMatrix(40, 7, 2);
        Matrix expected = s.toDense().multiply(x);
        assertClose(s.multiply(x, Parallelism.singleThreaded()), expected);
        try (Parallelism two = Parallelism.of(2)) {
            assertThat(s.multiply(x, two)).isEqualTo(s.multiply(x, Parallelism.singleThreaded()));
        }
    }

    @Test
    void transposeMultiplyMatchesDenseReference() {
        SparseMatrix s = randomSparse(300, 40, 3);
        Matrix g = randomMatrix(300, 5, 4);
        Matrix expected = s.toDense().transposeMultiply(g);
        assertClose(s.transposeMultiply(g, Parallelism.singleThreaded()), expected);
        try (Parallelism two = Parallelism.of(2)) {
            assertClose(s.transposeMultiply(g, two), expected);
        }
    }

    @Test
    void symmetricMatrixUsesItselfAsTranspose() {
        SparseMatrix s = SparseMatrix.ofCoo(
                3, 3, new int[] {0, 1, 1, 2, 2}, new int[] {1, 0, 2, 1, 2}, new double[] {2, 2, -1, -1, 5});
        assertThat(s.isSymmetric()).isFalse();
        SparseMatrix sym = s.asSymmetric();
        assertThat(sym.isSymmetric()).isTrue();
        assertThat(sym.transpose()).isSameAs(sym);
        assertThat(sym.asSymmetric()).isSameAs(sym);
        Matrix g = randomMatrix(3, 2, 5);
        assertClose(
                sym.transposeMultiply(g, Parallelism.singleThreaded()),
                s.toDense().transposeMultiply(g));
    }

    @Test
    void asSymmetricRejectsNonSymmetricMatrices() {
        SparseMatrix pattern = SparseMatrix.ofCoo(2, 2, new int[] {0}, new int[] {1}, new double[] {1});
        assertThatThrownBy(pattern::asSymmetric)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not symmetric");
        SparseMatrix values = SparseMatrix.ofCoo(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 2});
        assertThatThrownBy(values::asSymmetric)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 2)");
        SparseMatrix rectangular = SparseMatrix.ofCoo(2, 3, new int[0], new int[0], new double[0]);
        assertThatThrownBy(rectangular::asSymmetric)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)");
    }

    @Test
    void transposeMatchesDenseTranspose() {
        SparseMatrix s = randomSparse(30, 45, 6);
        SparseMatrix t = s.transpose();
        assertThat(t.rows()).isEqualTo(45);
        assertThat(t.cols()).isEqualTo(30);
        assertThat(t.nnz()).isEqualTo(s.nnz());
        assertSortedUnique(t);
        assertThat(t.toDense()).isEqualTo(s.toDense().transpose());
        assertThat(t.transpose()).isSameAs(s);
        assertThat(s.transpose()).isSameAs(t);
    }

    @Test
    void identityRowSumsAndRowOf() {
        SparseMatrix id = SparseMatrix.identity(4);
        assertThat(id.isSymmetric()).isTrue();
        assertThat(id.toDense()).isEqualTo(Matrix.of(new double[][] {
            {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}
        }));
        // Rows 0 and 3 empty: rowOf must skip them.
        SparseMatrix s = SparseMatrix.ofCsr(
                5, 3, new int[] {0, 0, 2, 3, 3, 4}, new int[] {0, 2, 1, 0}, new double[] {1, 2, 3, Double.NaN});
        assertThat(s.rowSums()[1]).isEqualTo(3);
        assertThat(s.rowOf(0)).isEqualTo(1);
        assertThat(s.rowOf(1)).isEqualTo(1);
        assertThat(s.rowOf(2)).isEqualTo(2);
        assertThat(s.rowOf(3)).isEqualTo(4);
        assertThat(s.firstNonFinite()).isEqualTo(3);
    }

    @Test
    void multiplyShapeMismatchNamesBothShapes() {
        SparseMatrix s = SparseMatrix.identity(3);
        assertThatThrownBy(() -> s.multiply(Matrix.zeros(4, 2), Parallelism.singleThreaded()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 3)")
                .hasMessageContaining("(4, 2)");
    }
}
