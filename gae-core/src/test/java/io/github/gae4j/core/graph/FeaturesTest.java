// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import org.junit.jupiter.api.Test;

final class FeaturesTest {

    private static void assertClose(Matrix actual, Matrix expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        for (int k = 0; k < expected.data().length; k++) {
            assertThat(actual.data()[k]).isCloseTo(expected.data()[k], within(1e-12));
        }
    }

    @Test
    void everyKindHasItsShape() {
        SparseMatrix x = SparseMatrix.ofCoo(
                4, 3, new int[] {0, 1, 3, 3}, new int[] {2, 0, 0, 1}, new double[] {1.5, -2, 0.5, 1});
        assertThat(Features.sparse(x).dim()).isEqualTo(3);
        assertThat(Features.dense(x.toDense()).rows()).isEqualTo(4);
    }

    @Test
    void rowNormalizedDividesEveryRowByItsSumAndLeavesZeroRows() {
        // Row 2 is empty, row 0 sums to 0 (left as is), rows 1 and 3 sum to -2 and 1.5.
        SparseMatrix x = SparseMatrix.ofCoo(
                4, 3, new int[] {0, 0, 1, 3, 3}, new int[] {0, 2, 0, 0, 1}, new double[] {1, -1, -2, 0.5, 1});
        Matrix expected = Matrix.zeros(4, 3);
        expected.set(0, 0, 1);
        expected.set(0, 2, -1);
        expected.set(1, 0, 1);
        expected.set(3, 0, 1.0 / 3);
        expected.set(3, 1, 2.0 / 3);
        Features sparse = Features.sparse(x).rowNormalized();
        assertThat(sparse).isInstanceOf(Features.Sparse.class);
        assertClose(sparse.toDense(), expected);
        Features dense = Features.dense(x.toDense()).rowNormalized();
        assertThat(dense).isInstanceOf(Features.Dense.class);
        assertClose(dense.toDense(), expected);
        assertThat(x.toDense().get(3, 0)).as("input unchanged").isEqualTo(0.5);
        Features identity = Features.identity(3);
        assertThat(identity.rowNormalized()).isSameAs(identity);
    }

    @Test
    void graphWithFeaturesKeepsEdgesAndLabels() {
        Graph g = io.github.gae4j.testkit.TestGraphs.twoCommunities(4, 4, 2);
        Features normalized = g.featuresOrIdentity().rowNormalized();
        Graph h = g.withFeatures(normalized);
        assertThat(h.features()).containsSame(normalized);
        assertThat(h.adjacency()).isSameAs(g.adjacency());
        assertThat(h.nodeCount()).isEqualTo(g.nodeCount());
        assertThat(h.name()).isEqualTo(g.name());
        assertThatThrownBy(() -> g.withFeatures(Features.identity(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 rows");
    }
}
