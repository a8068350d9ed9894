// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.linear;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoder;
import java.util.List;

/** {@code linear-vgae}: options {@code latent} (16) and {@code max-log-std} (10), as {@code vgae}. */
public final class VariationalLinearEncoderFactory extends SimpleFactory<Encoder> implements EncoderFactory {

    public static final String NAME = "linear-vgae";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("latent", GcnEncoderFactory.DEFAULT_LATENT, "width of μ, log σ and Z"),
            Parameter.of("max-log-std", VariationalGcnEncoder.DEFAULT_MAX_LOG_STD, "upper clamp of log σ"));

    public VariationalLinearEncoderFactory() {
        super(
                NAME,
                "Linear one-hop variational encoder: μ = Â X Wμ, log σ = Â X Wσ (Salha et al. 2020, Linear VAE)",
                PARAMETERS,
                VariationalLinearEncoderFactory::build);
    }

    private static Encoder build(ComponentConfig config, CreationContext context) {
        return new VariationalLinearEncoder(
                context.inputDim(),
                config.getPositiveInt("latent", GcnEncoderFactory.DEFAULT_LATENT),
                config.getDouble("max-log-std", VariationalGcnEncoder.DEFAULT_MAX_LOG_STD, 1e-3, 700.0),
                context.random());
    }
}
