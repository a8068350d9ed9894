// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.encoders.sampler.GaussianSampler;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoder;
import io.github.gae4j.losses.kl.KlLoss;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.testkit.TestGraphs;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model composed with the builder by name records its spec, so it saves and loads; one from instances says why not. */
class BuilderSpecTest {

    @TempDir
    Path dir;

    @Test
    void aModelBuiltByNameIsSavedAndLoadedWithTheSameEmbeddings() {
        Graph graph = TestGraphs.twoCommunities(30, 8, 7L);
        LinkSplit split = LinkSplit.of(graph, 42L);
        CreationContext context = new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), 42L);
        GraphAutoencoder vgae = BuilderByNameExample.vgaeByName(graph);
        ModelSpec expected = ModelSpec.vgae()
                .withEncoder("vgae", "hidden", 32, "latent", 16)
                .withLosses(LossSpec.of("weighted-bce"), LossSpec.of("kl").weight(0.5));
        assertThat(vgae.spec()).contains(expected);

        TrainerConfig config = TrainerConfig.builder().epochs(5).seed(42).build();
        try (Parallelism two = Parallelism.of(2)) {
            new Trainer(config, two).fit(vgae, split);
            Path file = dir.resolve("builder.gae4j");
            BuilderByNameExample.save(vgae, config, file);

            GraphAutoencoder loaded = SavedModelFile.read(file)
                    .assemble(new ModelAssembler(PluginRegistry.discover()), context, file.toString());
            assertThat(loaded.spec()).contains(expected);
            GraphInput input = GraphInput.of(split.trainGraph());
            assertThat(loaded.embed(input, two)).isEqualTo(vgae.embed(input, two));
        }
    }

    @Test
    void savingAModelComposedFromInstancesSaysHowToFixIt() {
        GraphAutoencoder vgae = GraphAutoencoder.builder()
                .encoder(new VariationalGcnEncoder(8, 16, 8, new SplittableRandom(42)))
                .sampler(new GaussianSampler())
                .decoder(new InnerProductDecoder())
                .loss("weighted-bce", new FullGraphBceLoss())
                .loss("kl", KlLoss.reference())
                .build();
        assertThat(vgae.spec()).isEmpty();
        assertThatThrownBy(
                        () -> ModelDescription.of(vgae, TrainerConfig.builder().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("This model cannot be saved: it was composed from component instances")
                .hasMessageContaining("new ModelAssembler(plugins).builder(context).encoder(ComponentSpec.of(\"gcn\"))")
                .hasMessageContaining("GraphAutoencoder.Builder.spec(...)");
    }
}
