// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

final class GcnEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GcnEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", 4, "latent", 3);
    }
}
