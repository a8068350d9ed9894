// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.ReceptiveField;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.testkit.MiniBatchExactness;
import io.github.gae4j.testkit.TestGraphs;
import org.junit.jupiter.api.Test;

/**
 * The third-party encoder trains in mini-batch mode with no change: its reach is measured (2 hops), and with
 * fan-out −1 and one batch of every training edge the mini-batch objective is the full-batch one within 1e-6.
 */
final class SageMeanMiniBatchTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover(SageMeanMiniBatchTest.class.getClassLoader());
    private static final ModelSpec SAGE = ModelSpec.gae()
            .withNegativeSampling()
            .withEncoder(new ComponentSpec("sage-mean", ComponentConfig.of("hidden", 16, "latent", 8)));

    private static GraphAutoencoder model(Graph graph) {
        return new ModelAssembler(PLUGINS)
                .assemble(SAGE, new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), 7));
    }

    @Test
    void oneExactBatchIsTheFullBatchObjective() {
        Graph train = LinkSplit.of(TestGraphs.twoCommunities(30, 6, 5), 3).trainGraph();
        GraphAutoencoder model = model(train);
        assertThat(ReceptiveField.measure(model.encoder(), train.featuresOrIdentity()))
                .hasValue(2);
        MiniBatchExactness.assertOneBatchIsTheFullBatchObjective("sage-mean", model, train, 2, 1e-6);
    }

    @Test
    void itTrainsInSampledMiniBatches() {
        Graph graph = TestGraphs.twoCommunities(40, 6, 8);
        LinkSplit split = LinkSplit.of(graph, 3);
        TrainerConfig config = TrainerConfig.builder()
                .epochs(20)
                .seed(5)
                .miniBatch(MiniBatchSettings.of(64, FanOut.parse("5,3")))
                .build();
        try (Parallelism threads = Parallelism.singleThreaded()) {
            TrainingResult result = new Trainer(config, threads).fit(model(split.trainGraph()), split);
            assertThat(result.history()).allSatisfy(e -> assertThat(e.loss()).isFinite());
            assertThat(result.test().auc()).as("test AUC").isGreaterThan(0.7);
        }
    }
}
