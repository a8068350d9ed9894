// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import org.junit.jupiter.api.Test;

/** Runs the README's sbm snippet: the sizes it asks for, and about the expected number of edges. */
final class SbmExampleTest {

    @Test
    void generatesTheGraphTheReadmeDescribes() {
        Graph g = SbmExample.fourCommunities();
        assertThat(g.nodeCount()).isEqualTo(2000);
        assertThat(g.classNames()).hasSize(4);
        assertThat(g.features()).get().extracting(f -> f.dim()).isEqualTo(32);
        // 4 blocks of 500: 4 · C(500, 2) · 0.02 + 6 · 500² · 0.001 ≈ 9980 + 1500 edges
        assertThat(g.edgeCount()).isBetween(10_800, 12_200);
    }
}
