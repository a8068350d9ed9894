package com.example.gae.sage;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

final class SageMeanEncoderContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new SageMeanEncoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", 4, "latent", 3);
    }
}
