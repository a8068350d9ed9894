// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gat;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.encoders.gcn.Activation;
import io.github.gae4j.encoders.gcn.LayerOptionText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The options of the {@code gat} encoder; {@link #defaults()} gives each option's default.
 *
 * @param hidden        per-head widths of the hidden layers, first to last (option {@code hidden}: {@code 128} or a
 *                      comma list such as {@code 64,64}); a hidden layer's output is its heads concatenated
 * @param heads         attention heads of every hidden layer (option {@code heads})
 * @param outHeads      attention heads of the output layer (option {@code out-heads})
 * @param latent        width of the embeddings Z, the output layer's width (option {@code latent})
 * @param concatOut     whether the output layer concatenates its heads (each {@code latent / out-heads} wide)
 *                      rather than averaging them (each {@code latent} wide; option {@code concat-out})
 * @param negativeSlope LeakyReLU slope of the attention logits (option {@code negative-slope})
 * @param activation    activation of the hidden layers (option {@code activation})
 * @param featDropout   dropout rate on every layer's input features, training only (option {@code feat-dropout})
 * @param attnDropout   dropout rate on the attention coefficients, training only (option {@code attn-dropout})
 * @param residual      whether every layer adds its input, through a linear projection (no bias) when the widths
 *                      differ (option {@code residual})
 * @param bias          whether every layer adds a bias (option {@code bias})
 * @param activateOutput whether the output layer is activated too (option {@code activate-output}; GraphMAE's
 *                      encoder does this)
 */
public record GatOptions(
        List<Integer> hidden,
        int heads,
        int outHeads,
        int latent,
        boolean concatOut,
        double negativeSlope,
        Activation activation,
        double featDropout,
        double attnDropout,
        boolean residual,
        boolean bias,
        boolean activateOutput) {

    public GatOptions {
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden is null"));
        Objects.requireNonNull(activation, "activation is null");
        if (hidden.isEmpty() || hidden.stream().anyMatch(w -> w < 1) || heads < 1 || outHeads < 1 || latent < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Sizes must be positive: hidden %s, heads %d, out-heads %d, latent %d",
                    hidden,
                    heads,
                    outHeads,
                    latent));
        }
        if (concatOut && latent % outHeads != 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "latent %d is not a multiple of out-heads %d, as concatenated output heads need",
                    latent,
                    outHeads));
        }
        if (!(negativeSlope >= 0) || !Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("negative-slope must be finite and >= 0, got " + negativeSlope);
        }
        for (double rate : new double[] {featDropout, attnDropout}) {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("Dropout rates must be in [0, 1), got " + rate);
            }
        }
    }

    public static final int DEFAULT_HIDDEN = 128;
    public static final int DEFAULT_HEADS = 4;
    public static final int DEFAULT_OUT_HEADS = 1;
    public static final int DEFAULT_LATENT = 128;
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.2;

    /**
     * One hidden layer of 4 heads × 128, one output head of 128, ELU, no dropout, no residual, bias, plain
     * output.
     */
    public static GatOptions defaults() {
        return new GatOptions(
                List.of(DEFAULT_HIDDEN),
                DEFAULT_HEADS,
                DEFAULT_OUT_HEADS,
                DEFAULT_LATENT,
                false,
                DEFAULT_NEGATIVE_SLOPE,
                Activation.ELU,
                0.0,
                0.0,
                false,
                true,
                false);
    }

    /** Per-head width of the output layer. */
    public int outHeadWidth() {
        return concatOut ? latent / outHeads : latent;
    }

    /**
     * Reads the options from {@code config}, each defaulting as in {@link #defaults()}.
     *
     * @param component the component for messages, e.g. {@code encoder 'gat'}
     * @throws ConfigException naming the option and its allowed values
     */
    public static GatOptions from(ComponentConfig config, String component) {
        GatOptions d = defaults();
        List<Integer> hidden = LayerOptionText.hidden(
                config, component, DEFAULT_HIDDEN, "the per-head width of each hidden layer, such as '64,64'");
        int heads = config.getPositiveInt("heads", d.heads());
        int outHeads = config.getPositiveInt("out-heads", d.outHeads());
        int latent = config.getPositiveInt("latent", d.latent());
        boolean concatOut = config.getBoolean("concat-out", d.concatOut());
        if (concatOut && latent % outHeads != 0) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Option 'latent' of %s must be a multiple of 'out-heads' when 'concat-out' is true (each head"
                            + " gives latent / out-heads columns), got latent %d and out-heads %d",
                    component,
                    latent,
                    outHeads));
        }
        double slope = config.getDouble("negative-slope", d.negativeSlope());
        if (slope < 0) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Option 'negative-slope' of %s must be a number >= 0 (the LeakyReLU slope of the attention"
                            + " logits for negative inputs), got '%s'",
                    component,
                    config.getString("negative-slope", "")));
        }
        Activation activation =
                LayerOptionText.choice(config, "activation", component, d.activation(), Activation::optionValue);
        double featDropout = config.describedAs(component).getDropoutRate("feat-dropout");
        double attnDropout = config.describedAs(component).getDropoutRate("attn-dropout");
        boolean residual = config.getBoolean("residual", d.residual());
        boolean bias = config.getBoolean("bias", d.bias());
        boolean activateOutput = config.getBoolean("activate-output", d.activateOutput());
        return new GatOptions(
                hidden,
                heads,
                outHeads,
                latent,
                concatOut,
                slope,
                activation,
                featDropout,
                attnDropout,
                residual,
                bias,
                activateOutput);
    }
}
