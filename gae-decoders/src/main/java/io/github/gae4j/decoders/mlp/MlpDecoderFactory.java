// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.mlp;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;

/**
 * {@code mlp}: option {@code hidden} ({@code 64}, MaskGAE's decoder width; a comma list such as
 * {@code 64,32} for more layers, or empty for a linear score) and {@code dropout} (0: the rate on every
 * hidden layer's input in training passes). Weights are drawn from the context's
 * seeded generator.
 */
public final class MlpDecoderFactory extends SimpleFactory<Decoder> implements DecoderFactory {

    public static final String NAME = "mlp";
    public static final String DEFAULT_HIDDEN = "64";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of(
                    "hidden", DEFAULT_HIDDEN, "hidden ReLU layer widths, e.g. 64 or 64,32; empty for a linear score"),
            Parameter.of("dropout", 0.0, "dropout rate on every hidden layer's input in training passes, in [0, 1)"));

    public MlpDecoderFactory() {
        super(
                NAME,
                "MLP(z_i ⊙ z_j) with ReLU hidden layers (MaskGAE's edge decoder); owns its weights; no fused"
                        + " kernel",
                PARAMETERS,
                MlpDecoderFactory::decoder);
    }

    private static Decoder decoder(ComponentConfig config, CreationContext context) {
        int[] hidden =
                config.describedAs("decoder '" + NAME + "'").getWidths("hidden", DEFAULT_HIDDEN, "a linear score");
        double dropout = config.describedAs("decoder '" + NAME + "'").getDropoutRate("dropout");
        return new MlpDecoder(context.inputDim(), hidden, dropout, context.random());
    }
}
