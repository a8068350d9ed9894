// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.TestGraphs;
import org.junit.jupiter.api.Test;

final class TrainingGraphTest {

    @Test
    void targetIsAdjacencyPlusIdentity() {
        Graph g = TestGraphs.path(5);
        TrainingGraph t = new TrainingGraph(g);
        SparseMatrix target = t.reconstructionTarget();
        assertThat(target.isSymmetric()).isTrue();
        assertThat(target.nnz()).isEqualTo(2 * 4 + 5);
        for (int i = 0; i < 5; i++) {
            assertThat(target.get(i, i)).isEqualTo(1.0);
        }
        assertThat(t.positives()).isEqualTo(g.upperTriangleEdges());
        assertThat(t.nodeCount()).isEqualTo(5);
        assertThat(t.graph()).isSameAs(g);
    }

    @Test
    void negativeSamplerIsBuiltOnce() {
        TrainingGraph t = new TrainingGraph(TestGraphs.path(5));
        assertThat(t.negativeSampler()).isSameAs(t.negativeSampler());
    }
}
