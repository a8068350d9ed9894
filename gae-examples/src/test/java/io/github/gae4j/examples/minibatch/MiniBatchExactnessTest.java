// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.minibatch;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.DirectedTestGraphs;
import io.github.gae4j.testkit.MiniBatchExactness;
import io.github.gae4j.testkit.TestGraphs;
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
        GraphAutoencoder model = new ModelAssembler(PLUGINS)
                .assemble(spec, new CreationContext(train.featuresOrIdentity().dim(), train.nodeCount(), 7));
        MiniBatchExactness.assertOneBatchIsTheFullBatchObjective(label, model, train, hops, 1e-6);
    }
}
