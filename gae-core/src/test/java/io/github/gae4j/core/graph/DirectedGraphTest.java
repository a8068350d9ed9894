// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Directed graphs in the data model: adjacency, edges, normalisation, training target, pair sets. */
final class DirectedGraphTest {

    /** 0 → 1, 1 → 0 (reciprocal), 1 → 2, 3 → 2, a duplicate 1 → 2; node 4 isolated. */
    private static Graph small() {
        return Graph.builder(5)
                .name("small")
                .directed(true)
                .edges(new int[] {0, 1, 1, 3, 1}, new int[] {1, 0, 2, 2, 2})
                .build();
    }

    @Test
    void keepsTheDirectionAndMergesDuplicates() {
        Graph g = small();
        assertThat(g.isDirected()).isTrue();
        assertThat(g.edgeCount()).isEqualTo(4);
        SparseMatrix a = g.adjacency();
        assertThat(a.isSymmetric()).isFalse();
        assertThat(a.contains(1, 2)).isTrue();
        assertThat(a.contains(2, 1)).isFalse();
        assertThat(a.get(1, 2)).isEqualTo(1.0);
        assertThat(g.edges()).isEqualTo(new EdgeList(new int[] {0, 1, 1, 3}, new int[] {1, 0, 2, 2}));
        assertThat(g.toString()).contains("4 directed edges");
    }

    @Test
    void undirectedViewMergesBothDirections() {
        Graph g = small();
        Graph u = g.asUndirected();
        assertThat(u.isDirected()).isFalse();
        assertThat(u.edgeCount()).isEqualTo(3);
        assertThat(u.adjacency().isSymmetric()).isTrue();
        assertThat(g.upperTriangleEdges()).isEqualTo(u.upperTriangleEdges());
        assertThat(u.asUndirected()).isSameAs(u);
    }

    @Test
    void undirectedGraphsAreUnchanged() {
        Graph g = TestGraphs.randomGraph(30, 60, 1);
        assertThat(g.isDirected()).isFalse();
        assertThat(g.edges()).isEqualTo(g.upperTriangleEdges());
        Graph same =
                Graph.builder(30).directed(false).edges(g.upperTriangleEdges()).build();
        assertThat(same.adjacency().isSymmetric()).isTrue();
        assertThat(same.upperTriangleEdges()).isEqualTo(g.upperTriangleEdges());
        assertThat(g.toString()).doesNotContain("directed");
    }

    @Test
    void derivedGraphsStayDirected() {
        Graph g = small();
        Graph fewer = g.withEdges(new EdgeList(new int[] {3}, new int[] {2}));
        assertThat(fewer.isDirected()).isTrue();
        assertThat(fewer.adjacency().contains(3, 2)).isTrue();
        assertThat(fewer.adjacency().contains(2, 3)).isFalse();
        assertThat(g.withoutFeatures().isDirected()).isTrue();
        assertThat(g.withoutFeatures().adjacency()).isSameAs(g.adjacency());
    }

    @Test
    void rejectsSelfLoopsAndOutOfRangeIds() {
        assertThatThrownBy(() -> Graph.builder(3)
                        .directed(true)
                        .edges(new int[] {1}, new int[] {1})
                        .build())
                .hasMessageContaining("self-loop on node 1");
        assertThatThrownBy(() -> Graph.builder(3)
                        .directed(true)
                        .edges(new int[] {0}, new int[] {3})
                        .build())
                .hasMessageContaining("outside [0, 3)");
    }

    @Test
    void directedGraphsGetTheOutDegreeNormalisation() {
        Graph g = small();
        SparseMatrix a = NormalizedAdjacency.of(g.adjacency());
        assertThat(a.isSymmetric()).isFalse();
        // Row 1: itself, 0 and 2 → 1/3 each; row 2 has only its self-loop; row 3: itself and 2.
        assertThat(a.get(1, 0)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(a.get(1, 1)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(a.get(1, 2)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(a.get(2, 2)).isEqualTo(1.0);
        assertThat(a.get(2, 1)).isEqualTo(0.0);
        assertThat(a.get(3, 2)).isEqualTo(0.5);
        for (double sum : a.rowSums()) {
            assertThat(sum).isCloseTo(1.0, within(1e-15));
        }
        assertThat(NormalizedAdjacency.of(g).toDense()).isEqualTo(a.toDense());
        assertThat(GraphInput.of(g).normalizedAdjacency().toDense()).isEqualTo(a.toDense());
    }

    @Test
    void undirectedGraphsKeepTheSymmetricNormalisation() {
        Graph g = TestGraphs.path(4);
        assertThat(NormalizedAdjacency.of(g).toDense())
                .isEqualTo(NormalizedAdjacency.of(g.adjacency()).toDense());
        assertThat(NormalizedAdjacency.of(g).toDense())
                .isEqualTo(NormalizedAdjacency.symmetric(g.adjacency()).toDense());
        // An unflagged matrix that is symmetric still gets the symmetric normalisation, as before.
        SparseMatrix a = g.adjacency();
        SparseMatrix unflagged = SparseMatrix.ofCoo(
                4, 4, new int[] {0, 1, 1, 2, 2, 3}, new int[] {1, 0, 2, 1, 3, 2}, new double[] {1, 1, 1, 1, 1, 1});
        assertThat(NormalizedAdjacency.of(unflagged).toDense())
                .isEqualTo(NormalizedAdjacency.of(a).toDense());
    }

    @Test
    void trainingTargetIsTheDirectedAdjacencyPlusIdentity() {
        Graph g = small();
        TrainingGraph t = new TrainingGraph(g);
        SparseMatrix target = t.reconstructionTarget();
        assertThat(target.isSymmetric()).isFalse();
        assertThat(target.nnz()).isEqualTo(4 + 5);
        assertThat(target.contains(1, 2)).isTrue();
        assertThat(target.contains(2, 1)).isFalse();
        assertThat(target.contains(4, 4)).isTrue();
        assertThat(t.positives()).isEqualTo(g.edges());
        // The sampler excludes i → j training edges only.
        EdgeList negatives = t.negativeSampler().sample(2000, new java.util.SplittableRandom(3));
        boolean sawReverse = false;
        for (int k = 0; k < negatives.size(); k++) {
            assertThat(g.adjacency().contains(negatives.src(k), negatives.dst(k)))
                    .isFalse();
            sawReverse |= negatives.src(k) == 2 && negatives.dst(k) == 1;
        }
        assertThat(sawReverse)
                .as("2 → 1 is not an edge, so it is a possible negative")
                .isTrue();
    }

    @Test
    void orderedPairSetsTellTheDirectionsApart() {
        PairSet ordered = PairSet.ordered(4);
        assertThat(ordered.isOrdered()).isTrue();
        assertThat(ordered.add(1, 2)).isTrue();
        assertThat(ordered.add(2, 1)).isTrue();
        assertThat(ordered.add(1, 2)).isFalse();
        assertThat(ordered.contains(2, 1)).isTrue();
        assertThat(ordered.contains(1, 3)).isFalse();
        for (int i = 0; i < 100; i++) {
            ordered.add(i, 99 - i);
        }
        assertThat(ordered.size()).isEqualTo(102);
        PairSet unordered = new PairSet(4);
        assertThat(unordered.isOrdered()).isFalse();
        assertThat(unordered.add(1, 2)).isTrue();
        assertThat(unordered.add(2, 1)).isFalse();
        assertThat(List.of(unordered.size())).containsExactly(1);
    }
}
