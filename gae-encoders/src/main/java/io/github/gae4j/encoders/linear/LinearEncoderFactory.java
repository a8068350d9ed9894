package io.github.gae4j.encoders.linear;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import java.util.Set;

/** {@code linear}: option {@code latent} (16). */
public final class LinearEncoderFactory implements EncoderFactory {

    public static final String NAME = "linear";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("latent");
    }

    @Override
    public String description() {
        return "Linear one-hop encoder: Z = Â X W (Salha et al. 2020, Linear AE)";
    }

    @Override
    public Encoder create(ComponentConfig config, CreationContext context) {
        return new LinearEncoder(context.inputDim(), config.getPositiveInt("latent", 16), context.random());
    }
}
