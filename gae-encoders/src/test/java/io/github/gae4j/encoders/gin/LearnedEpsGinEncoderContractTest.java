// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gin;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** Every option away from its default: learnable ε, three layers, three-layer MLPs with layer norm, dropout. */
final class LearnedEpsGinEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GinEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of(
                "hidden",
                4,
                "latent",
                3,
                "layers",
                3,
                "mlp-layers",
                3,
                "train-eps",
                true,
                "eps",
                0.1,
                "norm",
                "layer",
                "bias",
                false,
                "dropout",
                0.2);
    }
}
