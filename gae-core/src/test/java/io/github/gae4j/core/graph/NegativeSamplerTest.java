// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.testkit.TestGraphs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class NegativeSamplerTest {

    @Test
    void neverReturnsATrainingEdgeOrSelfLoop() {
        // Dense enough that a sampler ignoring the exclusions would hit edges often.
        Graph g = TestGraphs.randomGraph(30, 200, 1);
        EdgeList sample = new NegativeSampler(g).sample(5000, new SplittableRandom(2));
        assertThat(sample.size()).isEqualTo(5000);
        for (int k = 0; k < sample.size(); k++) {
            int i = sample.src(k);
            int j = sample.dst(k);
            assertThat(i).isNotEqualTo(j).isBetween(0, 29);
            assertThat(j).isBetween(0, 29);
            assertThat(g.adjacency().contains(i, j))
                    .as("(%d, %d) is an edge", i, j)
                    .isFalse();
        }
    }

    @Test
    void deterministicForASeed() {
        NegativeSampler sampler = new NegativeSampler(TestGraphs.randomGraph(50, 100, 3));
        EdgeList a = sampler.sample(100, new SplittableRandom(4));
        EdgeList b = sampler.sample(100, new SplittableRandom(4));
        EdgeList c = sampler.sample(100, new SplittableRandom(5));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void coversAllNonEdgesOfASmallGraph() {
        // Path 0-1-2-3: non-edges {0,2}, {0,3}, {1,3}.
        EdgeList sample = new NegativeSampler(TestGraphs.path(4)).sample(300, new SplittableRandom(6));
        PairSet seen = new PairSet(4);
        for (int k = 0; k < sample.size(); k++) {
            seen.add(sample.src(k), sample.dst(k));
        }
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.contains(0, 2)).isTrue();
        assertThat(seen.contains(0, 3)).isTrue();
        assertThat(seen.contains(1, 3)).isTrue();
    }

    @Test
    void completeGraphFailsInsteadOfLooping() {
        Graph complete = io.github.gae4j.core.graph.Graph.builder(4)
                .edges(new int[] {0, 0, 0, 1, 1, 2}, new int[] {1, 2, 3, 2, 3, 3})
                .build();
        NegativeSampler sampler = new NegativeSampler(complete);
        assertThatThrownBy(() -> sampler.sample(1, new SplittableRandom(7)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nearly complete");
    }

    @Test
    void needsTwoNodes() {
        assertThatThrownBy(() -> new NegativeSampler(Graph.builder(1).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 nodes, got 1");
    }
}
