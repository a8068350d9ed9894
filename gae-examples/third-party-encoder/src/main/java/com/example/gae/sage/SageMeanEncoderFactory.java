// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Parameter;
import java.util.List;

/** {@code sage-mean}: options {@code hidden} (32) and {@code latent} (16). */
public final class SageMeanEncoderFactory implements EncoderFactory {

    public static final String NAME = "sage-mean";
    public static final int DEFAULT_HIDDEN = 32;
    public static final int DEFAULT_LATENT = 16;

    /** The options with their defaults and help, as {@code gae plugins} lists them. */
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("hidden", DEFAULT_HIDDEN, "width of the hidden layer H"),
            Parameter.of("latent", DEFAULT_LATENT, "width of the embeddings Z"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String description() {
        return "Two-layer GraphSAGE-mean, no sampling: Z = H V_self + D⁻¹A H V_neigh, H = ReLU(X W_self + D⁻¹A X W_neigh)";
    }

    @Override
    public Encoder create(ComponentConfig config, CreationContext context) {
        return new SageMeanEncoder(
                context.inputDim(),
                config.getPositiveInt("hidden", DEFAULT_HIDDEN),
                config.getPositiveInt("latent", DEFAULT_LATENT),
                context.random());
    }
}
