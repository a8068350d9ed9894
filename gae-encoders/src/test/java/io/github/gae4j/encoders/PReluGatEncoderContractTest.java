// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.gat.GatEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** {@code gat} as GraphMAE builds it: PReLU with a learnable slope per layer, the output layer activated too. */
final class PReluGatEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GatEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of(
                "hidden",
                2,
                "heads",
                2,
                "out-heads",
                2,
                "latent",
                4,
                "concat-out",
                true,
                "activation",
                "prelu",
                "activate-output",
                true,
                "feat-dropout",
                0.2,
                "attn-dropout",
                0.1);
    }
}
