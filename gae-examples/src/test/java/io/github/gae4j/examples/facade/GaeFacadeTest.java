// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.testkit.TestGraphs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The short path in code: train by name, save, load for the same graph, read embeddings by node id. */
class GaeFacadeTest {

    @TempDir
    Path dir;

    private static Graph graph() {
        return TestGraphs.twoCommunities(40, 8, 7L);
    }

    @Test
    void trainSaveLoadAndEmbedGiveTheSameVectors() {
        Graph g = graph();
        TrainerConfig config = TrainerConfig.builder().epochs(40).seed(42).build();
        TrainedModel trained;
        try (Parallelism two = Parallelism.of(2)) {
            trained = Gae.train(g, ModelSpec.vgae(), config, PluginRegistry.discover(), two);
        }
        assertThat(trained.result()).isPresent();
        assertThat(trained.result().get().test().auc()).isGreaterThan(0.7);
        assertThat(trained.provenance().seeds().training()).isEqualTo(42);
        assertThat(trained.provenance().plugins()).isNotEmpty();

        Path file = dir.resolve("model.gae4j");
        trained.save(file);
        TrainedModel loaded = TrainedModel.load(file, g);
        assertThat(loaded.result()).isEmpty();
        assertThat(loaded.description()).isEqualTo(trained.description());

        Map<String, double[]> before = trained.embeddings();
        Map<String, double[]> after = loaded.embeddings();
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet()).hasSize(g.nodeCount());
        before.forEach((id, z) -> assertThat(after.get(id)).containsExactly(z));
        assertThat(before.values().iterator().next()).hasSize(16);
    }

    @Test
    void theSameSeedGivesTheSameModelWhateverTheThreads() {
        Graph g = graph();
        TrainerConfig config = TrainerConfig.builder().epochs(15).seed(3).build();
        TrainedModel one;
        TrainedModel two;
        try (Parallelism p1 = Parallelism.of(1);
                Parallelism p2 = Parallelism.of(2)) {
            one = Gae.train(g, ModelSpec.gae(), config, PluginRegistry.discover(), p1);
            two = Gae.train(g, ModelSpec.gae(), config, PluginRegistry.discover(), p2);
        }
        assertThat(two.result().get().test()).isEqualTo(one.result().get().test());
        assertThat(two.embeddingMatrix().data())
                .containsExactly(one.embeddingMatrix().data());
    }

    private static TrainedModel twoEpochs(Graph g) {
        try (Parallelism p = Parallelism.of(1)) {
            return Gae.train(
                    g, ModelSpec.gae(), TrainerConfig.builder().epochs(2).build(), PluginRegistry.discover(), p);
        }
    }

    @Test
    void savingNeverReplacesAFileUnlessAsked() throws Exception {
        Graph g = graph();
        TrainedModel trained = twoEpochs(g);
        Path file = dir.resolve("mine.gae4j");
        java.nio.file.Files.writeString(file, "a file of the user's");
        assertThatThrownBy(() -> trained.save(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mine.gae4j: exists");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("a file of the user's");
        trained.save(file, true);
        assertThat(TrainedModel.load(file, g).description()).isEqualTo(trained.description());
    }

    @Test
    void loadingForAnotherGraphFailsNamingTheFile() {
        Graph g = graph();
        TrainedModel trained = twoEpochs(g);
        Path file = dir.resolve("m.gae4j");
        trained.save(file);
        Graph other = TestGraphs.twoCommunities(40, 8, 8L);
        assertThatThrownBy(() -> TrainedModel.load(file, other))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.gae4j: the model was trained on a graph");
    }
}
