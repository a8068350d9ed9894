// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.gat.GatEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** {@code gat} whose output layer averages three heads, with a residual projection on every layer. */
final class MeanHeadsGatEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GatEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", 2, "heads", 3, "out-heads", 3, "latent", 3, "residual", true);
    }
}
