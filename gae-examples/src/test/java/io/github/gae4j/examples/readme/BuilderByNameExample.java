// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::builder-by-name[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import java.util.Optional;
// end::builder-by-name[]

/** README, "Composing a model in code": the builder given its parts by name records its spec, so it can be saved. */
final class BuilderByNameExample {

    private BuilderByNameExample() {}

    // tag::builder-by-name[]
    static GraphAutoencoder vgaeByName(Graph graph) {
        CreationContext context = new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), 42L);
        return new ModelAssembler(PluginRegistry.discover())
                .builder(context)
                .encoder(ComponentSpec.of("vgae", "hidden", 32, "latent", 16))
                .sampler(ComponentSpec.of("gaussian"))
                .decoder(ComponentSpec.of("inner-product"))
                .loss(LossSpec.of("weighted-bce"))
                .loss(LossSpec.of("kl").weight(0.5))
                .build(); // records its ModelSpec: vgae.spec()
    }

    static void save(GraphAutoencoder vgae, TrainerConfig config, Path file) {
        // ModelDescription.of fails, saying how to fix it, for a model composed from instances (no spec)
        SavedModelFile.write(SavedModel.of(ModelDescription.of(vgae, config), Optional.empty(), vgae), file);
    }
    // end::builder-by-name[]
}
