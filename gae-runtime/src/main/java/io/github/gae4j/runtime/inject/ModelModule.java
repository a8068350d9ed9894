package io.github.gae4j.runtime.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.gae4j.runtime.model.ModelAssembler;

/**
 * Provides the {@link ModelAssembler} that builds a model from a {@code ModelSpec}, choosing each
 * component by name among the factories bound by {@link PluginsModule}. Install both.
 */
public final class ModelModule extends AbstractModule {

    @Provides
    ModelAssembler assembler(BoundFactories factories) {
        return new ModelAssembler(factories);
    }
}
