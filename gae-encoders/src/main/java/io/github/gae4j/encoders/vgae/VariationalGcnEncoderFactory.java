package io.github.gae4j.encoders.vgae;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import java.util.Set;

/** {@code vgae}: options {@code hidden} (32), {@code latent} (16), {@code max-log-std} (10). */
public final class VariationalGcnEncoderFactory implements EncoderFactory {

    public static final String NAME = "vgae";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("hidden", "latent", "max-log-std");
    }

    @Override
    public String description() {
        return "Variational GCN: shared H = ReLU(Â X W0), μ = Â H Wμ, log σ = Â H Wσ (Kipf & Welling VGAE)";
    }

    @Override
    public Encoder create(ComponentConfig config, CreationContext context) {
        return new VariationalGcnEncoder(context.inputDim(), config.getPositiveInt("hidden", 32),
                config.getPositiveInt("latent", 16), config.getDouble("max-log-std", 10.0, 1e-3, 700.0),
                context.random());
    }
}
