// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gin;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;

/**
 * {@code gin}: options {@code layers} (2), {@code hidden} (32), {@code latent} (16), {@code mlp-layers} (2),
 * {@code eps} (0), {@code train-eps} (false), {@code norm} ({@code batch}), {@code bias} (true), {@code dropout} (0).
 */
public final class GinEncoderFactory extends SimpleFactory<Encoder> implements EncoderFactory {

    public static final String NAME = "gin";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("layers", GinOptions.DEFAULT_LAYERS, "number of GIN layers"),
            Parameter.of(
                    "hidden",
                    GinOptions.DEFAULT_HIDDEN,
                    "width of every hidden layer's output and of each MLP's inner layers"),
            Parameter.of("latent", GinOptions.DEFAULT_LATENT, "width of the embeddings Z"),
            Parameter.of("mlp-layers", GinOptions.DEFAULT_MLP_LAYERS, "linear layers in each GIN layer's MLP"),
            Parameter.of("eps", 0.0, "ε in (1 + ε)·h_i + Σ_j h_j; the starting value when train-eps"),
            Parameter.of("train-eps", false, "learn ε, one per layer (GIN-ε); false keeps it fixed (GIN-0 at eps 0)"),
            Parameter.of(
                    "norm",
                    GinOptions.DEFAULT_NORM,
                    "normalisation with learnable gain and shift inside each MLP: none, batch" + " or layer"),
            Parameter.of("bias", true, "a bias on every linear layer"),
            Parameter.of("dropout", 0.0, "dropout rate on hidden representations while training, in [0, 1)"));

    public GinEncoderFactory() {
        super(
                NAME,
                "GIN: h' = MLP((1 + ε)·h + Σ neighbours h) (Xu et al. 2019); ε fixed or learnable",
                PARAMETERS,
                GinEncoderFactory::build);
    }

    private static Encoder build(ComponentConfig config, CreationContext context) {
        return new GinEncoder(context.inputDim(), GinOptions.from(config), context.random());
    }
}
