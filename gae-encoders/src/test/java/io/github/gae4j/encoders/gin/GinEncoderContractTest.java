// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gin;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** The defaults but small: GIN-0, two layers of a two-layer MLP with batch norm, biases. */
final class GinEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new GinEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", 4, "latent", 3);
    }

    /** GIN's default batch norm (norm = batch) normalises over all nodes: it cannot be trained on sampled subgraphs. */
    @Override
    public boolean supportsMiniBatch() {
        return false;
    }
}
