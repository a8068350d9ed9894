package io.github.gae4j.core.inject;

import io.github.gae4j.core.spi.PluginLoadException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
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
        List<String> failures = new ArrayList<>();
        var iterator = ServiceLoader.load(PluginModule.class, classLoader).iterator();
        while (true) {
            PluginModule module;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                module = iterator.next();
            } catch (ServiceConfigurationError e) {
                failures.add(e.getMessage());
                continue;
            }
            PluginModule previous = byName.putIfAbsent(module.name(), module);
            if (previous != null) {
                throw new PluginLoadException(String.format(Locale.ROOT,
                        "Duplicate plugin module name '%s': %s (%s) and %s (%s)", module.name(),
                        previous.getClass().getName(), origin(previous), module.getClass().getName(), origin(module)));
            }
            LOG.info("Plugin module '{}' from {}", module.name(), origin(module));
        }
        if (!failures.isEmpty()) {
            throw new PluginLoadException("Could not load " + failures.size() + " plugin module(s): "
                    + String.join("; ", failures));
        }
        return List.copyOf(byName.values());
    }

    private static String origin(Object module) {
        CodeSource source = module.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "unknown location" : location.toString();
    }
}
