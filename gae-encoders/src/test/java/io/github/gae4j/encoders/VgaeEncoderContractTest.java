// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

final class VgaeEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new VariationalGcnEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", 4, "latent", 3);
    }
}
