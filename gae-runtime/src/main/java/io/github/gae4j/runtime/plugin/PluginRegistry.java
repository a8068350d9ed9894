// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.plugin;

import io.github.gae4j.core.error.PluginLoadException;
import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed plugins and their factories, by kind and name. Built once, before anything is
 * wired: {@link #discover(ClassLoader)} runs {@link ServiceLoader} over {@link GaePlugin}, reports
 * every broken provider together, refuses a different SPI major version, and fails on a duplicate
 * name naming both plugins and their jars. An instance, never static state. The one plugin registry
 * of gae4j: the Guice wiring ({@code runtime.inject}) binds this instance rather than copying it.
 */
public final class PluginRegistry implements FactoryLookup {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final List<GaePlugin> plugins;
    private final Map<ComponentKind<?>, Map<String, Registered>> byKind;

    private PluginRegistry(List<GaePlugin> plugins, Map<ComponentKind<?>, Map<String, Registered>> byKind) {
        this.plugins = List.copyOf(plugins);
        this.byKind = byKind;
    }

    /** Discovers every {@link GaePlugin} visible to {@code classLoader}. */
    public static PluginRegistry discover(ClassLoader classLoader) {
        List<GaePlugin> found = load(classLoader);
        if (found.isEmpty()) {
            LOG.warn(
                    "No gae4j plugins found on the class path (looked for META-INF/services/{})",
                    GaePlugin.class.getName());
        }
        return of(found);
    }

    /** Discovers through the class loader that loaded gae4j itself. */
    public static PluginRegistry discover() {
        return discover(PluginRegistry.class.getClassLoader());
    }

    /** A registry of exactly these plugins (tests, embedding applications). */
    public static PluginRegistry of(List<GaePlugin> plugins) {
        Map<String, GaePlugin> byName = new LinkedHashMap<>();
        for (GaePlugin plugin : plugins) {
            checkVersion(plugin);
            GaePlugin previous = byName.putIfAbsent(plugin.name(), plugin);
            if (previous != null) {
                throw new PluginLoadException(String.format(
                        Locale.ROOT,
                        "Duplicate plugin name '%s': %s (%s) and %s (%s)",
                        plugin.name(),
                        previous.getClass().getName(),
                        origin(previous),
                        plugin.getClass().getName(),
                        origin(plugin)));
            }
        }
        Map<ComponentKind<?>, Map<String, Registered>> byKind = new LinkedHashMap<>();
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            Map<String, Registered> factories = new TreeMap<>();
            for (GaePlugin plugin : byName.values()) {
                for (ComponentFactory<?> factory : kind.factoriesOf(plugin)) {
                    register(kind, plugin, factory, factories);
                }
            }
            byKind.put(kind, Collections.unmodifiableMap(factories));
        }
        return new PluginRegistry(new ArrayList<>(byName.values()), byKind);
    }

    private static void register(
            ComponentKind<?> kind, GaePlugin plugin, ComponentFactory<?> factory, Map<String, Registered> factories) {
        String name = factory.name();
        if (name == null || name.isBlank()) {
            throw new PluginLoadException(String.format(
                    Locale.ROOT,
                    "Plugin '%s' (%s) has a %s factory %s with a blank name",
                    plugin.name(),
                    origin(plugin),
                    kind.label(),
                    factory.getClass().getName()));
        }
        Registered previous = factories.get(name);
        if (previous != null) {
            throw new PluginLoadException(String.format(
                    Locale.ROOT,
                    "Duplicate %s name '%s': from plugin '%s' (%s) and plugin '%s' (%s)",
                    kind.label(),
                    name,
                    previous.plugin().name(),
                    origin(previous.plugin()),
                    plugin.name(),
                    origin(plugin)));
        }
        factories.put(name, new Registered(plugin, factory));
        LOG.debug("Registered {} '{}' from plugin '{}' ({})", kind.label(), name, plugin.name(), origin(plugin));
    }

    private static void checkVersion(GaePlugin plugin) {
        String version = plugin.spiVersion();
        int major;
        try {
            major = GaeSpi.major(version == null ? "" : version);
        } catch (IllegalArgumentException e) {
            major = -1;
        }
        if (major != GaeSpi.major(GaeSpi.VERSION)) {
            throw new PluginLoadException(String.format(
                    Locale.ROOT,
                    "Plugin '%s' (%s) was built for SPI version %s, but this gae4j has SPI version %s",
                    plugin.name(),
                    origin(plugin),
                    version,
                    GaeSpi.VERSION));
        }
    }

    /**
     * Every {@link GaePlugin} provider visible to {@code classLoader}, in ServiceLoader order. Every provider is
     * tried, and all broken ones are reported together instead of one broken jar hiding the rest.
     */
    private static List<GaePlugin> load(ClassLoader classLoader) {
        List<GaePlugin> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        var iterator = ServiceLoader.load(GaePlugin.class, classLoader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new PluginLoadException(
                    "Could not load " + failures.size() + " plugin(s): " + String.join("; ", failures));
        }
        return found;
    }

    /** The jar (or directory) a plugin's class came from, for messages. */
    static String origin(GaePlugin plugin) {
        CodeSource source = plugin.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "unknown location" : location.toString();
    }

    public List<GaePlugin> plugins() {
        return plugins;
    }

    /** The factory of {@code kind} named {@code name}. */
    @Override
    public <F extends ComponentFactory<?>> F factory(ComponentKind<F> kind, String name) {
        Registered r = byKind.get(kind).get(name);
        if (r == null) {
            throw unknown(kind, name, byKind.get(kind).keySet());
        }
        return kind.factoryType().cast(r.factory());
    }

    /** Factories of {@code kind} by name, sorted by name. */
    public <F extends ComponentFactory<?>> Map<String, F> factories(ComponentKind<F> kind) {
        Map<String, F> out = new TreeMap<>();
        byKind.get(kind).forEach((name, r) -> out.put(name, kind.factoryType().cast(r.factory())));
        return Collections.unmodifiableMap(out);
    }

    /** The plugin that contributed a factory. */
    public GaePlugin pluginOf(ComponentKind<?> kind, String name) {
        Registered r = byKind.get(kind).get(name);
        if (r == null) {
            throw unknown(kind, name, byKind.get(kind).keySet());
        }
        return r.plugin();
    }

    /** The error for an unknown name, listing the known ones (shared with the testkit's one-factory lookup). */
    public static UnknownComponentException unknown(ComponentKind<?> kind, String name, Collection<String> known) {
        return new UnknownComponentException(String.format(
                Locale.ROOT,
                "Unknown %s '%s'; known %s: %s",
                kind.label(),
                name,
                kind.pluralLabel(),
                new TreeSet<>(known)));
    }

    private record Registered(GaePlugin plugin, ComponentFactory<?> factory) {}
}
