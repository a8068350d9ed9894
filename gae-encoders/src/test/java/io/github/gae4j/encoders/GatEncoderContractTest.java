// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.gat.GatEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** {@code gat} with small sizes: one hidden layer of 2 heads × 3, one output head of 4, ELU, bias. */
final class GatEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GatEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", 3, "heads", 2, "latent", 4);
    }
}
