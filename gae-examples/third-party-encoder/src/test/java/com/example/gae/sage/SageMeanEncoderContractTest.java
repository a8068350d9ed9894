// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

// tag::encoder-contract-test[]
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

final class SageMeanEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new SageMeanEncoderFactory();
    }

    @Override // optional: small sizes keep the gradient check fast
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", 4, "latent", 3);
    }
}
// end::encoder-contract-test[]
