package io.github.gae4j.runtime.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Key;
import com.google.inject.name.Names;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.core.error.PluginLoadException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PluginModulesTest {

    /** A plugin's own service, bound by its module. */
    public static final class GreetingModule extends AbstractModule implements PluginModule {
        @Override
        public String name() {
            return "greeting";
        }

        @Override
        protected void configure() {
            bind(String.class).annotatedWith(Names.named("greeting")).toInstance("hello from a plugin");
        }
    }

    /** Same name as {@link GreetingModule}: a second jar shipping the same module. */
    public static final class OtherGreetingModule extends AbstractModule implements PluginModule {
        @Override
        public String name() {
            return "greeting";
        }

        @Override
        protected void configure() {
        }
    }

    /** Tries to rebind a core binding. */
    public static final class RebindingModule extends AbstractModule implements PluginModule {
        @Override
        public String name() {
            return "rebinding";
        }

        @Override
        protected void configure() {
            bind(ModelAssembler.class).toInstance(new ModelAssembler(null));
        }
    }

    private static ClassLoader withServices(Path dir, String... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(PluginModule.class.getName()), String.join("\n", providers) + "\n",
                StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PluginModulesTest.class.getClassLoader());
    }

    @Test
    void pluginModulesAreDiscoveredAndTheirBindingsReachTheInjector(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, GreetingModule.class.getName());
        assertThat(PluginModules.discover(loader)).extracting(PluginModule::name).containsExactly("greeting");
        var injector = GaeInjectors.create(loader);
        assertThat(injector.getInstance(Key.get(String.class, Names.named("greeting")))).isEqualTo("hello from a plugin");
        assertThat(injector.getInstance(ModelAssembler.class)).isNotNull();
    }

    @Test
    void twoModulesWithOneNameFailNamingBoth(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, GreetingModule.class.getName(), OtherGreetingModule.class.getName());
        assertThatThrownBy(() -> PluginModules.discover(loader))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("Duplicate plugin module name 'greeting'")
                .hasMessageContaining(GreetingModule.class.getName())
                .hasMessageContaining(OtherGreetingModule.class.getName());
    }

    @Test
    void aBrokenEntryIsReported(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, "com.example.Missing");
        assertThatThrownBy(() -> PluginModules.discover(loader))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("com.example.Missing");
    }

    @Test
    void aPluginModuleCannotRebindTheCore(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, RebindingModule.class.getName());
        assertThatThrownBy(() -> GaeInjectors.create(loader))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("ModelAssembler");
    }
}
