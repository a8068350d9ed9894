package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code gcn}: options {@code latent} (16) and the layer options of {@link GcnOptions}: {@code hidden}
 * (32, or a comma list such as {@code 64,32}), {@code dropout} (0), {@code norm} ({@code none},
 * {@code batch} or {@code layer}), {@code residual} (false), {@code bias} (false).
 */
public final class GcnEncoderFactory implements EncoderFactory {

    public static final String NAME = "gcn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameterNames() {
        Set<String> names = new HashSet<>(GcnOptions.OPTION_NAMES);
        names.add("latent");
        return Set.copyOf(names);
    }

    @Override
    public String description() {
        return "GCN: Z = Â ReLU(Â X W0) W1 (Kipf & Welling GAE); more hidden layers, dropout, norm, residual, bias"
                + " as options";
    }

    @Override
    public Encoder create(ComponentConfig config, CreationContext context) {
        GcnOptions options = GcnOptions.from(config, "encoder '" + NAME + "'");
        return new GcnEncoder(context.inputDim(), options, config.getPositiveInt("latent", 16), context.random());
    }
}
