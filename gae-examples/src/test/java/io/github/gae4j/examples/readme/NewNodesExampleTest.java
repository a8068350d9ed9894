// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.synthetic.StochasticBlockModel;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's new-nodes snippet: a model trained without a node recommends links for it. */
final class NewNodesExampleTest {

    @TempDir
    Path dir;

    @Test
    void aNewNodeGetsTenLinks() {
        Graph current = StochasticBlockModel.builder()
                .nodes(200)
                .communities(4)
                .seed(3)
                .build()
                .generate();
        // Trained before the last node arrived.
        Graph before = io.github.gae4j.examples.newnodes.NewNodesExperiment.induced(
                current, java.util.stream.IntStream.range(0, 199).toArray());
        TrainedModel trained = Gae.train(
                before,
                ModelSpec.gae(),
                TrainerConfig.builder().epochs(30).seed(1).build());
        Path file = dir.resolve("gae.gae4j");
        trained.save(file);
        List<Link> links = NewNodesExample.linksOfANewNode(file, before, current, "199");
        assertThat(links).hasSize(10).allSatisfy(l -> assertThat(l.source()).isEqualTo("199"));
    }
}
