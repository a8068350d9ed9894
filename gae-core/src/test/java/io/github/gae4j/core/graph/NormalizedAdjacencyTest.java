// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.TestGraphs;
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
        SparseMatrix a = NormalizedAdjacency.of(adj);
        Matrix dense = adj.toDense();
        double[] deg = new double[40];
        for (int i = 0; i < 40; i++) {
            deg[i] = 1;
            for (int j = 0; j < 40; j++) {
                deg[i] += dense.get(i, j);
            }
        }
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                double aij = dense.get(i, j) + (i == j ? 1 : 0);
                assertThat(a.get(i, j)).isCloseTo(aij / Math.sqrt(deg[i] * deg[j]), within(1e-15));
            }
        }
    }
}
