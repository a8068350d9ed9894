// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.PluginLoadException;
import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.runtime.optim.OptimizersPlugin;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PluginRegistryTest {

    private record Encoders(String name) implements EncoderFactory {
        @Override
        public Encoder create(ComponentConfig config, CreationContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private record Decoders(String name) implements DecoderFactory {
        @Override
        public Decoder create(ComponentConfig config, CreationContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private record Plugin(String name, String spiVersion, List<EncoderFactory> encoders, List<DecoderFactory> decoders)
            implements GaePlugin {
        static Plugin of(String name, String... encoderNames) {
            return new Plugin(
                    name,
                    GaeSpi.VERSION,
                    java.util.Arrays.stream(encoderNames)
                            .<EncoderFactory>map(Encoders::new)
                            .toList(),
                    List.of());
        }
    }

    @Test
    void findsFactoriesByKindAndName() {
        Plugin a = Plugin.of("alpha", "gcn", "linear");
        Plugin b = new Plugin("beta", GaeSpi.VERSION, List.of(new Encoders("mlp")), List.of(new Decoders("gcn")));
        PluginRegistry registry = PluginRegistry.of(List.of(a, b));
        assertThat(registry.plugins()).containsExactly(a, b);
        assertThat(registry.factory(ComponentKind.ENCODER, "linear"))
                .isSameAs(a.encoders().get(1));
        // The same name may be used by different kinds.
        assertThat(registry.factory(ComponentKind.DECODER, "gcn"))
                .isSameAs(b.decoders().get(0));
        assertThat(registry.factories(ComponentKind.ENCODER)).containsOnlyKeys("gcn", "linear", "mlp");
        assertThat(registry.factories(ComponentKind.ENCODER).keySet()).containsExactly("gcn", "linear", "mlp");
        assertThat(registry.factories(ComponentKind.LOSS)).isEmpty();
        assertThat(registry.pluginOf(ComponentKind.ENCODER, "mlp")).isSameAs(b);
    }

    @Test
    void unknownNameListsKnownNames() {
        PluginRegistry registry = PluginRegistry.of(List.of(Plugin.of("alpha", "vgae", "gcn")));
        assertThatThrownBy(() -> registry.factory(ComponentKind.ENCODER, "gnc"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("Unknown encoder 'gnc'; known encoders: [gcn, vgae]");
        assertThatThrownBy(() -> registry.factory(ComponentKind.SAMPLER, "identity"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("Unknown sampler 'identity'; known samplers: []");
        assertThatThrownBy(() -> registry.pluginOf(ComponentKind.ENCODER, "x"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("Unknown encoder 'x'");
    }

    @Test
    void duplicateComponentNameAcrossPluginsNamesBothPlugins() {
        List<GaePlugin> plugins = List.of(Plugin.of("alpha", "gcn"), Plugin.of("beta", "mlp", "gcn"));
        assertThatThrownBy(() -> PluginRegistry.of(plugins))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("Duplicate encoder name 'gcn'")
                .hasMessageContaining("plugin 'alpha'")
                .hasMessageContaining("plugin 'beta'");
    }

    @Test
    void duplicateNameWithinOnePluginFails() {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(Plugin.of("alpha", "gcn", "gcn"))))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("Duplicate encoder name 'gcn'");
    }

    @Test
    void duplicatePluginNameFails() {
        List<GaePlugin> plugins = List.of(Plugin.of("alpha", "gcn"), Plugin.of("alpha", "mlp"));
        assertThatThrownBy(() -> PluginRegistry.of(plugins))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("Duplicate plugin name 'alpha'");
    }

    @Test
    void otherSpiMajorVersionIsRefused() {
        Plugin future = new Plugin("future", "2.0", List.of(), List.of());
        assertThatThrownBy(() -> PluginRegistry.of(List.of(future)))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("Plugin 'future'")
                .hasMessageContaining("built for SPI version 2.0")
                .hasMessageContaining("this gae4j has SPI version " + GaeSpi.VERSION);
        Plugin garbled = new Plugin("garbled", "one", List.of(), List.of());
        assertThatThrownBy(() -> PluginRegistry.of(List.of(garbled)))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("SPI version one");
        Plugin minor = new Plugin("minor", "1.7", List.of(new Encoders("gcn")), List.of());
        assertThat(PluginRegistry.of(List.of(minor)).factories(ComponentKind.ENCODER))
                .containsKey("gcn");
    }

    @Test
    void blankFactoryNameFails() {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(Plugin.of("alpha", " "))))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("Plugin 'alpha'")
                .hasMessageContaining("encoder factory")
                .hasMessageContaining("blank name");
        assertThatThrownBy(() -> PluginRegistry.of(
                        List.of(new Plugin("beta", GaeSpi.VERSION, List.of(), List.of(new Decoders(null))))))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("decoder factory")
                .hasMessageContaining("blank name");
    }

    @Test
    void nullFactoryListIsEmpty() {
        Plugin nulls = new Plugin("nulls", GaeSpi.VERSION, null, null);
        PluginRegistry registry = PluginRegistry.of(List.of(nulls));
        assertThat(registry.factories(ComponentKind.ENCODER)).isEmpty();
        assertThat(ComponentKind.ENCODER.factoriesOf(nulls)).isEmpty();
    }

    private static ClassLoader withServiceFile(Path dir, String... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve(GaePlugin.class.getName()),
                String.join("\n", providers) + "\n",
                StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PluginRegistryTest.class.getClassLoader());
    }

    @Test
    void discoverFindsPluginsListedInServiceFiles(@TempDir Path dir) throws IOException {
        PluginRegistry registry = PluginRegistry.discover(withServiceFile(dir, FakeEncoderPlugin.class.getName()));
        // The runtime's own built-in optimisers come through the parent's service file, the same path.
        assertThat(registry.plugins())
                .extracting(p -> (Object) p.getClass())
                .containsExactlyInAnyOrder(FakeEncoderPlugin.class, OptimizersPlugin.class);
        assertThat(registry.factories(ComponentKind.ENCODER)).containsOnlyKeys(FakeEncoderPlugin.ENCODER);
        assertThat(registry.pluginOf(ComponentKind.ENCODER, FakeEncoderPlugin.ENCODER)
                        .name())
                .isEqualTo(FakeEncoderPlugin.NAME);
        assertThat(PluginRegistry.origin(registry.pluginOf(ComponentKind.ENCODER, FakeEncoderPlugin.ENCODER)))
                .isNotEqualTo("unknown location");
    }

    @Test
    void discoverOnTheRuntimeClasspathFindsOnlyTheBuiltInOptimizers() {
        // gae-core ships no plugins, the runtime only its optimisers, and the test classes deliberately register none.
        PluginRegistry registry = PluginRegistry.discover(PluginRegistryTest.class.getClassLoader());
        assertThat(registry.plugins()).singleElement().isInstanceOf(OptimizersPlugin.class);
        assertThat(registry.factories(ComponentKind.OPTIMIZER)).containsOnlyKeys("adam", "adamw", "sgd");
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            if (kind != ComponentKind.OPTIMIZER) {
                assertThat(registry.factories(kind)).as(kind.label()).isEmpty();
            }
        }
    }

    @Test
    void discoverReportsBrokenProviders(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServiceFile(dir, FakeEncoderPlugin.class.getName(), "com.example.MissingPlugin");
        assertThatThrownBy(() -> PluginRegistry.discover(loader))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("Could not load 1 plugin(s)")
                .hasMessageContaining("com.example.MissingPlugin");
    }

    @Test
    void discoverRefusesTheSamePluginTwice(@TempDir Path dir) throws IOException {
        Path second = Files.createDirectories(dir.resolve("second"));
        ClassLoader first = withServiceFile(dir.resolve("first"), FakeEncoderPlugin.class.getName());
        ClassLoader both = new URLClassLoader(new URL[] {second.toUri().toURL()}, first);
        withServiceFile(second, DuplicateFakePlugin.class.getName());
        assertThatThrownBy(() -> PluginRegistry.discover(both))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("Duplicate plugin name '" + FakeEncoderPlugin.NAME + "'");
    }

    /** Claims the fake plugin's name: what a jar on the class path twice looks like. */
    public static final class DuplicateFakePlugin implements GaePlugin {
        @Override
        public String name() {
            return FakeEncoderPlugin.NAME;
        }

        @Override
        public String spiVersion() {
            return GaeSpi.VERSION;
        }
    }
}
