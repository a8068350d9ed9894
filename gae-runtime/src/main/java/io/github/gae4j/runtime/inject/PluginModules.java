package io.github.gae4j.runtime.inject;

import io.github.gae4j.runtime.plugin.ServiceDiscovery;
import io.github.gae4j.core.error.PluginLoadException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link PluginModule}s on a class loader, once, before the injector is built. Broken
 * providers are reported together; two modules with one name fail naming both classes and jars.
 */
public final class PluginModules {

    private static final Logger LOG = LoggerFactory.getLogger(PluginModules.class);

    private PluginModules() {
    }

    public static List<PluginModule> discover(ClassLoader classLoader) {
        Map<String, PluginModule> byName = new LinkedHashMap<>();
        for (PluginModule module : ServiceDiscovery.load(PluginModule.class, classLoader, "plugin module(s)")) {
            PluginModule previous = byName.putIfAbsent(module.name(), module);
            if (previous != null) {
                throw new PluginLoadException(String.format(Locale.ROOT,
                        "Duplicate plugin module name '%s': %s (%s) and %s (%s)", module.name(),
                        previous.getClass().getName(), ServiceDiscovery.origin(previous), module.getClass().getName(),
                        ServiceDiscovery.origin(module)));
            }
            LOG.info("Plugin module '{}' from {}", module.name(), ServiceDiscovery.origin(module));
        }
        return List.copyOf(byName.values());
    }
}
