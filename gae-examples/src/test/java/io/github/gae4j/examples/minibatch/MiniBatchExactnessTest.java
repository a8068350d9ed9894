// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.minibatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.LocalBackend;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.ModelObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchObjective;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.DirectedTestGraphs;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exactness check: with fan-out −1 and one batch holding every training edge (and the negatives the
 * full-batch loss draws from the same seed, and every node for the KL), the mini-batch objective's loss and
 * gradients equal the full-batch negative-sampling objective's within 1e-6 relative, for each built-in encoder.
 */
final class MiniBatchExactnessTest {

    private static final PluginRegistry PLUGINS =
            PluginRegistry.discover(MiniBatchExactnessTest.class.getClassLoader());

    static Stream<Arguments> models() {
        ModelSpec gae = ModelSpec.gae().withNegativeSampling();
        Graph dense = TestGraphs.twoCommunities(30, 6, 5);
        return Stream.of(
                Arguments.of("gcn", gae, 2, dense),
                Arguments.of("gcn 3 layers", gae.withEncoder("gcn", "hidden", "32,16"), 3, dense),
                Arguments.of("gat", gae.withEncoder("gat"), 2, dense),
                Arguments.of("linear", gae.withEncoder("linear"), 1, dense),
                // The identity sampler: no noise, so the KL term's scaling is checked exactly.
                Arguments.of(
                        "vgae + kl",
                        ModelSpec.vgae().withNegativeSampling().withSampler(ComponentSpec.of("identity")),
                        2,
                        dense),
                // X = I: the subgraph's features are rows of the identity, sparse.
                Arguments.of("gcn featureless", gae, 2, dense.withoutFeatures()),
                Arguments.of("gat featureless", gae.withEncoder("gat"), 2, dense.withoutFeatures()),
                // Out-degree Â, out-neighbours sampled, directed negatives.
                Arguments.of(
                        "gcn directed, gravity",
                        gae.withDecoder(ComponentSpec.of("gravity")),
                        2,
                        DirectedTestGraphs.random(60, 240, 0.2, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void oneExactBatchIsTheFullBatchObjective(String label, ModelSpec spec, int hops, Graph graph) {
        LinkSplit split = LinkSplit.of(graph, 3);
        Graph train = split.trainGraph();
        GraphInput input = GraphInput.of(train);
        TrainingGraph training = new TrainingGraph(train);
        GraphAutoencoder model = new ModelAssembler(PLUGINS)
                .assemble(spec, new CreationContext(input.features().dim(), train.nodeCount(), 7));
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
                            new MiniBatchObjective(model, input, training, FanOut.all(hops)),
                            weights,
                            WorkBatch.links(positives, negatives, all, 1.0),
                            seed + 1)
                    .mean();
            assertThat(mini.loss()).as(label).isCloseTo(full.loss(), within(1e-6 * Math.abs(full.loss())));
            assertThat(mini.terms().keySet()).isEqualTo(full.terms().keySet());
            for (int k = 0; k < full.gradients().size(); k++) {
                double[] a = mini.gradients().get(k).data();
                double[] b = full.gradients().get(k).data();
                double scale = 0;
                for (double v : b) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i])
                            .as(
                                    "%s: gradient of %s, entry %d",
                                    label, model.weights().get(k).name(), i)
                            .isCloseTo(b[i], within(1e-6 * scale));
                }
            }
        }
    }
}
