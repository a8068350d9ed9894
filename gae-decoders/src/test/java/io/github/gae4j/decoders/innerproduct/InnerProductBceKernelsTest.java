// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.kernel.VectorSupport;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FusedKernels;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.Precision;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every available kernel against a naive double computation over all N² pairs, across thread
 * counts, odd shapes and huge logits. The Vector API kernels take part only when
 * {@code jdk.incubator.vector} is in the boot layer (surefire adds it); the scalar one always does.
 */
final class InnerProductBceKernelsTest {

    private static final Parallelism ONE = Parallelism.singleThreaded();
    private static final Parallelism TWO = Parallelism.of(2);
    private static final Parallelism FOUR = Parallelism.of(4);

    @AfterAll
    static void closePools() {
        TWO.close();
        FOUR.close();
    }

    /** The scalar kernel, plus both vector kernels when the module is present. */
    static List<InnerProductBceKernel> kernels() {
        List<InnerProductBceKernel> kernels = new ArrayList<>();
        kernels.add(InnerProductBceKernels.scalar());
        if (FusedKernels.vectorModulePresent()) {
            kernels.add(InnerProductBceKernels.vector(Precision.DOUBLE).orElseThrow());
            kernels.add(InnerProductBceKernels.vector(Precision.FLOAT).orElseThrow());
        }
        return kernels;
    }

    /** A seeded problem: Z (row-major), the symmetric target and the usual weights. */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    record Problem(double[] z, int n, int f, SparseMatrix target, double posWeight, double norm) {

        static Problem random(int n, int f, int edges, double zScale, boolean selfLoops, long seed) {
            SparseMatrix adjacency = TestGraphs.randomGraph(n, edges, seed).adjacency();
            SparseMatrix target = selfLoops ? NormalizedAdjacency.withSelfLoops(adjacency) : adjacency.asSymmetric();
            SplittableRandom rng = new SplittableRandom(seed + 1);
            double[] z = new double[n * f];
            for (int k = 0; k < z.length; k++) {
                z[k] = zScale * (2 * rng.nextDouble() - 1);
            }
            double n2 = (double) n * n;
            double e = Math.max(1, target.nnz());
            return new Problem(z, n, f, target, (n2 - e) / e + 1.0, n2 / (2 * Math.max(1, n2 - e)));
        }

        Result run(InnerProductBceKernel kernel, Parallelism parallelism) {
            double[] grad = new double[n * f];
            double loss = kernel.lossAndGradient(z, n, f, target, posWeight, norm, grad, parallelism);
            return new Result(loss, grad);
        }

        /** The definition, literally: every ordered pair, x_ij = z_i · z_j, chain rule into both rows. */
        Result naive() {
            double c = norm / ((double) n * n);
            double loss = 0;
            double[] grad = new double[n * f];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double x = 0;
                    for (int k = 0; k < f; k++) {
                        x += z[i * f + k] * z[j * f + k];
                    }
                    double e = Math.exp(-Math.abs(x));
                    double s = x >= 0 ? 1 / (1 + e) : e / (1 + e);
                    double g;
                    if (target.contains(i, j)) {
                        loss += posWeight * (Math.max(-x, 0) + Math.log1p(e));
                        g = posWeight * (s - 1);
                    } else {
                        loss += Math.max(x, 0) + Math.log1p(e);
                        g = s;
                    }
                    for (int k = 0; k < f; k++) {
                        grad[i * f + k] += c * g * z[j * f + k];
                        grad[j * f + k] += c * g * z[i * f + k];
                    }
                }
            }
            return new Result(c * loss, grad);
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    record Result(double loss, double[] grad) {

        double maxAbsGrad() {
            double m = 0;
            for (double v : grad) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }
    }

