// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AttentionPatternTest {

    private static List<List<Integer>> rows(AttentionPattern p) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < p.nodes(); i++) {
            List<Integer> row = new ArrayList<>();
            for (int q = p.rowStart(i); q < p.rowEnd(i); q++) {
                row.add(p.colAt(q));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void cacheRebuildsOnlyForANewMatrix() {
        SparseMatrix a = TestGraphs.starWithIsolatedNode(3).adjacency();
        SparseMatrix b = TestGraphs.starWithIsolatedNode(4).adjacency();
        AttentionPattern.Cache cache = new AttentionPattern.Cache();
        AttentionPattern first = cache.withSelfLoops(a);
        assertThat(cache.withSelfLoops(a)).isSameAs(first);
        AttentionPattern other = cache.withSelfLoops(b);
        assertThat(other).isNotSameAs(first);
        assertThat(other.source()).isSameAs(b);
        assertThat(other.nodes()).isEqualTo(b.rows());
    }

    @Test
    void addsMissingSelfLoopsInColumnOrder() {
        // Star 0-1, 0-2, 0-3 plus isolated node 4.
        AttentionPattern p = AttentionPattern.withSelfLoops(
                TestGraphs.starWithIsolatedNode(3).adjacency());
        assertThat(rows(p))
                .containsExactly(List.of(0, 1, 2, 3), List.of(0, 1), List.of(0, 2), List.of(0, 3), List.of(4));
        assertThat(p.nodes()).isEqualTo(5);
        assertThat(p.edges()).isEqualTo(6 + 5);
    }

    @Test
    void keepsExistingSelfLoops() {
        Graph g = TestGraphs.starWithIsolatedNode(3);
        SparseMatrix normalized = NormalizedAdjacency.of(g.adjacency());
        assertThat(rows(AttentionPattern.withSelfLoops(normalized)))
                .isEqualTo(rows(AttentionPattern.withSelfLoops(g.adjacency())));
        SparseMatrix someLoops =
                SparseMatrix.ofCoo(3, 3, new int[] {0, 0, 1, 2}, new int[] {0, 2, 2, 1}, new double[] {1, 1, 1, 1});
        assertThat(rows(AttentionPattern.withSelfLoops(someLoops)))
                .containsExactly(List.of(0, 2), List.of(1, 2), List.of(1, 2));
    }

    @Test
    void columnOrderListsEveryEdgeOnceByIncreasingRow() {
        AttentionPattern p =
                AttentionPattern.withSelfLoops(TestGraphs.randomGraph(30, 60, 3).adjacency());
        boolean[] seen = new boolean[p.edges()];
        for (int j = 0; j < p.nodes(); j++) {
            int lastRow = -1;
            for (int q = p.colStart(j); q < p.colEnd(j); q++) {
                int e = p.colEdge(q);
                assertThat(p.colAt(e)).isEqualTo(j);
                assertThat(p.colRow(q)).isGreaterThan(lastRow);
                assertThat(e).isBetween(p.rowStart(p.colRow(q)), p.rowEnd(p.colRow(q)) - 1);
                lastRow = p.colRow(q);
                seen[e] = true;
            }
        }
        for (boolean s : seen) {
            assertThat(s).isTrue();
        }
    }

    @Test
    void rejectsNonSquareMatrices() {
        assertThatThrownBy(() ->
                        AttentionPattern.withSelfLoops(SparseMatrix.ofCoo(2, 3, new int[0], new int[0], new double[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)");
    }
}
