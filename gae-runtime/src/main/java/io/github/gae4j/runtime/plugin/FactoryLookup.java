package io.github.gae4j.runtime.plugin;

import io.github.gae4j.core.spi.ComponentFactory;

/** Finds a factory by kind and name: the registry, or the Guice-bound maps. */
public interface FactoryLookup {

    /** @throws io.github.gae4j.core.error.UnknownComponentException listing the known names */
    <F extends ComponentFactory<?>> F factory(ComponentKind<F> kind, String name);
}
