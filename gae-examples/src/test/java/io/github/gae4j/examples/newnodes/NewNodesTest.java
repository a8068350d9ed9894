// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.newnodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.predict.InductiveEmbedding;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.PredictorOptions;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.testkit.TestGraphs;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** New nodes on a small graph with informative features: the runtime API, the measurement, the refusals. */
final class NewNodesTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover(NewNodesTest.class.getClassLoader());

    private static Graph graph() {
        return TestGraphs.twoCommunities(100, 16, 11L);
    }

    private static TrainedModel train(Graph g) {
        try (Parallelism p = Parallelism.of(2)) {
            return Gae.train(
                    g,
                    ModelSpec.gae(),
                    TrainerConfig.builder().epochs(60).seed(5).build(),
                    PLUGINS,
                    p);
        }
    }

    private static InductiveEmbedding apply(TrainedModel m, Graph g) {
        return InductiveEmbedding.of(
                m.model(), Optional.of(m.description()), m.provenance(), m.graph(), "m.gae4j", g, "new.npz", 2);
    }

    @Test
    void newNodesScoreWellAboveChanceAndCloseToAModelThatSawThem() {
        for (long seed : new long[] {1, 2, 3}) {
            NewNodesExperiment.Result r = NewNodesExperiment.run(
                    graph(), ModelSpec.gae(), TrainerConfig.builder().epochs(60).build(), 0.10, 0.5, seed, PLUGINS, 2);
            assertThat(r.newNodes()).isEqualTo(20);
            assertThat(r.positives()).isGreaterThan(100);
            // Features say the community, the community says the links: a model that never saw the node still ranks
            // its held-out links well above chance. Half the negatives fall in the node's own community, so even a
            // perfect community guess tops out near 0.78 (seeds 1-3: inductive 0.77-0.79, full 0.76-0.79). It may
            // trail the model trained with the node, but not by much.
            assertThat(r.inductive().auc()).as("inductive AUC, seed %d", seed).isGreaterThan(0.7);
            assertThat(r.inductive().auc())
                    .as("inductive vs full AUC, seed %d", seed)
                    .isGreaterThan(r.full().auc() - 0.05);
        }
    }

    @Test
    void knownAndNewNodesAreCountedAndTheNewGraphsEdgesAreKnownLinks() {
        Graph full = graph();
        int[] old = IntStream.range(0, 180).toArray();
        TrainedModel m = train(NewNodesExperiment.induced(full, old));
        // The new graph lacks node 0 of the model's graph and adds nodes 180..199.
        Graph grown = NewNodesExperiment.induced(full, IntStream.range(1, 200).toArray());
        InductiveEmbedding e = apply(m, grown);
        assertThat(e.knownNodes()).isEqualTo(179);
        assertThat(e.absentNodes()).isEqualTo(1);
        assertThat(e.newNodes()).hasSize(20).first().isEqualTo("180");
        assertThat(e.nodeIds()).isEqualTo(grown.nodeIds());
        assertThat(e.embeddings().rows()).isEqualTo(199);

        LinkPredictor p = e.predictor(PredictorOptions.defaults().withThreads(2));
        assertThat(p.contains("199")).isTrue();
        assertThat(p.contains("0")).isFalse();
        assertThat(p.candidatePairs()).isEqualTo(199L * 198 / 2 - grown.edgeCount());
        assertThat(p.embedding("199")).containsExactly(e.embedding(198));
        assertThat(p.topK("199", 5))
                .hasSize(5)
                .allSatisfy(l -> assertThat(l.source()).isEqualTo("199"));
    }

    @Test
    void theSameGraphGivesTheSameEmbeddingsAsTheTrainedModelOnIt() {
        TrainedModel m = train(graph());
        Graph g = m.graph();
        InductiveEmbedding e = apply(m, g);
        assertThat(e.newNodes()).isEmpty();
        Matrix z;
        try (Parallelism p = Parallelism.of(1)) {
            z = m.model().embed(io.github.gae4j.core.spi.GraphInput.of(g), p);
        }
        assertThat(e.embeddings().data()).containsExactly(z.data());
    }

    @Test
    void aFeatureWidthOtherThanTheModelsFailsNamingTheFileAndBothWidths() {
        TrainedModel m = train(graph());
        Graph wider = TestGraphs.twoCommunities(100, 20, 11L);
        assertThatThrownBy(() -> apply(m, wider))
                .isInstanceOf(GaeException.class)
                .isNotInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "new.npz: the nodes have 20 features each, but the model m.gae4j was trained" + " with 16");
        Graph featureless = wider.withoutFeatures();
        assertThatThrownBy(() -> apply(m, featureless))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining(
                        "new.npz: the graph has no node features, but the model m.gae4j reads 16 per" + " node");
    }

    @Test
    void aFeaturelessModelIsRefused() {
        TrainedModel m = train(graph().withoutFeatures());
        assertThatThrownBy(() -> apply(m, graph()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.gae4j: a featureless (X = I) model has no input for a node it never saw;"
                        + " retrain with features");
    }

    @Test
    void rowNormalisedTrainingNormalisesTheNewGraphToo() {
        TrainedModel m = train(graph());
        Graph loaded = graph();
        io.github.gae4j.runtime.provenance.Provenance p = m.provenance();
        io.github.gae4j.runtime.provenance.Provenance normalized = new io.github.gae4j.runtime.provenance.Provenance(
                p.gae4jVersion(),
                p.jdk(),
                p.plugins(),
                p.model(),
                p.seeds(),
                new io.github.gae4j.runtime.provenance.Provenance.Dataset(
                        p.dataset().name(),
                        p.dataset().loader(),
                        io.github.gae4j.runtime.provenance.Provenance.Features.ROW_NORMALIZED,
                        p.dataset().nodes(),
                        p.dataset().edges(),
                        p.dataset().fingerprint()),
                p.split());
        InductiveEmbedding e =
                InductiveEmbedding.of(m.model(), Optional.empty(), normalized, m.graph(), "m", loaded, "g", 1);
        Features used = e.graph().features().orElseThrow();
        assertThat(used.toDense().data())
                .containsExactly(loaded.features()
                        .orElseThrow()
                        .rowNormalized()
                        .toDense()
                        .data());
    }

    @Test
    void aDirectedDecoderNeverRecommendsTheReverseOfAKnownEdge() {
        Graph full = graph();
        TrainedModel m;
        try (Parallelism p = Parallelism.of(2)) {
            m = Gae.train(
                    NewNodesExperiment.induced(full, IntStream.range(0, 180).toArray()),
                    ModelSpec.gae().withDecoder(io.github.gae4j.runtime.model.ComponentSpec.of("gravity")),
                    TrainerConfig.builder().epochs(20).seed(5).build(),
                    PLUGINS,
                    p);
        }
        LinkPredictor p = apply(m, full).predictor(PredictorOptions.defaults().withThreads(2));
        assertThat(p.directed()).isTrue();
        java.util.Set<String> edges = new java.util.HashSet<>();
        io.github.gae4j.core.graph.EdgeList e = full.upperTriangleEdges();
        for (int k = 0; k < e.size(); k++) {
            edges.add(e.src(k) + "," + e.dst(k));
            edges.add(e.dst(k) + "," + e.src(k));
        }
        assertThat(p.candidatePairs()).isEqualTo(200L * 199 - 2L * full.edgeCount());
        assertThat(p.topK(500)).hasSize(500).noneMatch(l -> edges.contains(l.source() + "," + l.target()));
    }
}
