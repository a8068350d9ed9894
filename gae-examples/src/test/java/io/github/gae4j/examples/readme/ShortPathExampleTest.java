// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.synthetic.StochasticBlockModel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's short-path snippet on a generated graph: every node gets a 16-dimensional vector. */
final class ShortPathExampleTest {

    @TempDir
    Path dir;

    @Test
    void everyNodeGetsItsEmbeddingBackFromTheSavedFile() {
        Graph graph = StochasticBlockModel.builder()
                .nodes(200)
                .communities(4)
                .seed(3)
                .build()
                .generate();
        Map<String, double[]> z = ShortPathExample.trainSaveLoad(graph, dir.resolve("vgae.gae4j"));
        assertThat(z).hasSize(graph.nodeCount());
        assertThat(z.keySet()).containsExactlyElementsOf(graph.nodeIds()); // never null: the builder numbers them
        assertThat(z.values()).allSatisfy(v -> assertThat(v).hasSize(16));
    }
}
