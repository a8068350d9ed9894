package io.github.gae4j.runtime.plugin;

import io.github.gae4j.core.error.PluginLoadException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The one ServiceLoader loop of gae4j (plugins, plugin Guice modules): every provider is tried, and
 * all broken ones are reported together instead of one broken jar hiding the rest.
 */
public final class ServiceDiscovery {

    private ServiceDiscovery() {
    }

    /**
     * Every provider of {@code service} visible to {@code classLoader}, in ServiceLoader order.
     *
     * @param what plural noun for the error message, e.g. {@code plugin(s)}
     * @throws PluginLoadException listing every provider that could not be loaded
     */
    public static <T> List<T> load(Class<T> service, ClassLoader classLoader, String what) {
        List<T> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        var iterator = ServiceLoader.load(service, classLoader).iterator();
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
            throw new PluginLoadException("Could not load " + failures.size() + " " + what + ": "
                    + String.join("; ", failures));
        }
        return found;
    }

    /** The jar (or directory) a provider's class came from, for messages. */
    public static String origin(Object provider) {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "unknown location" : location.toString();
    }
}
