// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** {@code gcn} with every layer option on: two equal hidden layers (so one is residual), dropout, layer norm, bias. */
final class DeepGcnEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GcnEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of(
                "hidden", "4,4", "latent", 3, "dropout", 0.5, "norm", "layer", "residual", true, "bias", true);
    }
}
