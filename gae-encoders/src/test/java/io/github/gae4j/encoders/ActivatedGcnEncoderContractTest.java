// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** {@code gcn} as MaskGAE builds it: no hidden layer, the output layer batch-normalised and ELU-activated, dropout. */
final class ActivatedGcnEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GcnEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of(
                "hidden",
                "",
                "latent",
                3,
                "dropout",
                0.5,
                "norm",
                "batch",
                "bias",
                true,
                "activation",
                "elu",
                "activate-output",
                true);
    }

    /** The batch norm of this config normalises over all nodes: it cannot be trained on sampled subgraphs. */
    @Override
    public boolean supportsMiniBatch() {
        return false;
    }
}
