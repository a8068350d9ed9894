// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.TestGraphs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class NormalizedAdjacencyTest {

    private static void assertDense(SparseMatrix actual, double[][] expected) {
        Matrix d = actual.toDense();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(d.get(i, j)).as("(%d, %d)", i, j).isCloseTo(expected[i][j], within(1e-15));
            }
        }
    }

    @Test
    void triangleEveryEntryIsOneThird() {
        SparseMatrix a = NormalizedAdjacency.of(TestGraphs.triangle().adjacency());
        double t = 1.0 / 3;
        assertDense(a, new double[][] {{t, t, t}, {t, t, t}, {t, t, t}});
        assertThat(a.isSymmetric()).isTrue();
    }

    @Test
    void pathOfThreeByHand() {
        // Degrees with self-loops: 2, 3, 2.
        SparseMatrix a = NormalizedAdjacency.of(TestGraphs.path(3).adjacency());
        double e = 1 / Math.sqrt(6);
        assertDense(a, new double[][] {{0.5, e, 0}, {e, 1.0 / 3, e}, {0, e, 0.5}});
        assertThat(a.nnz()).isEqualTo(7);
    }

    @Test
    void isolatedNodeKeepsItsSelfLoop() {
        // Star: centre degree 4 + 1, leaves 1 + 1, isolated node 0 + 1.
        SparseMatrix a =
                NormalizedAdjacency.of(TestGraphs.starWithIsolatedNode(4).adjacency());
        assertThat(a.get(0, 0)).isCloseTo(0.2, within(1e-15));
        assertThat(a.get(0, 3)).isCloseTo(1 / Math.sqrt(10), within(1e-15));
        assertThat(a.get(2, 2)).isCloseTo(0.5, within(1e-15));
        assertThat(a.get(5, 5)).isEqualTo(1.0);
        assertThat(a.rowNnz(5)).isEqualTo(1);
        assertThat(a.contains(1, 2)).isFalse();
    }

    @Test
    void withSelfLoopsAddsTheIdentity() {
        SparseMatrix adj = TestGraphs.path(4).adjacency();
        SparseMatrix loops = NormalizedAdjacency.withSelfLoops(adj);
        assertThat(loops.nnz()).isEqualTo(adj.nnz() + 4);
        assertThat(loops.isSymmetric()).isTrue();
        Matrix expected = adj.toDense().plus(SparseMatrix.identity(4).toDense());
        assertThat(loops.toDense()).isEqualTo(expected);
    }

    @Test
    void matchesDenseFormulaOnRandomGraph() {
        SparseMatrix adj = TestGraphs.randomGraph(40, 90, 3).adjacency();
        assertSymmetricNormalisation(adj, NormalizedAdjacency.of(adj));
    }

    /**
     * A symmetric weighted A (both triangles stored with the same value) on {@code n} nodes, {@code edges} pairs of
     * a random graph with weights in (0.1, 3.1): the entries (i, j) and (j, i) of D̃^{-1/2} (A + I) D̃^{-1/2} are
     * products of the same three numbers, which rounding must not make differ.
     */
    private static SparseMatrix weightedSymmetric(int n, int edges, long seed) {
        // The pairs of a random 0/1 graph, each weighted (both ways alike).
        SparseMatrix pattern = TestGraphs.randomGraph(n, edges, seed).adjacency();
        double[] weights = new double[pattern.nnz()];
        int[] rows = new int[pattern.nnz()];
        int[] cols = new int[pattern.nnz()];
        for (int i = 0, k = 0; i < n; i++) {
            for (int p = pattern.rowStart(i); p < pattern.rowEnd(i); p++, k++) {
                rows[k] = i;
                cols[k] = pattern.colAt(p);
                // (i, j) and (j, i) draw from the same seeded stream, keyed by the unordered pair.
                weights[k] = 0.1 + 3 * new SplittableRandom(seed ^ pairKey(i, cols[k])).nextDouble();
            }
        }
        return SparseMatrix.ofCoo(n, n, rows, cols, weights);
    }

    private static long pairKey(int i, int j) {
        return (long) Math.min(i, j) << 32 | Math.max(i, j);
    }

    @Test
    void weightedSymmetricAdjacencyIsNormalisedAndFlaggedSymmetric() {
        // Used to fail in asSymmetric: l_i·w·l_j and l_j·w·l_i were rounded differently.
        SparseMatrix adj = weightedSymmetric(60, 400, 11);
        SparseMatrix a = NormalizedAdjacency.symmetric(adj);
        assertThat(a.isSymmetric()).isTrue();
        assertThat(NormalizedAdjacency.of(adj).toDense()).isEqualTo(a.toDense());
        assertSymmetricNormalisation(adj, a);
    }

    @Test
    void normalisingItsOwnWeightedOutputAgainWorks() {
        // Â has a stored diagonal and weighted entries; symmetric(Â) sums Â's diagonal with I's.
        SparseMatrix hat = NormalizedAdjacency.symmetric(weightedSymmetric(30, 120, 5));
        SparseMatrix twice = NormalizedAdjacency.symmetric(hat);
        assertThat(twice.isSymmetric()).isTrue();
        assertSymmetricNormalisation(hat, twice);
    }

    /** Every entry of {@code hat} is (A + I)_ij / sqrt(d̃_i d̃_j), d̃ the row sums of A + I, within 1e-15. */
    private static void assertSymmetricNormalisation(SparseMatrix adjacency, SparseMatrix hat) {
        Matrix dense = adjacency.toDense();
        double[] deg = adjacency.rowSums();
        for (int i = 0; i < dense.rows(); i++) {
            for (int j = 0; j < dense.cols(); j++) {
                double aij = dense.get(i, j) + (i == j ? 1 : 0);
                assertThat(hat.get(i, j))
                        .as("(%d, %d)", i, j)
                        .isCloseTo(aij / Math.sqrt((deg[i] + 1) * (deg[j] + 1)), within(1e-15));
            }
        }
    }
}
