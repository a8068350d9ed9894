// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

// tag::sage-by-name[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
// end::sage-by-name[]

/** The READMEs (gae4j's step 6, this module's "Build and use"): the plugin's encoder selected by name. */
final class SageByNameExample {

    private SageByNameExample() {}

    // tag::sage-by-name[]
    static GraphAutoencoder sageGae(Graph graph) {
        ModelAssembler assembler = new ModelAssembler(PluginRegistry.discover()); // or GaeInjectors.create(...)
        return assembler.assemble(
                ModelSpec.gae().withEncoder(ComponentSpec.of("sage-mean", "hidden", 32)),
                new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), 42L));
    }
    // end::sage-by-name[]
}
