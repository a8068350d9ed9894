// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.plugin;

import io.github.gae4j.core.spi.ComponentFactory;

/**
 * Finds a factory by kind and name: what {@link io.github.gae4j.runtime.model.ModelAssembler} needs of the
 * {@link PluginRegistry}, kept narrow so a test can supply a single factory.
 */
public interface FactoryLookup {

    /**
     * The factory of that kind registered under {@code name}.
     *
     * @throws io.github.gae4j.core.error.UnknownComponentException listing the known names
     */
    <F extends ComponentFactory<?>> F factory(ComponentKind<F> kind, String name);
}
