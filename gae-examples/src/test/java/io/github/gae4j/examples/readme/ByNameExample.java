// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::by-name[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
// end::by-name[]

/** README, "Use it as a library": the same VGAE by name, through the plugins ServiceLoader finds. */
final class ByNameExample {

    private ByNameExample() {}

    // tag::by-name[]
    static GraphAutoencoder vgaeByName(Graph graph) {
        ModelAssembler assembler = new ModelAssembler(PluginRegistry.discover()); // once, in main
        return assembler.assemble(
                ModelSpec.vgae(), new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), 42L));
    }
    // end::by-name[]
}
