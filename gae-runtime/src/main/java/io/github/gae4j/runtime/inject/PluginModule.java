package io.github.gae4j.runtime.inject;

import com.google.inject.Module;

/**
 * A Guice module a plugin contributes, for its own services and options (like Druid's extension
 * modules). Listed in {@code META-INF/services/io.github.gae4j.runtime.inject.PluginModule} and found
 * by {@link PluginModules#discover}. It is installed beside the core's bindings, never over them:
 * binding a key the core already binds fails when the injector is created. Component factories are
 * not registered here; they come from the plugin's {@code GaePlugin}.
 */
public interface PluginModule extends Module {

    /** A unique, stable name for messages, e.g. {@code gae-example-sage}. */
    String name();
}
