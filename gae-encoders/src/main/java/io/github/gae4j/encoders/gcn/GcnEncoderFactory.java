// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gcn}: options {@code latent} (16), {@code activate-output} (false) and the layer options of
 * {@link GcnOptions}: {@code hidden} (32, a comma list such as {@code 64,32}, or empty), {@code dropout} (0),
 * {@code norm} ({@code none}, {@code batch} or {@code layer}), {@code residual} (false), {@code bias} (false),
 * {@code activation} ({@code relu} or {@code elu}).
 */
public final class GcnEncoderFactory extends SimpleFactory<Encoder> implements EncoderFactory {

    public static final String NAME = "gcn";
    public static final int DEFAULT_LATENT = 16;

    /** The layer options of {@link GcnOptions}, with the defaults of {@link GcnOptions#defaults()}. */
    public static final List<Parameter> LAYER_PARAMETERS = layerParameters();

    private static final List<Parameter> PARAMETERS = withLayers(
            Parameter.of("latent", DEFAULT_LATENT, "width of the embeddings Z"),
            Parameter.of(
                    GcnOptions.ACTIVATE_OUTPUT,
                    false,
                    "normalise and activate the output layer too, as MaskGAE's encoder does"));

    /** {@code first}, then {@link #LAYER_PARAMETERS}. */
    public static List<Parameter> withLayers(Parameter... first) {
        List<Parameter> all = new ArrayList<>(List.of(first));
        all.addAll(LAYER_PARAMETERS);
        return List.copyOf(all);
    }

    private static List<Parameter> layerParameters() {
        GcnOptions d = GcnOptions.defaults();
        List<Parameter> layers = List.of(
                Parameter.of(
                        "hidden",
                        String.join(
                                ",", d.hidden().stream().map(String::valueOf).toList()),
                        "hidden layer widths, first to last; a comma list such as 64,32 for more layers, empty for"
                                + " none"),
                Parameter.of("dropout", d.dropout(), "dropout rate on every layer's input while training, in [0, 1)"),
                Parameter.of(
                        "norm", d.norm().optionValue(), "normalisation of the hidden layers: none, batch or layer"),
                Parameter.of(
                        "residual",
                        d.residual(),
                        "add a hidden layer's input to its output where two consecutive widths match (e.g. 32,32)"),
                Parameter.of("bias", d.bias(), "add a bias to every layer"),
                Parameter.of(
                        "activation",
                        d.activation().optionValue(),
                        "activation of the hidden layers: relu, elu or prelu (one learnable slope per layer)"));
        if (!Parameter.names(layers).equals(GcnOptions.OPTION_NAMES)) {
            throw new IllegalStateException(
                    "Layer parameters " + Parameter.names(layers) + " differ from " + GcnOptions.OPTION_NAMES);
        }
        return layers;
    }

    public GcnEncoderFactory() {
        super(
                NAME,
                "GCN: Z = Â ReLU(Â X W0) W1 (Kipf & Welling GAE); hidden layers, dropout, norm, residual, bias,"
                        + " activation as options",
                PARAMETERS,
                GcnEncoderFactory::build);
    }

    private static Encoder build(ComponentConfig config, CreationContext context) {
        GcnOptions options = GcnOptions.from(config, "encoder '" + NAME + "'")
                .withActivateOutput(config.getBoolean(GcnOptions.ACTIVATE_OUTPUT, false));
        return new GcnEncoder(
                context.inputDim(), options, config.getPositiveInt("latent", DEFAULT_LATENT), context.random());
    }
}
