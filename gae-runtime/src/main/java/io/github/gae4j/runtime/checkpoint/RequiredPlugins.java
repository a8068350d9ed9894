// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.checkpoint;

import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.provenance.Provenance.PluginUse;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks that the installed plugins provide every component a saved model needs, with options they accept, before
 * any data is loaded. A component no installed plugin provides fails naming the plugin that provided it when the
 * model was made (name, version and jar, as its provenance recorded them) and how to add that jar: a saved model
 * usually meets a missing plugin when it moves to another machine or the jar was left off the command line.
 */
public final class RequiredPlugins {

    private final FactoryLookup lookup;
    private final List<PluginUse> recorded;
    private final String source;

    /**
     * @param lookup   the installed factories
     * @param recorded the plugins the model was made with (empty when its file records none)
     * @param source   the model file, for messages
     */
    public RequiredPlugins(FactoryLookup lookup, List<PluginUse> recorded, String source) {
        this.lookup = Objects.requireNonNull(lookup, "lookup is null");
        this.recorded = List.copyOf(recorded);
        this.source = Objects.requireNonNull(source, "source is null");
    }

    /** Every component of {@code spec}: encoder, sampler, decoder, losses, corruptions. */
    public void check(ModelSpec spec) {
        for (ModelSpec.Part part : spec.parts()) {
            check(part.kind(), part.component());
        }
    }

    /** One component of {@code kind}, e.g. the dataset loader or the optimiser a resumed run needs. */
    public void check(ComponentKind<?> kind, ComponentSpec component) {
        ComponentFactory<?> factory;
        try {
            factory = lookup.factory(kind, component.name());
        } catch (UnknownComponentException e) {
            throw new UnknownComponentException(
                    source + ": " + e.getMessage() + ". " + hint(kind, component.name()), e);
        }
        ModelAssembler.checkedOptions(kind, component, factory);
    }

    private String hint(ComponentKind<?> kind, String name) {
        Optional<PluginUse> use = recorded.stream()
                .filter(u -> u.kind().equals(kind.label()) && u.name().equals(name))
                .findFirst();
        if (use.isEmpty()) {
            return String.format(
                    Locale.ROOT,
                    "No installed plugin provides %s '%s', which the model needs; if a"
                            + " plugin jar provided it, add that jar: GAE_PLUGINS=path/to/plugin.jar ./gae ..., or put it"
                            + " on the class path of your application",
                    kind.label(),
                    name);
        }
        PluginUse u = use.get();
        String jar = u.jar().endsWith(".jar") ? u.jar() : "path/to/" + u.plugin() + ".jar";
        return String.format(
                Locale.ROOT,
                "The model was made with %s '%s' from plugin '%s' version %s (%s), which"
                        + " is not installed here; add its jar: GAE_PLUGINS=%s ./gae ..., or put it on the class path"
                        + " of your application",
                kind.label(),
                name,
                u.plugin(),
                u.version(),
                u.jar(),
                jar);
    }
}
