package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import java.util.Set;

/** {@code gcn}: options {@code hidden} (32) and {@code latent} (16). */
public final class GcnEncoderFactory implements EncoderFactory {

    public static final String NAME = "gcn";

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
        return "Two-layer GCN: Z = Â ReLU(Â X W0) W1 (Kipf & Welling GAE)";
    }

    @Override
    public Encoder create(ComponentConfig config, CreationContext context) {
        return new GcnEncoder(context.inputDim(), config.getPositiveInt("hidden", 32),
                config.getPositiveInt("latent", 16), context.random());
    }
}
