package io.github.gae4j.runtime.model;

import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Loss;
import java.util.Objects;

/**
 * Turns a {@link ModelSpec} into a {@link GraphAutoencoder}: looks each name up, checks its options
 * against the factory's declared parameters, and creates it. The one path shared by plain code
 * ({@code new ModelAssembler(PluginRegistry.discover())}) and the Guice wiring, so both give the same
 * model for the same seed.
 */
public final class ModelAssembler {

    private final FactoryLookup lookup;

    public ModelAssembler(FactoryLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup is null");
    }

    public GraphAutoencoder assemble(ModelSpec spec, CreationContext context) {
        Encoder encoder = create(ComponentKind.ENCODER, spec.encoder(), context);
        CreationContext latent = new CreationContext(encoder.latentDim(), context.nodeCount(), context.seed(),
                context.inputDim());
        GraphAutoencoder.Builder b = GraphAutoencoder.builder()
                .spec(spec)
                .encoder(encoder)
                .sampler(create(ComponentKind.SAMPLER, spec.sampler(), latent))
                .decoder(create(ComponentKind.DECODER, spec.decoder(), latent));
        for (LossSpec l : spec.losses()) {
            Loss loss = create(ComponentKind.LOSS, l.component(), latent);
            b.loss(l.component().name(), loss, l.weight());
        }
        for (ComponentSpec c : spec.corruptions()) {
            b.corruption(create(ComponentKind.CORRUPTION, c, context));
        }
        return b.build();
    }

    /** Creates one component of {@code kind}; unknown names and options fail with the known ones listed. */
    public <T> T create(ComponentKind<? extends ComponentFactory<T>> kind, ComponentSpec spec, CreationContext context) {
        ComponentFactory<T> factory = lookup.factory(kind, spec.name());
        ComponentConfig config = spec.config().describedAs(kind.label() + " '" + spec.name() + "'");
        config.requireOnly(ComponentFactory.optionNames(factory));
        T component = factory.create(config, context);
        if (component == null) {
            throw new IllegalStateException(kind.label() + " factory '" + spec.name() + "' returned null");
        }
        return component;
    }
}
