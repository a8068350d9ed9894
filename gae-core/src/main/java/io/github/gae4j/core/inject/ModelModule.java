package io.github.gae4j.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.gae4j.core.model.GraphAutoencoder;
import io.github.gae4j.core.model.ModelAssembler;
import io.github.gae4j.core.model.ModelSpec;
import io.github.gae4j.core.spi.CreationContext;
import java.util.Objects;

/**
 * Provides the {@link GraphAutoencoder} described by a {@link ModelSpec}, choosing each component
 * by name among the bound factories. Install together with {@link PluginsModule}.
 */
public final class ModelModule extends AbstractModule {

    private final ModelSpec spec;
    private final CreationContext context;

    public ModelModule(ModelSpec spec, CreationContext context) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.context = Objects.requireNonNull(context, "context is null");
    }

    @Provides
    ModelSpec spec() {
        return spec;
    }

    @Provides
    CreationContext creationContext() {
        return context;
    }

    @Provides
    GraphAutoencoder model(BoundFactories factories) {
        return new ModelAssembler(factories).assemble(spec, context);
    }
}
