// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.optim;

import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.OptimizerFactory;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The lookup a trainer uses when it is given none: the built-in optimisers ({@link OptimizersPlugin}) by name
 * without any discovery, and any other name (a third-party optimiser, or another kind) from the plugins
 * {@link PluginRegistry#discover(ClassLoader) discovered} through the given class loader, on first need. An
 * application that already has a registry passes that instead.
 */
public final class DefaultOptimizers implements FactoryLookup {

    private final ClassLoader classLoader;
    private final Map<String, OptimizerFactory> builtIn = new LinkedHashMap<>();
    private PluginRegistry discovered;

    public DefaultOptimizers(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader is null");
        new OptimizersPlugin().optimizers().forEach(f -> builtIn.put(f.name(), f));
    }

    @Override
    public <F extends ComponentFactory<?>> F factory(ComponentKind<F> kind, String name) {
        if (kind == ComponentKind.OPTIMIZER && builtIn.containsKey(name)) {
            return kind.factoryType().cast(builtIn.get(name));
        }
        if (discovered == null) {
            discovered = PluginRegistry.discover(classLoader);
        }
        return discovered.factory(kind, name);
    }
}
