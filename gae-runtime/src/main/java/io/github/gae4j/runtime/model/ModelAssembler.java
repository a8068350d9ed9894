// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ModelSpec} into a {@link GraphAutoencoder}: looks each name up, checks its options
 * against the factory's declared parameters, and creates it. The one path shared by plain code
 * ({@code new ModelAssembler(PluginRegistry.discover())}) and the Guice wiring, so both give the same
 * model for the same seed.
 */
public final class ModelAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(ModelAssembler.class);
    private static final String WEIGHT = "weight";
    /** Nodes and features of the stand-in input {@link #checkValues} assembles on: small, and enough for any model. */
    private static final int PROBE_SIZE = 4;

    private final FactoryLookup lookup;

    public ModelAssembler(FactoryLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup is null");
    }

    /** The factories this assembler creates components from. */
    public FactoryLookup lookup() {
        return lookup;
    }

    public GraphAutoencoder assemble(ModelSpec spec, CreationContext context) {
        GraphAutoencoder.Builder b = builder(context)
                .spec(spec)
                .encoder(spec.encoder())
                .sampler(spec.sampler())
                .decoder(spec.decoder());
        spec.losses().forEach(b::loss);
        spec.corruptions().forEach(b::corruption);
        return b.build();
    }

    /**
     * A builder that takes parts by name ({@code .encoder(ComponentSpec.of("gcn", "latent", 16))},
     * {@code .loss(LossSpec.of("kl").weight(0.5))}) as well as instances; named parts are created from these
     * plugins when the model is built, exactly as {@link #assemble} creates them ({@code context} for the encoder
     * and corruptions, the encoder's latent size for the rest). A model whose parts are all named records its
     * {@link ModelSpec} ({@link GraphAutoencoder#spec()}), so it can be saved and loaded like an assembled one.
     */
    public GraphAutoencoder.Builder builder(CreationContext context) {
        return GraphAutoencoder.builder(this, context);
    }

    /**
     * Checks {@code spec}'s option values without data: assembles it once on a stand-in input ({@value #PROBE_SIZE}
     * nodes, {@value #PROBE_SIZE} features) and drops the result, so a bad value ({@code hidden=abc}) fails before a
     * dataset is loaded or generated. Only {@link ConfigException}s are reported: anything else may come from the
     * stand-in's sizes, and the real assembly reports it with the real ones.
     */
    public void checkValues(ModelSpec spec, long seed) {
        try {
            assemble(spec, new CreationContext(PROBE_SIZE, PROBE_SIZE, seed));
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("Option check on a stand-in input inconclusive; the real assembly decides: {}", e.toString());
        }
    }

    /** Creates one component of {@code kind}; unknown names and options fail with the known ones listed. */
    public <T> T create(
            ComponentKind<? extends ComponentFactory<T>> kind, ComponentSpec spec, CreationContext context) {
        ComponentFactory<T> factory = lookup.factory(kind, spec.name());
        ComponentConfig config = checkedOptions(kind, spec, factory);
        T component = factory.create(config, context);
        if (component == null) {
            throw new IllegalStateException(kind.label() + " factory '" + spec.name() + "' returned null");
        }
        return component;
    }

    /**
     * {@code spec}'s options, labelled for messages, after checking that {@code factory} declares each; a loss
     * given a {@code weight} option it does not declare is told where a loss term's weight goes.
     */
    public static ComponentConfig checkedOptions(
            ComponentKind<?> kind, ComponentSpec spec, ComponentFactory<?> factory) {
        ComponentConfig config = spec.config().describedAs(kind.label() + " '" + spec.name() + "'");
        Set<String> known = ComponentFactory.optionNames(factory);
        // Through asMap: a check by the assembler is not the factory reading an option (see withReadListener).
        String weight = config.asMap().get(WEIGHT);
        if (kind == ComponentKind.LOSS && weight != null && !known.contains(WEIGHT)) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Unknown option 'weight' for loss '%1$s'; known options: %2$s. A loss term's weight is not"
                            + " one of its options: in code LossSpec.of(\"%1$s\").weight(%3$s)"
                            + " (or LossSpec.of(\"%1$s\", %3$s)), in a model file \"weight\": %3$s beside \"name\", on the command line --loss %1$s:%3$s",
                    spec.name(),
                    new TreeSet<>(known),
                    weight));
        }
        config.requireOnly(known);
        return config;
    }
}
