// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gae4j.core.kernel.dispatch.RowKernelDispatch;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.DenseKernels;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class RowKernelsTest {

    /** Output widths: below, at and past one vector, and the register-block sizes 16 and 32. */
    private static final int[] WIDTHS = {1, 3, 7, 8, 16, 17, 32, 33, 48, 64};
    /**
     * (k, m) pairs for the dense kernels, covering every block size with and without tails, inner sizes past one
     * and two of the 4L-column kernel's k blocks (256), and k = 0 (the product is zero).
     */
    private static final int[][] DENSE_SHAPES = {
        {32, 16}, {16, 32}, {1, 1}, {3, 7}, {7, 3}, {9, 32}, {12, 16}, {12, 8}, {33, 17}, {17, 33}, {5, 64}, {64, 5},
        {300, 40}, {513, 64}, {0, 32},
    };

    /** Raw CSR arrays with some empty rows (every seventh) and one long row. */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    private record Csr(int rows, int cols, int[] ptr, int[] idx, double[] val) {

        static Csr random(int rows, int cols, int maxPerRow, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] ptr = new int[rows + 1];
            int[] idx = new int[rows * Math.max(maxPerRow, cols)];
            double[] val = new double[idx.length];
            int p = 0;
            for (int i = 0; i < rows; i++) {
                int count = i % 7 == 3 ? 0 : i == 1 ? cols : rng.nextInt(maxPerRow + 1);
                int[] chosen = rng.ints(0, cols)
                        .distinct()
                        .limit(Math.min(count, cols))
                        .sorted()
                        .toArray();
                for (int c : chosen) {
                    idx[p] = c;
                    val[p] = 2 * rng.nextDouble() - 1;
                    p++;
                }
                ptr[i + 1] = p;
            }
            return new Csr(rows, cols, ptr, Arrays.copyOf(idx, p), Arrays.copyOf(val, p));
        }

        SparseMatrix matrix() {
            return SparseMatrix.ofCsr(rows, cols, ptr, idx, val);
        }
    }

    private static double[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
            d[t] = 2 * rng.nextDouble() - 1;
        }
        return d;
    }

    private static double[] nans(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }

    private static RowKernels vectorKernels() {
        assumeTrue(VectorSupport.modulePresent(), "jdk.incubator.vector is not in the boot layer");
        return RowKernelDispatch.vector().orElseThrow();
    }

    /** Both implementations when the module is present, else the scalar one. */
    private static List<RowKernels> allKernels() {
        return RowKernelDispatch.vector()
                .map(v -> List.of(RowKernels.scalar(), v))
                .orElse(List.of(RowKernels.scalar()));
    }

    /** |actual − expected| ≤ 1e-12 · max(1, |expected|) elementwise. */
    private static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int t = 0; t < expected.length; t++) {
            double tol = 1e-12 * Math.max(1.0, Math.abs(expected[t]));
            assertThat(Math.abs(actual[t] - expected[t]))
                    .as("%s at %d: %s vs %s", what, t, actual[t], expected[t])
                    .isLessThanOrEqualTo(tol);
        }
    }

    private static double[] referenceSparseMultiply(Csr s, double[] b, int k) {
        double[] o = new double[s.rows * k];
        for (int i = 0; i < s.rows; i++) {
            for (int p = s.ptr[i]; p < s.ptr[i + 1]; p++) {
                for (int j = 0; j < k; j++) {
                    o[i * k + j] += s.val[p] * b[s.idx[p] * k + j];
                }
            }
        }
        return o;
    }

    private static double[] referenceDenseMultiply(double[] a, int rows, int k, double[] b, int m) {
        double[] o = new double[rows * m];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += a[i * k + t] * b[t * m + j];
                }
                o[i * m + j] = s;
            }
        }
        return o;
    }

    private static double[] referenceTransposeMultiply(double[] a, int rows, int k, double[] b, int m) {
        double[] o = new double[k * m];
        for (int i = 0; i < rows; i++) {
            for (int t = 0; t < k; t++) {
                for (int j = 0; j < m; j++) {
                    o[t * m + j] += a[i * k + t] * b[i * m + j];
                }
            }
        }
        return o;
    }

    @Test
    void sparseMultiplyMatchesReferenceAndOverwritesEveryRowIncludingEmptyOnes() {
        Csr s = Csr.random(41, 23, 6, 1);
        for (RowKernels kernels : allKernels()) {
            for (int k : WIDTHS) {
                double[] b = random(s.cols * k, 100 + k);
                double[] o = nans(s.rows * k);
                kernels.sparseMultiplyRows(s.ptr, s.idx, s.val, b, k, o, 0, s.rows);
                assertClose(o, referenceSparseMultiply(s, b, k), kernels + " k=" + k);
                for (int j = 0; j < k; j++) {
                    assertThat(o[3 * k + j])
                            .as("empty row 3, %s k=%d", kernels, k)
                            .isEqualTo(0.0);
                }
            }
        }
    }

    @Test
    void rowRangeCallsTouchOnlyTheirRows() {
        Csr s = Csr.random(30, 12, 5, 2);
        for (RowKernels kernels : allKernels()) {
            for (int k : WIDTHS) {
                double[] b = random(s.cols * k, 200 + k);
                double[] o = nans(s.rows * k);
                kernels.sparseMultiplyRows(s.ptr, s.idx, s.val, b, k, o, 9, 17);
                double[] expected = referenceSparseMultiply(s, b, k);
                for (int i = 0; i < s.rows; i++) {
                    double[] row = Arrays.copyOfRange(o, i * k, (i + 1) * k);
                    if (i >= 9 && i < 17) {
                        assertClose(row, Arrays.copyOfRange(expected, i * k, (i + 1) * k), kernels + " row " + i);
                    } else {
                        assertThat(row)
                                .as("%s k=%d row %d outside [9, 17)", kernels, k, i)
                                .containsOnly(Double.NaN);
                    }
                }
            }
        }
    }

    @Test
    void sparseTransposeScatterAddsIntoTheAccumulator() {
        Csr s = Csr.random(37, 19, 6, 3);
        for (RowKernels kernels : allKernels()) {
            for (int k : WIDTHS) {
                double[] g = random(s.rows * k, 300 + k);
                double[] start = random(s.cols * k, 400 + k);
                double[] acc = start.clone();
                kernels.sparseTransposeMultiplyRows(s.ptr, s.idx, s.val, g, k, acc, 0, s.rows);
                double[] expected = start.clone();
                for (int i = 0; i < s.rows; i++) {
                    for (int p = s.ptr[i]; p < s.ptr[i + 1]; p++) {
                        for (int j = 0; j < k; j++) {
                            expected[s.idx[p] * k + j] += s.val[p] * g[i * k + j];
                        }
                    }
                }
                assertClose(acc, expected, kernels + " k=" + k);
            }
        }
    }

    @Test
    void denseKernelsMatchReference() {
        int rows = 37;
        for (RowKernels kernels : allKernels()) {
            for (int[] shape : DENSE_SHAPES) {
                int k = shape[0];
                int m = shape[1];
                String what = String.format(Locale.ROOT, "%s k=%d m=%d", kernels, k, m);
                double[] a = random(rows * k, 10L * k + m);
                double[] b = random(k * m, 20L * k + m);
                double[] o = nans(rows * m);
                kernels.multiplyRows(a, k, b, m, o, 0, rows);
                assertClose(o, referenceDenseMultiply(a, rows, k, b, m), "a·b " + what);

                double[] c = random(rows * m, 30L * k + m);
                double[] start = random(k * m, 40L * k + m);
                double[] acc = start.clone();
                kernels.transposeMultiplyRows(a, k, c, m, acc, 0, rows);
                double[] expected = referenceTransposeMultiply(a, rows, k, c, m);
                for (int t = 0; t < expected.length; t++) {
                    expected[t] += start[t];
                }
                assertClose(acc, expected, "aᵀ·c " + what);
            }
        }
    }

    @Test
    void vectorAgreesWithScalarOnCoraSizedProducts() {
        RowKernels vector = vectorKernels();
        RowKernels scalar = RowKernels.scalar();
        Csr x = Csr.random(2708, 1433, 36, 5);
        try (Parallelism p = Parallelism.of(2)) {
            for (int k : new int[] {16, 32, 33}) {
                Matrix w = Matrix.wrapRowMajor(1433, k, random(1433 * k, 50 + k));
                Matrix g = Matrix.wrapRowMajor(2708, k, random(2708 * k, 60 + k));
                SparseMatrix s = x.matrix();
                assertClose(
                        s.multiply(w, p, vector).data(),
                        s.multiply(w, p, scalar).data(),
                        "X·W k=" + k);
                assertClose(
                        s.transposeMultiply(g, p, vector).data(),
                        s.transposeMultiply(g, p, scalar).data(),
                        "Xᵀ·G k=" + k);
            }
            Matrix h = Matrix.wrapRowMajor(2708, 32, random(2708 * 32, 70));
            Matrix w1 = Matrix.wrapRowMajor(32, 16, random(32 * 16, 71));
            Matrix g16 = Matrix.wrapRowMajor(2708, 16, random(2708 * 16, 72));
            assertClose(
                    DenseKernels.multiply(h, w1, p, vector).data(),
                    DenseKernels.multiply(h, w1, p, scalar).data(),
                    "H·W1");
            assertClose(
                    DenseKernels.transposeMultiply(h, g16, p, vector).data(),
                    DenseKernels.transposeMultiply(h, g16, p, scalar).data(),
                    "Hᵀ·G");
            assertClose(
                    DenseKernels.multiplyTranspose(g16, w1, p, vector).data(),
                    DenseKernels.multiplyTranspose(g16, w1, p, scalar).data(),
                    "G·W1ᵀ");
        }
    }

    @Test
    void emptyMatricesAndZeroWidths() {
        Csr empty = new Csr(5, 4, new int[6], new int[0], new double[0]);
        for (RowKernels kernels : allKernels()) {
            for (int k : WIDTHS) {
                double[] o = nans(5 * k);
                kernels.sparseMultiplyRows(empty.ptr, empty.idx, empty.val, random(4 * k, k), k, o, 0, 5);
                assertThat(o).as("%s k=%d", kernels, k).containsOnly(0.0);
            }
        }
        try (Parallelism p = Parallelism.of(2)) {
            SparseMatrix none = empty.matrix();
            assertThat(none.multiply(Matrix.zeros(4, 0), p).cols()).isZero();
            assertThat(none.transposeMultiply(Matrix.zeros(5, 3), p).data()).containsOnly(0.0);
            SparseMatrix noRows = SparseMatrix.ofCsr(0, 4, new int[1], new int[0], new double[0]);
            assertThat(noRows.multiply(Matrix.zeros(4, 32), p).rows()).isZero();
            assertThat(noRows.transposeMultiply(Matrix.zeros(0, 32), p).data()).containsOnly(0.0);
            assertThat(DenseKernels.transposeMultiply(Matrix.zeros(0, 3), Matrix.zeros(0, 2), p)
                            .data())
                    .containsOnly(0.0);
        }
    }

    /** Every product, through the public entry points, for 1, 2 and 4 threads. */
    private static List<double[]> allProducts(
            RowKernels kernels, Parallelism p, SparseMatrix small, SparseMatrix tall, SparseMatrix symmetric) {
        Matrix w = Matrix.wrapRowMajor(small.cols(), 32, random(small.cols() * 32, 81));
        Matrix g = Matrix.wrapRowMajor(small.rows(), 32, random(small.rows() * 32, 82));
        Matrix gTall = Matrix.wrapRowMajor(tall.rows(), 32, random(tall.rows() * 32, 83));
        Matrix h = Matrix.wrapRowMajor(symmetric.rows(), 17, random(symmetric.rows() * 17, 84));
        Matrix a = Matrix.wrapRowMajor(3000, 32, random(3000 * 32, 85));
        Matrix b = Matrix.wrapRowMajor(3000, 16, random(3000 * 16, 86));
        Matrix w1 = Matrix.wrapRowMajor(32, 16, random(32 * 16, 87));
        return List.of(
                small.multiply(w, p, kernels).data(),
                small.transposeMultiply(g, p, kernels).data(),
                tall.multiply(Matrix.wrapRowMajor(tall.cols(), 32, random(tall.cols() * 32, 88)), p, kernels)
                        .data(),
                tall.transposeMultiply(gTall, p, kernels).data(),
                symmetric.multiply(h, p, kernels).data(),
                symmetric.transposeMultiply(h, p, kernels).data(),
                DenseKernels.multiply(a, w1, p, kernels).data(),
                DenseKernels.transposeMultiply(a, b, p, kernels).data(),
                DenseKernels.multiplyTranspose(b, w1, p, kernels).data());
    }

    @Test
    void resultsAreBitwiseIdenticalForAnyThreadCount() {
        SparseMatrix small = Csr.random(2708, 300, 12, 6).matrix();
        // Tall enough (40,000 × 32 dense operand) that thisᵀ · G takes the chunked scatter path.
        SparseMatrix tall = Csr.random(40_000, 500, 8, 7).matrix();
        Csr upper = Csr.random(1500, 1500, 6, 8);
        SparseMatrix sym = symmetrize(upper.matrix());
        for (RowKernels kernels : allKernels()) {
            List<double[]> one;
            try (Parallelism p = Parallelism.of(1)) {
                one = allProducts(kernels, p, small, tall, sym);
            }
            for (int threads : new int[] {2, 4}) {
                try (Parallelism p = Parallelism.of(threads)) {
                    List<double[]> many = allProducts(kernels, p, small, tall, sym);
                    for (int q = 0; q < one.size(); q++) {
                        assertThat(many.get(q))
                                .as("%s product %d with %d threads", kernels, q, threads)
                                .isEqualTo(one.get(q));
                    }
                }
            }
        }
    }

    @Test
    void scatterAndTransposePathsAgree() {
        SparseMatrix tall = Csr.random(40_000, 500, 8, 9).matrix();
        Matrix g = Matrix.wrapRowMajor(40_000, 32, random(40_000 * 32, 90));
        try (Parallelism p = Parallelism.of(2)) {
            for (RowKernels kernels : allKernels()) {
                // transposeMultiply scatters at this size; transpose().multiply gathers through Sᵀ.
                double[] scattered = tall.transposeMultiply(g, p, kernels).data();
                assertClose(scattered, tall.transpose().multiply(g, p, kernels).data(), kernels.toString());
            }
        }
    }

    @Test
    void bestIsTheVectorKernelWhenTheModuleIsPresent() {
        String setting = System.getProperty(VectorSupport.PROPERTY, "auto");
        if (!VectorSupport.modulePresent() || setting.equalsIgnoreCase("scalar")) {
            assertThat(RowKernelDispatch.best()).isSameAs(RowKernels.scalar());
        } else {
            assertThat(RowKernelDispatch.best()).isSameAs(vectorKernels());
            assertThat(RowKernelDispatch.best().describe()).startsWith("Vector API (double × ");
        }
        assertThat(RowKernels.scalar().describe()).isEqualTo("plain Java");
    }

    /** S + Sᵀ, flagged symmetric. */
    private static SparseMatrix symmetrize(SparseMatrix s) {
        int nnz = s.nnz();
        int[] r = new int[2 * nnz];
        int[] c = new int[2 * nnz];
        double[] v = new double[2 * nnz];
        int q = 0;
        for (int i = 0; i < s.rows(); i++) {
            for (int p = s.rowStart(i); p < s.rowEnd(i); p++) {
                r[q] = i;
                c[q] = s.colAt(p);
                v[q++] = s.valueAt(p);
                r[q] = s.colAt(p);
                c[q] = i;
                v[q++] = s.valueAt(p);
            }
        }
        return SparseMatrix.ofCoo(s.rows(), s.cols(), r, c, v).asSymmetric();
    }
}
