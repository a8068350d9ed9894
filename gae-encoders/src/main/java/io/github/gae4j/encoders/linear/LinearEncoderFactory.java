// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.linear;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import java.util.List;

/** {@code linear}: option {@code latent} (16). */
public final class LinearEncoderFactory extends SimpleFactory<Encoder> implements EncoderFactory {

    public static final String NAME = "linear";

    private static final List<Parameter> PARAMETERS =
            List.of(Parameter.of("latent", GcnEncoderFactory.DEFAULT_LATENT, "width of the embeddings Z"));

    public LinearEncoderFactory() {
        super(
                NAME,
                "Linear one-hop encoder: Z = Â X W (Salha et al. 2020, Linear AE)",
                PARAMETERS,
                LinearEncoderFactory::build);
    }

    private static Encoder build(ComponentConfig config, CreationContext context) {
        return new LinearEncoder(
                context.inputDim(),
                config.getPositiveInt("latent", GcnEncoderFactory.DEFAULT_LATENT),
                context.random());
    }
}
