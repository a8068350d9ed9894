// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.linear.VariationalLinearEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

final class LinearVgaeEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new VariationalLinearEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("latent", 3);
    }
}
