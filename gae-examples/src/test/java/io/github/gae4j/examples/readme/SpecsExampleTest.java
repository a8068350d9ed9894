// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

/** The README's spec snippet assembles: two hidden layers and a KL term of weight 0.5. */
final class SpecsExampleTest {

    @Test
    void theSpecAssemblesWithTwoHiddenLayersAndHalfTheKl() {
        ModelSpec spec = SpecsExample.deeperVgaeWithHalfTheKl();
        assertThat(spec.encoder().config().asMap()).containsEntry("hidden", "64,32");
        GraphAutoencoder model =
                new ModelAssembler(PluginRegistry.discover()).assemble(spec, new CreationContext(12, 30, 1L));
        assertThat(model.losses())
                .extracting(l -> l.name() + ":" + l.weight())
                .containsExactly("weighted-bce:1.0", "kl:0.5");
        assertThat(model.encoder().latentDim()).isEqualTo(16);
        assertThat(model.weights()).hasSizeGreaterThanOrEqualTo(3);
    }
}
