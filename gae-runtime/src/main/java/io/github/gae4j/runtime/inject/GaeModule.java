// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.Objects;

/**
 * Binds the one {@link PluginRegistry} (also as the {@link FactoryLookup}) and what is built from it,
 * the {@link ModelAssembler}. It discovers nothing and copies nothing: the registry was built before
 * the injector, and every component kind is looked up through it, so a new kind needs no binding here.
 */
public final class GaeModule extends AbstractModule {

    private final PluginRegistry registry;

    public GaeModule(PluginRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(FactoryLookup.class).toInstance(registry);
    }

    @Provides
    @Singleton
    ModelAssembler assembler(PluginRegistry plugins) {
        return new ModelAssembler(plugins);
    }
}
