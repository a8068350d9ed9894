// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.tensor;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class MatrixTest {

    /** Shapes (m, k, n) of non-square products, including vectors and sizes past ojAlgo's small-matrix paths. */
    private static final int[][] SHAPES = {{4, 3, 5}, {1, 6, 4}, {6, 1, 4}, {5, 7, 1}, {70, 33, 41}, {129, 17, 3}};

    private static Matrix naiveProduct(Matrix a, Matrix b) {
        Matrix out = Matrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int k = 0; k < a.cols(); k++) {
                    s += a.get(i, k) * b.get(k, j);
                }
                out.set(i, j, s);
            }
        }
        return out;
    }

    private static void assertClose(Matrix actual, Matrix expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                assertThat(actual.get(i, j)).as("entry (%d, %d)", i, j).isCloseTo(expected.get(i, j), within(1e-12));
            }
        }
    }

    @Test
    void multiplyMatchesNaiveTripleLoop() {
        long seed = 1;
        for (int[] s : SHAPES) {
            Matrix a = randomMatrix(s[0], s[1], seed++);
            Matrix b = randomMatrix(s[1], s[2], seed++);
            assertClose(a.multiply(b), naiveProduct(a, b));
        }
    }

    @Test
    void transposeMultiplyMatchesNaiveTripleLoop() {
        long seed = 100;
        for (int[] s : SHAPES) {
            Matrix a = randomMatrix(s[1], s[0], seed++);
            Matrix b = randomMatrix(s[1], s[2], seed++);
            assertClose(a.transposeMultiply(b), naiveProduct(a.transpose(), b));
        }
    }

    @Test
    void multiplyTransposeMatchesNaiveTripleLoop() {
        long seed = 200;
        for (int[] s : SHAPES) {
            Matrix a = randomMatrix(s[0], s[1], seed++);
            Matrix b = randomMatrix(s[2], s[1], seed++);
            assertClose(a.multiplyTranspose(b), naiveProduct(a, b.transpose()));
        }
    }

    @Test
    void productsOverwriteNothingAndLeaveInputsAlone() {
        Matrix a = randomMatrix(5, 4, 1);
        Matrix b = randomMatrix(4, 3, 2);
        Matrix aCopy = a.copy();
        Matrix bCopy = b.copy();
        Matrix first = a.multiply(b);
        Matrix second = a.multiply(b);
        assertThat(second).isEqualTo(first).isNotSameAs(first);
        assertThat(a).isEqualTo(aCopy);
        assertThat(b).isEqualTo(bCopy);
    }

    @Test
    void productShapeMismatchNamesBothShapes() {
        Matrix a = Matrix.zeros(2, 3);
        Matrix b = Matrix.zeros(4, 5);
        assertThatThrownBy(() -> a.multiply(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(4, 5)");
        assertThatThrownBy(() -> a.transposeMultiply(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 2)")
                .hasMessageContaining("(4, 5)");
        assertThatThrownBy(() -> a.multiplyTranspose(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(5, 4)");
    }

    @Test
    void layoutIsRowMajor() {
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(m.get(1, 2)).isEqualTo(6);
        assertThat(m.toRowMajor()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void rowMajorRoundTrip() {
        double[] rowMajor = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Matrix m = Matrix.fromRowMajor(3, 4, rowMajor);
        assertThat(m.get(0, 3)).isEqualTo(4);
        assertThat(m.get(2, 0)).isEqualTo(9);
        assertThat(m.toRowMajor()).containsExactly(rowMajor);
        Matrix r = randomMatrix(7, 5, 3);
        assertThat(Matrix.fromRowMajor(7, 5, r.toRowMajor())).isEqualTo(r);
        assertThat(Matrix.of(r.toArray())).isEqualTo(r);
        assertThatThrownBy(() -> Matrix.fromRowMajor(3, 4, new double[13]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 13")
                .hasMessageContaining("(3, 4)");
    }

    @Test
    void wrapRowMajorSharesTheArrayAndChecksItsLength() {
        double[] data = {1, 2, 3, 4, 5, 6};
        Matrix m = Matrix.wrapRowMajor(2, 3, data);
        assertThat(m.get(1, 0)).isEqualTo(4);
        assertThat(m.get(0, 2)).isEqualTo(3);
        data[3] = 40;
        assertThat(m.get(1, 0)).isEqualTo(40);
        assertThatThrownBy(() -> Matrix.wrapRowMajor(2, 3, new double[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 5")
                .hasMessageContaining("(2, 3)");
    }

    @Test
    void ofRejectsRaggedRows() {
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row 1 has 1 columns, expected 2");
    }

    @Test
    void elementwiseHelpers() {
        Matrix a = Matrix.of(new double[][] {{1, -2}, {3, 4}});
        Matrix b = Matrix.of(new double[][] {{0.5, 2}, {-1, 0}});
        assertThat(a.plus(b).toArray()).isEqualTo(new double[][] {{1.5, 0}, {2, 4}});
        assertThat(a.hadamard(b).toArray()).isEqualTo(new double[][] {{0.5, -4}, {-3, 0}});
        assertThat(a.scale(-2).toArray()).isEqualTo(new double[][] {{-2, 4}, {-6, -8}});
        assertThat(a.map(x -> x * x).toArray()).isEqualTo(new double[][] {{1, 4}, {9, 16}});
        assertThat(a.sum()).isEqualTo(6);
        assertThat(a.maxAbs()).isEqualTo(4);
        assertThat(a.transpose().toArray()).isEqualTo(new double[][] {{1, 3}, {-2, 4}});
        Matrix c = a.copy();
        c.addInPlace(b);
        assertThat(c).isEqualTo(a.plus(b));
        assertThat(a.get(0, 0)).isEqualTo(1);
        assertThatThrownBy(() -> a.plus(Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 2) and (2, 3)");
    }

    @Test
    void copyIsIndependent() {
        Matrix a = randomMatrix(3, 3, 1);
        Matrix c = a.copy();
        c.set(0, 0, 42);
        assertThat(a.get(0, 0)).isNotEqualTo(42);
    }

    @Test
    void onesAndFilled() {
        assertThat(Matrix.ones(2, 3).toArray()).isEqualTo(new double[][] {{1, 1, 1}, {1, 1, 1}});
        assertThat(Matrix.filled(1, 2, -0.5).toArray()).isEqualTo(new double[][] {{-0.5, -0.5}});
        assertThat(Matrix.ones(0, 4).size()).isZero();
        assertThatThrownBy(() -> Matrix.ones(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scalarsAndNonFiniteEntries() {
        assertThat(Matrix.scalar(2.5).scalarValue()).isEqualTo(2.5);
        assertThatThrownBy(() -> Matrix.zeros(2, 1).scalarValue())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(2, 1)");
        Matrix m = Matrix.zeros(2, 2);
        assertThat(m.firstNonFinite()).isEqualTo(-1);
        m.set(1, 1, Double.NaN);
        m.set(0, 1, Double.POSITIVE_INFINITY);
        assertThat(m.firstNonFinite()).isEqualTo(1);
    }

    @Test
    void emptyMatrices() {
        Matrix e = Matrix.zeros(0, 3);
        assertThat(e.size()).isZero();
        assertThat(e.sum()).isZero();
        assertThat(e.transpose().rows()).isEqualTo(3);
        assertThat(e.copy()).isEqualTo(e);
        assertThat(e.plus(Matrix.zeros(0, 3))).isEqualTo(e);
        assertThat(e.multiply(randomMatrix(3, 2, 1))).isEqualTo(Matrix.zeros(0, 2));
        assertThat(Matrix.zeros(2, 0).multiply(Matrix.zeros(0, 3))).isEqualTo(Matrix.zeros(2, 3));
        assertThat(randomMatrix(3, 2, 2).transposeMultiply(Matrix.zeros(3, 0))).isEqualTo(Matrix.zeros(2, 0));
        assertThat(Matrix.wrapRowMajor(0, 4, new double[0]).cols()).isEqualTo(4);
        assertThat(randomMatrix(2, 3, 3).multiplyTranspose(Matrix.zeros(0, 3))).isEqualTo(Matrix.zeros(2, 0));
        assertThat(Matrix.zeros(0, 3).transposeMultiply(Matrix.zeros(0, 2))).isEqualTo(Matrix.zeros(3, 2));
        assertThatThrownBy(() -> Matrix.zeros(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Negative shape (-1, 2)");
    }
}
