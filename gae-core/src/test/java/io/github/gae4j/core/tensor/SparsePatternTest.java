// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.parallel.Parallelism;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A pattern matrix (no values stored) behaves as the same matrix with every value 1. */
final class SparsePatternTest {

    private static Graph randomGraph(int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] s = new int[m];
        int[] d = new int[m];
        for (int k = 0; k < m; k++) {
            s[k] = random.nextInt(n);
            d[k] = (s[k] + 1 + random.nextInt(n - 1)) % n;
        }
        return Graph.builder(n).edges(s, d).build();
    }

    @Test
    void graphsStoreTheirAdjacencyAsAPatternThatMultipliesAsOnes() {
        Graph g = randomGraph(300, 2000, 1);
        SparseMatrix a = g.adjacency();
        assertThat(a.isPattern()).isTrue();
        assertThat(a.isSymmetric()).isTrue();
        double[] ones = new double[a.nnz()];
        java.util.Arrays.fill(ones, 1.0);
        int[] ptr = new int[a.rows() + 1];
        int[] idx = new int[a.nnz()];
        for (int i = 0; i < a.rows(); i++) {
            ptr[i + 1] = a.rowEnd(i);
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                idx[p] = a.colAt(p);
                assertThat(a.valueAt(p)).isEqualTo(1.0);
            }
        }
        SparseMatrix valued =
                SparseMatrix.ofCsr(a.rows(), a.cols(), ptr, idx, ones).asSymmetric();
        Matrix h = Matrix.zeros(300, 5);
        SplittableRandom random = new SplittableRandom(2);
        for (int k = 0; k < h.data().length; k++) {
            h.data()[k] = random.nextDouble();
        }
        try (Parallelism p = Parallelism.of(2)) {
            assertThat(a.multiply(h, p).toRowMajor())
                    .containsExactly(valued.multiply(h, p).toRowMajor());
        }
        assertThat(a.rowSums()).containsExactly(valued.rowSums());
        SparseMatrix slice = a.rowSlice(10, 20);
        assertThat(slice.isPattern()).isTrue();
        assertThat(slice.toDense().toRowMajor())
                .containsExactly(valued.rowSlice(10, 20).toDense().toRowMajor());
        assertThat(a.toDense().toRowMajor()).containsExactly(valued.toDense().toRowMajor());
        SparseMatrix t = SparseMatrix.ofPattern(3, 2, new int[] {0, 1, 1, 2}, new int[] {1, 0})
                .transpose();
        assertThat(t.isPattern()).isTrue();
        assertThat(t.get(1, 0)).isEqualTo(1.0);
    }

    @Test
    void normalisedAdjacencyOfAPatternEqualsTheCoordinateBuild() {
        Graph g = randomGraph(200, 900, 3);
        SparseMatrix hat = NormalizedAdjacency.of(g.adjacency());
        SparseMatrix loops = NormalizedAdjacency.withSelfLoops(g.adjacency());
        assertThat(loops.isPattern()).isTrue();
        assertThat(loops.isSymmetric()).isTrue();
        double[] deg = loops.rowSums();
        for (int i = 0; i < 200; i++) {
            assertThat(loops.contains(i, i)).isTrue();
            for (int p = hat.rowStart(i); p < hat.rowEnd(i); p++) {
                int j = hat.colAt(p);
                assertThat(hat.valueAt(p)).isEqualTo(1.0 / Math.sqrt(deg[i]) * 1.0 * (1.0 / Math.sqrt(deg[j])));
            }
        }
    }

    @Test
    void symmetryIsCheckedWithoutATranspose() {
        SparseMatrix upper = SparseMatrix.ofPattern(3, 3, new int[] {0, 1, 1, 1}, new int[] {1});
        assertThatThrownBy(upper::asSymmetric).hasMessageContaining("not symmetric");
        SparseMatrix both = SparseMatrix.ofPattern(3, 3, new int[] {0, 1, 2, 2}, new int[] {1, 0});
        assertThat(both.asSymmetric().isSymmetric()).isTrue();
        SparseMatrix values = SparseMatrix.ofCsr(2, 2, new int[] {0, 1, 2}, new int[] {1, 0}, new double[] {1, 2});
        assertThatThrownBy(values::asSymmetric).hasMessageContaining("not symmetric");
    }
}
