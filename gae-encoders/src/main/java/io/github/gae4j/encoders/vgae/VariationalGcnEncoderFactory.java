// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.vgae;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import io.github.gae4j.encoders.gcn.GcnOptions;
import java.util.List;

/**
 * {@code vgae}: options {@code latent} (16), {@code max-log-std} (10) and the layer options of
 * {@link GcnOptions}: {@code hidden} (32, or a comma list such as {@code 64,32}), {@code dropout} (0),
 * {@code norm} ({@code none}, {@code batch} or {@code layer}), {@code residual} (false), {@code bias} (false),
 * {@code activation} ({@code relu} or {@code elu}).
 */
public final class VariationalGcnEncoderFactory extends SimpleFactory<Encoder> implements EncoderFactory {

    public static final String NAME = "vgae";

    private static final List<Parameter> PARAMETERS = GcnEncoderFactory.withLayers(
            Parameter.of("latent", GcnEncoderFactory.DEFAULT_LATENT, "width of μ, log σ and Z"),
            Parameter.of("max-log-std", VariationalGcnEncoder.DEFAULT_MAX_LOG_STD, "upper clamp of log σ"));

    public VariationalGcnEncoderFactory() {
        super(
                NAME,
                "Variational GCN: shared H = ReLU(Â X W0), μ = Â H Wμ, log σ = Â H Wσ (Kipf & Welling VGAE);"
                        + " more hidden layers, dropout, norm, residual, bias as options",
                PARAMETERS,
                VariationalGcnEncoderFactory::build);
    }

    private static Encoder build(ComponentConfig config, CreationContext context) {
        GcnOptions options = GcnOptions.from(config, "encoder '" + NAME + "'");
        return new VariationalGcnEncoder(
                context.inputDim(),
                options,
                config.getPositiveInt("latent", GcnEncoderFactory.DEFAULT_LATENT),
                config.getDouble("max-log-std", VariationalGcnEncoder.DEFAULT_MAX_LOG_STD, 1e-3, 700.0),
                context.random());
    }
}
