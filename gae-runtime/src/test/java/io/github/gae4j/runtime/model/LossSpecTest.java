// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class LossSpecTest {

    @Test
    void weightByName() {
        LossSpec expected = new LossSpec(ComponentSpec.of("kl"), 0.5);
        assertThat(LossSpec.of("kl").weight(0.5)).isEqualTo(expected);
        assertThat(LossSpec.of("kl", 0.5)).isEqualTo(expected);
        assertThat(LossSpec.of("kl").name()).isEqualTo("kl");
        assertThat(LossSpec.of("kl").weight()).isEqualTo(1.0);
    }

    @Test
    void optionsAndWeightTogether() {
        LossSpec l = LossSpec.of("feature-sce", "gamma", 3).weight(0.25);
        assertThat(l.component()).isEqualTo(ComponentSpec.of("feature-sce", "gamma", "3"));
        assertThat(l.weight()).isEqualTo(0.25);
        assertThat(LossSpec.of("feature-sce").weight(0.25).options("gamma", 3)).isEqualTo(l);
    }

    @Test
    void weightMustBeFinite() {
        assertThatThrownBy(() -> LossSpec.of("kl").weight(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Loss weight must be finite, got NaN");
    }
}
