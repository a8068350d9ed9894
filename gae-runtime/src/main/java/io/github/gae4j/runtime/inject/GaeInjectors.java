// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.inject;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the application's one injector: {@link GaeModule} over the plugin registry, plus the
 * application's own modules (which may add bindings but not rebind the registry or the assembler:
 * Guice refuses a second binding of a key). Call it once, where the application starts.
 */
public final class GaeInjectors {

    private GaeInjectors() {}

    /** Discovers the plugins visible to {@code classLoader} and builds the injector over them. */
    public static Injector create(ClassLoader classLoader, Module... applicationModules) {
        return create(PluginRegistry.discover(classLoader), applicationModules);
    }

    /** The injector over an existing registry (tests, applications that chose their plugins). */
    public static Injector create(PluginRegistry registry, Module... applicationModules) {
        List<Module> modules = new ArrayList<>();
        modules.add(new GaeModule(registry));
        modules.addAll(List.of(applicationModules));
        return Guice.createInjector(modules);
    }
}
