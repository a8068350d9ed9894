// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.linear.LinearEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

final class LinearEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new LinearEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("latent", 3);
    }
}
