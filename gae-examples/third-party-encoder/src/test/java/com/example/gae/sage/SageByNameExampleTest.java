// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.datasets.synthetic.StochasticBlockModel;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** Runs the READMEs' sage-mean snippet with the plugin on the class path: the GAE it assembles learns. */
final class SageByNameExampleTest {

    @Test
    void theEncoderChosenByNameTrains() {
        Graph graph = StochasticBlockModel.builder()
                .nodes(300)
                .communities(6)
                .seed(42)
                .build()
                .generate();
        GraphAutoencoder model = SageByNameExample.sageGae(graph);
        assertThat(model.encoder()).isInstanceOf(SageMeanEncoder.class);
        try (Parallelism threads = Parallelism.of(2)) {
            TrainingResult result = new Trainer(
                            TrainerConfig.builder().epochs(50).seed(42).build(), threads)
                    .fit(model, LinkSplit.of(graph, 42L));
            assertThat(result.test().auc()).as("test AUC").isGreaterThan(0.8);
        }
    }
}
