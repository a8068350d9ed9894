// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GraphTest {

    @Test
    void symmetrisesEdges() {
        Graph g = Graph.builder(4).edges(new int[] {0, 2}, new int[] {1, 1}).build();
        assertThat(g.edgeCount()).isEqualTo(2);
        assertThat(g.adjacency().isSymmetric()).isTrue();
        assertThat(g.adjacency().toDense()).isEqualTo(Matrix.of(new double[][] {
            {0, 1, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}
        }));
    }

    @Test
    void mergesDuplicateEdgesToWeightOne() {
        Graph g = Graph.builder(3)
                .edges(new int[] {0, 1, 0, 2}, new int[] {1, 0, 1, 1})
                .build();
        assertThat(g.edgeCount()).isEqualTo(2);
        assertThat(g.adjacency().get(0, 1)).isEqualTo(1.0);
        assertThat(g.adjacency().get(1, 0)).isEqualTo(1.0);
        assertThat(g.adjacency().nnz()).isEqualTo(4);
    }

    @Test
    void upperTriangleEdgesListsEachEdgeOnceInRowOrder() {
        EdgeList e = TestGraphs.triangle().upperTriangleEdges();
        assertThat(e.srcArray()).containsExactly(0, 0, 1);
        assertThat(e.dstArray()).containsExactly(1, 2, 2);
    }

    @Test
    void rejectsSelfLoops() {
        assertThatThrownBy(() -> Graph.builder(3)
                        .name("g")
                        .edges(new int[] {0, 2}, new int[] {1, 2})
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Graph 'g'")
                .hasMessageContaining("edge 1 is a self-loop on node 2");
    }

    @Test
    void rejectsOutOfRangeNodeIds() {
        assertThatThrownBy(() -> Graph.builder(3)
                        .name("g")
                        .edges(new int[] {0, 1}, new int[] {1, 3})
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edge 1 (1, 3) has a node id outside [0, 3)");
        assertThatThrownBy(() ->
                        Graph.builder(3).edges(new int[] {-1}, new int[] {1}).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(-1, 1)");
        assertThatThrownBy(() -> Graph.builder(3).edges(new int[] {0, 1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 sources, 1 targets");
        assertThatThrownBy(() -> Graph.builder(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Negative node count -1");
    }

    @Test
    void rejectsNonFiniteFeatures() {
        Matrix x = Matrix.zeros(3, 4);
        x.set(1, 2, Double.NaN);
        assertThatThrownBy(() -> Features.dense(x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Feature value at node 1, column 2 is NaN");
        Matrix y = Matrix.zeros(3, 4);
        y.set(2, 0, Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Features.dense(y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 2, column 0 is -Infinity");
        var sparse = io.github.gae4j.core.tensor.SparseMatrix.ofCoo(
                3, 4, new int[] {0, 2}, new int[] {1, 3}, new double[] {1, Double.NaN});
        assertThatThrownBy(() -> Features.sparse(sparse))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Feature value at node 2, column 3 is NaN");
    }

    @Test
    void rejectsFeatureRowCountMismatch() {
        assertThatThrownBy(() -> Graph.builder(3)
                        .name("g")
                        .features(Features.dense(Matrix.zeros(2, 4)))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Graph 'g': features have 2 rows for 3 nodes");
    }

    @Test
    void rejectsWrongLabels() {
        assertThatThrownBy(() -> Graph.builder(3)
                        .name("g")
                        .labels(new int[] {0, 1}, List.of("a", "b"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Graph 'g': 2 labels for 3 nodes");
        assertThatThrownBy(() -> Graph.builder(3)
                        .name("g")
                        .labels(new int[] {0, 2, 1}, List.of("a", "b"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node 1 has label 2 but there are 2 classes");
        Graph ok = Graph.builder(3)
                .labels(new int[] {0, Graph.NO_LABEL, 1}, List.of("a", "b"))
                .build();
        assertThat(ok.labels()).containsExactly(0, -1, 1);
    }

    @Test
    void rejectsWrongNodeIdCount() {
        assertThatThrownBy(() ->
                        Graph.builder(3).name("g").nodeIds(List.of("x", "y")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 node ids for 3 nodes");
    }

    @Test
    void defaultsAndAccessors() {
        Graph g = TestGraphs.path(4);
        assertThat(g.nodeCount()).isEqualTo(4);
        assertThat(g.edgeCount()).isEqualTo(3);
        assertThat(g.nodeIds()).containsExactly("0", "1", "2", "3");
        assertThat(g.features()).isEmpty();
        assertThat(g.featuresOrIdentity().dim()).isEqualTo(4);
        assertThat(g.featuresOrIdentity().toDense())
                .isEqualTo(io.github.gae4j.core.tensor.SparseMatrix.identity(4).toDense());
        assertThat(g.hasLabels()).isFalse();
        assertThatThrownBy(g::labels).isInstanceOf(IllegalStateException.class).hasMessageContaining("has no labels");
        assertThat(g.toString()).contains("4 nodes", "3 edges", "no features");
    }

    @Test
    void withEdgesKeepsNodesFeaturesAndLabels() {
        Graph g = TestGraphs.twoCommunities(5, 3, 1);
        Graph h = g.withEdges(new EdgeList(new int[] {0, 9}, new int[] {9, 8}));
        assertThat(h.edgeCount()).isEqualTo(2);
        assertThat(h.adjacency().contains(9, 0)).isTrue();
        assertThat(h.nodeCount()).isEqualTo(10);
        assertThat(h.features()).containsSame(g.features().orElseThrow());
        assertThat(h.labels()).containsExactly(g.labels());
        assertThat(h.name()).isEqualTo(g.name());
        Graph bare = g.withoutFeatures();
        assertThat(bare.features()).isEmpty();
        assertThat(bare.adjacency()).isSameAs(g.adjacency());
        assertThat(bare.labels()).containsExactly(g.labels());
    }

    @Test
    void labelsAreCopiedDefensively() {
        int[] labels = {0, 1, 0};
        Graph g = Graph.builder(3).labels(labels, List.of("a", "b")).build();
        labels[0] = 1;
        g.labels()[1] = 0;
        assertThat(g.labels()).containsExactly(0, 1, 0);
    }
}
