// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

/** Every built-in plugin is found through ServiceLoader, by name, with all modules on one class path. */
final class BuiltInPluginsTest {

    private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    @Test
    void everyBuiltInComponentIsDiscoveredByName() {
        assertThat(registry.plugins())
                .extracting(p -> p.name())
                .contains("gae-encoders", "gae-decoders", "gae-losses", "gae-datasets", "gae-optimizers");
        assertThat(registry.factories(ComponentKind.ENCODER)).containsKeys("gcn", "vgae");
        assertThat(registry.factories(ComponentKind.SAMPLER)).containsKeys("gaussian", "identity");
        assertThat(registry.factories(ComponentKind.DECODER)).containsKeys("inner-product");
        assertThat(registry.factories(ComponentKind.LOSS)).containsKeys("weighted-bce", "negative-sampling-bce", "kl");
        assertThat(registry.factories(ComponentKind.DATASET)).containsKeys("linqs", "sbm");
        assertThat(registry.factories(ComponentKind.OPTIMIZER)).containsKeys("adam", "adamw", "sgd");
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            registry.factories(kind)
                    .forEach((name, factory) -> assertThat(factory.name()).isEqualTo(name));
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> registry.factory(ComponentKind.ENCODER, "gnc"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessage("Unknown encoder 'gnc'; known encoders: [gat, gcn, gin, linear, linear-vgae, vgae]");
    }
}
