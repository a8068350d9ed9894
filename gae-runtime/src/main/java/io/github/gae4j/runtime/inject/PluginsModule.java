package io.github.gae4j.runtime.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.core.spi.ComponentFactory;
import java.util.Objects;

/**
 * Binds every discovered factory by name: one {@code MapBinder<String, XxxFactory>} per component
 * kind. Only binds; discovery happened before, in {@link PluginRegistry#discover}.
 */
public final class PluginsModule extends AbstractModule {

    private final PluginRegistry registry;

    public PluginsModule(PluginRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            bindKind(kind);
        }
    }

    private <F extends ComponentFactory<?>> void bindKind(ComponentKind<F> kind) {
        MapBinder<String, F> binder = GaeBinders.factories(binder(), kind);
        registry.factories(kind).forEach((name, factory) -> binder.addBinding(name).toInstance(factory));
    }
}
