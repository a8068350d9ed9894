// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.LocalBackend;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.ModelObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
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
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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
        Graph graph = TestGraphs.twoCommunities(30, 6, 5);
        Graph train = LinkSplit.of(graph, 3).trainGraph();
        GraphInput input = GraphInput.of(train);
        TrainingGraph training = new TrainingGraph(train);
        GraphAutoencoder model = model(train);
        assertThat(ReceptiveField.measure(model.encoder(), input.features())).hasValue(2);
        long seed = 99;
        EdgeList positives = training.positives();
        EdgeList negatives = training.negativeSampler().sample(positives.size(), new SplittableRandom(seed));
        int[] all = IntStream.range(0, train.nodeCount()).toArray();
        List<Matrix> weights = model.weights().stream().map(w -> w.data()).toList();
        try (Parallelism parallelism = Parallelism.singleThreaded();
                LocalBackend backend = new LocalBackend(parallelism)) {
            LossAndGradients full = backend.lossAndGradients(
                            new ModelObjective(model, input, training), weights, WorkBatch.wholeGraph(), seed)
                    .mean();
            LossAndGradients mini = backend.lossAndGradients(
                            Trainer.miniBatchObjective(
                                    model, input, training, MiniBatchSettings.of(positives.size(), FanOut.all(2))),
                            weights,
                            WorkBatch.links(positives, negatives, all, 1.0),
                            seed + 1)
                    .mean();
            assertThat(mini.loss()).isCloseTo(full.loss(), within(1e-6 * Math.abs(full.loss())));
            for (int k = 0; k < full.gradients().size(); k++) {
                double[] a = mini.gradients().get(k).data();
                double[] b = full.gradients().get(k).data();
                double scale = 0;
                for (double v : b) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertThat(scale)
                        .as("gradient of %s", model.weights().get(k).name())
                        .isPositive();
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i])
                            .as(
                                    "gradient of %s, entry %d",
                                    model.weights().get(k).name(), i)
                            .isCloseTo(b[i], within(1e-6 * scale));
                }
            }
        }
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
