// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gat;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import io.github.gae4j.encoders.gcn.LayerOptionText;
import java.util.List;

/**
 * {@code gat}: a graph-attention encoder ({@link GatEncoder}), options as in {@link GatOptions}: {@code hidden}
 * (128), {@code heads} (4), {@code out-heads} (1), {@code latent} (128), {@code concat-out} (false),
 * {@code negative-slope} (0.2), {@code activation} ({@code elu}, {@code relu} or {@code prelu}),
 * {@code activate-output} (false), {@code feat-dropout} (0), {@code attn-dropout} (0), {@code residual} (false),
 * {@code bias} (true).
 */
public final class GatEncoderFactory extends SimpleFactory<Encoder> implements EncoderFactory {

    public static final String NAME = "gat";

    private static final List<Parameter> PARAMETERS = parameters(GatOptions.defaults());

    private static List<Parameter> parameters(GatOptions d) {
        return List.of(
                Parameter.of(
                        "hidden",
                        LayerOptionText.join(d.hidden()),
                        "per-head width of each hidden layer, first to last; a comma list such as 64,64 for more layers"),
                Parameter.of("heads", d.heads(), "attention heads of every hidden layer (concatenated)"),
                Parameter.of("out-heads", d.outHeads(), "attention heads of the output layer"),
                Parameter.of("latent", d.latent(), "width of the embeddings Z (the output layer's width)"),
                Parameter.of(
                        "concat-out",
                        d.concatOut(),
                        "concatenate the output heads (each latent/out-heads wide) instead of averaging them"),
                Parameter.of("negative-slope", d.negativeSlope(), "LeakyReLU slope of the attention logits, >= 0"),
                Parameter.of(
                        "activation",
                        d.activation().optionValue(),
                        "activation of the hidden layers: elu, relu or prelu (one learnable slope per layer)"),
                Parameter.of(
                        "activate-output",
                        d.activateOutput(),
                        "whether the output layer is activated too, as GraphMAE's encoder"),
                Parameter.of(
                        "feat-dropout",
                        d.featDropout(),
                        "dropout rate on every layer's input features while training, in [0, 1)"),
                Parameter.of(
                        "attn-dropout",
                        d.attnDropout(),
                        "dropout rate on the attention coefficients while training, in [0, 1)"),
                Parameter.of(
                        "residual",
                        d.residual(),
                        "add every layer's input to its output, through a linear projection where the widths differ"),
                Parameter.of("bias", d.bias(), "add a bias to every layer"));
    }

    public GatEncoderFactory() {
        super(
                NAME,
                "GAT: multi-head graph attention over A + I (Veličković et al. 2018; GraphMAE's encoder), heads"
                        + " concatenated in hidden layers and averaged in the output layer",
                PARAMETERS,
                GatEncoderFactory::build);
    }

    private static Encoder build(ComponentConfig config, CreationContext context) {
        return new GatEncoder(context.inputDim(), GatOptions.from(config, "encoder '" + NAME + "'"), context.random());
    }
}
