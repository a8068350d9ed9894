package io.github.gae4j.runtime.inject;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the application's one injector: the discovered factories ({@link PluginsModule}), the
 * model assembly ({@link ModelModule}), every {@link PluginModule} on the class loader, and the
 * application's own modules. Call it once, in {@code main}.
 */
public final class GaeInjectors {

    private GaeInjectors() {
    }

    public static Injector create(ClassLoader classLoader, Module... applicationModules) {
        PluginRegistry registry = PluginRegistry.discover(classLoader);
        List<Module> modules = new ArrayList<>();
        modules.add(new PluginsModule(registry));
        modules.add(new ModelModule());
        modules.addAll(PluginModules.discover(classLoader));
        modules.addAll(List.of(applicationModules));
        return Guice.createInjector(modules);
    }
}
