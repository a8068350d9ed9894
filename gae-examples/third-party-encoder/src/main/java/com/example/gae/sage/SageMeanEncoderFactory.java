package com.example.gae.sage;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import java.util.Set;

/** {@code sage-mean}: options {@code hidden} (32) and {@code latent} (16). */
public final class SageMeanEncoderFactory implements EncoderFactory {

    public static final String NAME = "sage-mean";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("hidden", "latent");
    }

    @Override
    public String description() {
        return "Two-layer GraphSAGE-mean, no sampling: Z = H V_self + D⁻¹A H V_neigh, H = ReLU(X W_self + D⁻¹A X W_neigh)";
    }

    @Override
    public Encoder create(ComponentConfig config, CreationContext context) {
        return new SageMeanEncoder(context.inputDim(), config.getPositiveInt("hidden", 32),
                config.getPositiveInt("latent", 16), context.random());
    }
}
