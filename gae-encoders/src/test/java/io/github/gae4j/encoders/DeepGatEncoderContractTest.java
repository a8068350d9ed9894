// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.gat.GatEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/**
 * {@code gat} with every option away from its default: two hidden layers of 2 heads × 2 (so the second has an
 * identity residual, the first a projection), two concatenated output heads (identity residual again), ReLU,
 * both dropouts, no bias, another LeakyReLU slope.
 */
final class DeepGatEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GatEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of(
                "hidden",
                "2,2",
                "heads",
                2,
                "out-heads",
                2,
                "latent",
                4,
                "concat-out",
                true,
                "negative-slope",
                0.1,
                "activation",
                "relu",
                "feat-dropout",
                0.3,
                "attn-dropout",
                0.2,
                "residual",
                true,
                "bias",
                false);
    }
}
