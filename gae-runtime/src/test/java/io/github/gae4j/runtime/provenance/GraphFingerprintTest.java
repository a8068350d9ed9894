// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GraphFingerprintTest {

    @Test
    void theSameGraphGivesTheSameFingerprint() {
        Graph a = TestGraphs.twoCommunities(30, 6, 1);
        Graph b = TestGraphs.twoCommunities(30, 6, 1);
        assertThat(GraphFingerprint.of(a))
                .isEqualTo(GraphFingerprint.of(b))
                .startsWith("sha256:")
                .hasSize(7 + 64);
        assertThat(GraphFingerprint.of(a)).isEqualTo(GraphFingerprint.of(a));
        // The name, labels and node ids are not content.
        Graph renamed = Graph.builder(a.nodeCount())
                .name("other")
                .edges(a.edges())
                .features(a.features().orElseThrow())
                .build();
        assertThat(GraphFingerprint.of(renamed)).isEqualTo(GraphFingerprint.of(a));
    }

    /** A known value: if this changes, every recorded fingerprint changes, so the format needs a new version. */
    @Test
    void aTriangleHasAFixedFingerprint() {
        assertThat(GraphFingerprint.of(TestGraphs.triangle()))
                .isEqualTo(GraphFingerprint.of(Graph.builder(3)
                        .edges(new int[] {2, 1, 0}, new int[] {0, 2, 1})
                        .build()));
        assertThat(GraphFingerprint.of(TestGraphs.triangle())).isEqualTo("sha256:" + sha256Hex(triangleBytes()));
    }

    @Test
    void oneEdgeChangedGivesAnotherFingerprint() {
        Graph a = TestGraphs.randomGraph(50, 120, 3);
        EdgeList e = a.edges();
        int[] src = e.srcArray().clone();
        int[] dst = e.dstArray().clone();
        int moved = dst[0] == 49 ? 48 : 49;
        if (a.adjacency().contains(src[0], moved)) {
            moved = 0;
            while (moved == src[0] || a.adjacency().contains(src[0], moved)) {
                moved++;
            }
        }
        dst[0] = moved;
        Graph b = Graph.builder(50).edges(src, dst).build();
        assertThat(b.edgeCount()).isEqualTo(a.edgeCount());
        assertThat(GraphFingerprint.of(b)).isNotEqualTo(GraphFingerprint.of(a));
        Graph fewer = Graph.builder(50)
                .edges(
                        java.util.Arrays.copyOf(src, src.length - 1),
                        java.util.Arrays.copyOf(e.dstArray(), src.length - 1))
                .build();
        assertThat(GraphFingerprint.of(fewer)).isNotEqualTo(GraphFingerprint.of(a));
        assertThat(GraphFingerprint.of(Graph.builder(51).edges(e).build()))
                .as("one more node")
                .isNotEqualTo(GraphFingerprint.of(a));
    }

    @Test
    void featuresCountAndTheirStorageDoesNot() {
        Graph a = TestGraphs.twoCommunities(20, 4, 2);
        Matrix x = a.features().orElseThrow().toDense();
        Matrix changed = x.copy();
        changed.set(3, 2, changed.get(3, 2) + 1e-9);
        assertThat(GraphFingerprint.of(a.withFeatures(Features.dense(changed)))).isNotEqualTo(GraphFingerprint.of(a));
        assertThat(GraphFingerprint.of(a.withoutFeatures())).isNotEqualTo(GraphFingerprint.of(a));
        assertThat(GraphFingerprint.of(a.withFeatures(Features.identity(a.nodeCount()))))
                .as("X = I set explicitly is a featureless graph")
                .isEqualTo(GraphFingerprint.of(a.withoutFeatures()));

        // The same values stored sparse (an explicit zero too) or dense.
        Matrix sparseish = Matrix.zeros(3, 4);
        sparseish.set(0, 3, 2.5);
        sparseish.set(0, 1, -1);
        sparseish.set(2, 0, 7);
        Graph dense = Graph.builder(3)
                .edges(new int[] {0}, new int[] {1})
                .features(Features.dense(sparseish))
                .build();
        SparseMatrix csr =
                SparseMatrix.ofCsr(3, 4, new int[] {0, 2, 3, 4}, new int[] {1, 3, 2, 0}, new double[] {-1, 2.5, 0, 7});
        Graph sparse = dense.withFeatures(Features.sparse(csr));
        assertThat(GraphFingerprint.of(sparse)).isEqualTo(GraphFingerprint.of(dense));
    }

    @Test
    void directionCounts() {
        Graph undirected =
                Graph.builder(3).edges(new int[] {0, 1}, new int[] {1, 2}).build();
        Graph directed = Graph.builder(3)
                .directed(true)
                .edges(new int[] {0, 1}, new int[] {1, 2})
                .build();
        assertThat(GraphFingerprint.of(directed)).isNotEqualTo(GraphFingerprint.of(undirected));
        assertThat(List.of(GraphFingerprint.of(directed))).doesNotContainNull();
    }

    /** The documented byte stream of the featureless triangle 0-1, 0-2, 1-2. */
    private static byte[] triangleBytes() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(14 + 4 + 4 + 4 + 3 * 8 + 4);
        b.put("gae4j-graph-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt(0).putInt(3).putInt(3);
        b.putInt(0).putInt(1).putInt(0).putInt(2).putInt(1).putInt(2);
        b.putInt(0);
        return b.array();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
