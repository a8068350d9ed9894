// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ModelSpecTest {

    @Test
    void everyPartHasAWithMethod() {
        ModelSpec spec = ModelSpec.gae()
                .withEncoder("gat", "hidden", List.of(64, 32))
                .withSampler("gaussian")
                .withDecoder(ComponentSpec.of("mlp", "hidden", new int[] {16}))
                .withLosses(LossSpec.of("weighted-bce"), LossSpec.of("kl", 0.5))
                .withCorruptions(ComponentSpec.of("edge-dropout", "rate", 0.2));
        assertThat(spec)
                .isEqualTo(new ModelSpec(
                        ComponentSpec.of("gat", "hidden", "64,32"),
                        ComponentSpec.of("gaussian"),
                        ComponentSpec.of("mlp", "hidden", "16"),
                        List.of(LossSpec.of("weighted-bce"), new LossSpec(ComponentSpec.of("kl"), 0.5)),
                        List.of(ComponentSpec.of("edge-dropout", "rate", "0.2"))));
        assertThat(spec.withLoss(LossSpec.of("kl").weight(0.1)).losses())
                .extracting(LossSpec::weight)
                .containsExactly(1.0, 0.5, 0.1);
        assertThat(spec.withCorruption(ComponentSpec.of("feature-mask")).corruptions())
                .extracting(ComponentSpec::name)
                .containsExactly("edge-dropout", "feature-mask");
        assertThat(ModelSpec.gae().withEncoder("vgae").withSampler("gaussian").withLoss(LossSpec.of("kl")))
                .isEqualTo(ModelSpec.vgae());
    }

    @Test
    void aModelKeepsAtLeastOneLoss() {
        assertThatThrownBy(() -> ModelSpec.gae().withLosses())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one loss term");
    }
}