    /** Double kernels: 1e-9 relative; float kernels: loss 1e-5 relative, gradient 1e-4 of max |dZ|. */
    private static void assertClose(Result actual, Result expected, Precision precision, String what) {
        double scale = expected.maxAbsGrad();
        assertThat(actual.loss()).as("finite loss, %s", what).isFinite();
        if (precision == Precision.DOUBLE) {
            assertThat(Math.abs(actual.loss() - expected.loss()))
                    .as("loss, %s", what)
                    .isLessThanOrEqualTo(1e-9 * Math.abs(expected.loss()));
        } else {
            assertThat(Math.abs(actual.loss() - expected.loss()))
                    .as("loss, %s", what)
                    .isLessThanOrEqualTo(1e-5 * Math.abs(expected.loss()));
        }
        for (int k = 0; k < expected.grad().length; k++) {
            double e = expected.grad()[k];
            double tolerance =
                    precision == Precision.DOUBLE ? 1e-9 * Math.max(Math.abs(e), 1e-3 * scale) : 1e-4 * scale;
            assertThat(Math.abs(actual.grad()[k] - e))
                    .as("dZ entry %d (%s): %s vs %s", k, what, actual.grad()[k], e)
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    static Stream<Arguments> kernelsAndShapes() {
        // n, f, edges: odd n and f (not multiples of 4, 8 or 16), the one- and two-node graphs, and
        // enough nodes for several triangle chunks, column blocks and edge tiles.
        int[][] shapes = {
            {1, 1, 0},
            {1, 16, 0},
            {2, 3, 1},
            {2, 16, 1},
            {3, 5, 2},
            {17, 7, 30},
            {33, 16, 60},
            {61, 17, 150},
            {150, 16, 600},
            {129, 33, 400},
            {300, 3, 900},
            {600, 16, 2400}
        };
        List<Arguments> out = new ArrayList<>();
        for (InnerProductBceKernel kernel : kernels()) {
            for (int[] s : shapes) {
                out.add(Arguments.of(kernel, s[0], s[1], s[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: n={1}, f={2}, {3} edges")
    @MethodSource("kernelsAndShapes")
    void matchesTheNaiveComputation(InnerProductBceKernel kernel, int n, int f, int edges) {
        Problem p = Problem.random(n, f, edges, 0.7, true, 100L * n + f);
        assertClose(p.run(kernel, ONE), p.naive(), kernel.precision(), kernel.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void matchesTheNaiveComputationWithoutSelfLoopsAndWithLargerEmbeddings(InnerProductBceKernel kernel) {
        Problem p = Problem.random(97, 16, 300, 2.0, false, 5);
        assertClose(p.run(kernel, ONE), p.naive(), kernel.precision(), kernel.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void finiteAndExactForHugeLogits(InnerProductBceKernel kernel) {
        // Entries up to ±15 in 16 dimensions: |x| up to ~2000 on and off the diagonal.
        Problem p = Problem.random(45, 16, 80, 15.0, true, 7);
        Result r = p.run(kernel, ONE);
        assertThat(r.loss()).isFinite();
        for (double g : r.grad()) {
            assertThat(g).isFinite();
        }
        assertClose(r, p.naive(), kernel.precision(), kernel.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aNaNInZMakesTheLossNaN(InnerProductBceKernel kernel) {
        // The vector kernels clamp e^−|x| with an integer min that maps NaN to a finite value; the
        // max(x, 0) term must still carry the NaN into the loss.
        for (int at : new int[] {0, 40 * 16 + 3, 99 * 16 + 15}) {
            Problem p = Problem.random(100, 16, 300, 0.7, true, 17);
            p.z()[at] = Double.NaN;
            assertThat(p.run(kernel, ONE).loss()).as("NaN at %d", at).isNaN();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void bitwiseIdenticalForAnyThreadCountAndCall(InnerProductBceKernel kernel) {
        // 1000 nodes: 15 triangle chunks, two column blocks, two correction chunks.
        Problem p = Problem.random(1000, 16, 4000, 0.7, true, 11);
        Result reference = p.run(kernel, ONE);
        for (Parallelism parallelism : List.of(ONE, TWO, FOUR)) {
            Result r = p.run(kernel, parallelism);
            assertThat(Double.doubleToRawLongBits(r.loss()))
                    .as("loss with %s", parallelism)
                    .isEqualTo(Double.doubleToRawLongBits(reference.loss()));
            assertThat(r.grad()).as("dZ with %s", parallelism).containsExactly(reference.grad());
        }
    }

    @Test
    void coraSizedVectorKernelsMatchTheScalarKernel() {
        assumeTrue(FusedKernels.vectorModulePresent(), "jdk.incubator.vector is not in the boot layer");
        Problem p = Problem.random(2708, 16, 5000, 0.5, true, 13);
        Result scalar = p.run(InnerProductBceKernels.scalar(), TWO);
        Result vectorDouble =
                p.run(InnerProductBceKernels.vector(Precision.DOUBLE).orElseThrow(), TWO);
        Result vectorFloat =
                p.run(InnerProductBceKernels.vector(Precision.FLOAT).orElseThrow(), TWO);
        assertClose(vectorDouble, scalar, Precision.DOUBLE, "vector-double vs scalar, Cora-sized");
        assertClose(vectorFloat, scalar, Precision.FLOAT, "vector-float vs scalar, Cora-sized");
    }

    @Test
    void selectsTheVectorKernelsWhenTheModuleIsPresent() {
        assumeTrue(FusedKernels.vectorModulePresent(), "jdk.incubator.vector is not in the boot layer");
        assumeFalse("scalar"
                .equalsIgnoreCase(
                        System.getProperty(VectorSupport.PROPERTY, "auto").trim()));
        assertThat(InnerProductBceKernels.best(Precision.FLOAT).name()).isEqualTo("vector-float");
        assertThat(InnerProductBceKernels.best(Precision.DOUBLE).name()).isEqualTo("vector-double");
        assertThat(InnerProductBceKernels.forNodes(2708, Precision.FLOAT).precision())
                .isEqualTo(Precision.FLOAT);
        assertThat(InnerProductBceKernels.vector(Precision.FLOAT).orElseThrow().precision())
                .isEqualTo(Precision.FLOAT);
        assertThat(InnerProductBceKernels.vector(Precision.DOUBLE).orElseThrow().precision())
                .isEqualTo(Precision.DOUBLE);
    }

    @Test
    void fallsBackToTheScalarKernelWithoutTheModule() {
        assumeFalse(FusedKernels.vectorModulePresent(), "jdk.incubator.vector is in the boot layer");
        assertThat(InnerProductBceKernels.vector(Precision.FLOAT)).isEmpty();
        assertThat(InnerProductBceKernels.best(Precision.FLOAT)).isSameAs(InnerProductBceKernels.scalar());
    }

    @Test
    void smallGraphsAndTheScalarKernelAreDouble() {
        assertThat(InnerProductBceKernels.scalar().precision()).isEqualTo(Precision.DOUBLE);
        assertThat(InnerProductBceKernels.scalar().name()).isEqualTo("scalar-double");
        assertThat(InnerProductBceKernels.forNodes(FusedKernels.SMALL_GRAPH_NODES - 1, Precision.FLOAT))
                .isSameAs(InnerProductBceKernels.scalar());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void rejectsBadArguments(InnerProductBceKernel kernel) {
        Problem p = Problem.random(5, 2, 4, 1, true, 1);
        double[] grad = new double[10];
        assertThatThrownBy(() -> kernel.lossAndGradient(p.z(), 5, 3, p.target(), 1, 1, grad, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 × 3");
        assertThatThrownBy(() -> kernel.lossAndGradient(p.z(), 5, 2, p.target(), 0, 1, grad, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive and finite");
        SparseMatrix unflagged = SparseMatrix.ofCoo(5, 5, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 1});
        assertThatThrownBy(() -> kernel.lossAndGradient(p.z(), 5, 2, unflagged, 1, 1, grad, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
        assertThatThrownBy(() -> kernel.lossAndGradient(new double[12], 6, 2, p.target(), 1, 1, new double[12], ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(5, 5)");
    }

    @Test
    void triangleBoundsCoverAllRowsAlignedWithSimilarPairCounts() {
        for (int align : new int[] {1, 4}) {
            for (int n : new int[] {0, 1, 3, 63, 64, 200, 1000, 2708, 5001}) {
                int[] b = KernelSupport.triangleBounds(n, align);
                assertThat(b[0]).isZero();
                assertThat(b[b.length - 1]).isEqualTo(n);
                assertThat(b.length - 1).isBetween(1, KernelSupport.MAX_CHUNKS);
                for (int c = 0; c + 1 < b.length; c++) {
                    assertThat(b[c + 1]).isGreaterThanOrEqualTo(b[c]);
                    if (c + 1 < b.length - 1) {
                        assertThat(b[c + 1] % align)
                                .as("bound %d of n=%d", c + 1, n)
                                .isZero();
                    }
                }
            }
            int n = 5001;
            int[] b = KernelSupport.triangleBounds(n, align);
            double perChunk = (double) n * (n + 1) / 2 / (b.length - 1);
            for (int c = 0; c + 1 < b.length; c++) {
                double pairs = 0;
                for (int i = b[c]; i < b[c + 1]; i++) {
                    pairs += n - i;
                }
                assertThat(Math.abs(pairs - perChunk))
                        .as(String.format(Locale.ROOT, "chunk %d, align %d", c, align))
                        .isLessThanOrEqualTo(0.01 * perChunk + align * (double) n);
            }
        }
    }
}
