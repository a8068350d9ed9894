// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::guice[]
import com.google.inject.Injector;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.inject.GaeInjectors;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
// end::guice[]

/** README, "Guice": the same VGAE through the application's one injector (Guice is optional in gae-runtime). */
final class GuiceExample {

    private GuiceExample() {}

    // tag::guice[]
    static GraphAutoencoder vgaeThroughGuice(Graph graph) {
        Injector injector = GaeInjectors.create(PluginRegistry.discover()); // once, in main
        return injector.getInstance(ModelAssembler.class)
                .assemble(
                        ModelSpec.vgae(),
                        new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), 42L));
    }
    // end::guice[]
}
