// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** {@code vgae} with every layer option on: three hidden layers (the last residual), dropout, batch norm, bias. */
final class DeepVgaeEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new VariationalGcnEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of(
                "hidden", "5,4,4", "latent", 3, "dropout", 0.3, "norm", "batch", "residual", true, "bias", true);
    }

    /** The batch norm of this config normalises over all nodes: it cannot be trained on sampled subgraphs. */
    @Override
    public boolean supportsMiniBatch() {
        return false;
    }
}
