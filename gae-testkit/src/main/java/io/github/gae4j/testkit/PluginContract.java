// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link GaePlugin}. Implement it in a test class of the plugin's module and supply
 * {@link #plugin()}:
 *
 * <pre>{@code
 * final class MyPluginContractTest implements PluginContract {
 *     public GaePlugin plugin() { return new MyPlugin(); }
 * }
 * }</pre>
 *
 * <p>Checks: the plugin and every factory have non-blank kebab-case names, factory names are unique per
 * component kind, every factory's options (its {@code parameters()}, or for a plugin written before those, the
 * parameters derived from its {@code parameterNames()}) have unique kebab-case names, the two agreeing where a factory
 * overrides both, {@code spiVersion()} has the major version of {@link GaeSpi#VERSION}, and the plugin is found by
 * {@link java.util.ServiceLoader} on the test class path (so {@code META-INF/services/io.github.gae4j.core.spi.GaePlugin}
 * exists and names it) with every factory selectable by name.
 */
public interface PluginContract {

    /** A new instance of the plugin under test. */
    GaePlugin plugin();

    @Test
    default void pluginNameIsNonBlankKebabCase() {
        String name = plugin().name();
        assertThat(name).as("plugin name").isNotBlank().matches(Contracts.KEBAB_CASE);
    }

    @Test
    default void spiVersionMajorMatchesTheCore() {
        String version = plugin().spiVersion();
        assertThat(version).as("spiVersion() of plugin '%s'", plugin().name()).isNotBlank();
        assertThat(GaeSpi.major(version))
                .as("SPI major version of plugin '%s' (%s, core %s)", plugin().name(), version, GaeSpi.VERSION)
                .isEqualTo(GaeSpi.major(GaeSpi.VERSION));
    }

    @Test
    default void factoryNamesAreNonBlankKebabCaseAndUniquePerKind() {
        GaePlugin plugin = plugin();
        int total = 0;
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            Set<String> seen = new HashSet<>();
            for (ComponentFactory<?> factory : kind.factoriesOf(plugin)) {
                assertThat(factory)
                        .as("a %s factory of plugin '%s'", kind.label(), plugin.name())
                        .isNotNull();
                String name = factory.name();
                assertThat(name)
                        .as(
                                "name of %s factory %s",
                                kind.label(), factory.getClass().getName())
                        .isNotBlank()
                        .matches(Contracts.KEBAB_CASE);
                assertThat(seen.add(name))
                        .as("%s name '%s' is used twice in plugin '%s'", kind.label(), name, plugin.name())
                        .isTrue();
                Contracts.assertWellFormedParameters(kind, factory);
                total++;
            }
        }
        assertThat(total)
                .as("factories contributed by plugin '%s'", plugin.name())
                .isPositive();
    }

    @Test
    default void isDiscoveredByServiceLoaderWithEveryFactorySelectableByName() {
        GaePlugin plugin = plugin();
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThat(registry.plugins())
                .as(
                        "plugins found by ServiceLoader (is META-INF/services/%s present and naming %s?)",
                        GaePlugin.class.getName(), plugin.getClass().getName())
                .anySatisfy(p -> {
                    assertThat(p.getClass()).isEqualTo(plugin.getClass());
                    assertThat(p.name()).isEqualTo(plugin.name());
                });
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            for (ComponentFactory<?> factory : kind.factoriesOf(plugin)) {
                assertThat(registry.factory(kind, factory.name()).getClass())
                        .as("%s '%s' from the registry", kind.label(), factory.name())
                        .isEqualTo(factory.getClass());
                assertThat(registry.pluginOf(kind, factory.name()).name())
                        .as("plugin of %s '%s'", kind.label(), factory.name())
                        .isEqualTo(plugin.name());
            }
        }
    }
}
