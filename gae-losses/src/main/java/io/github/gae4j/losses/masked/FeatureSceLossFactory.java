// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.losses.masked.FeatureSceLoss.DecoderKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code feature-sce}: options {@code gamma} (2; GraphMAE's default, its Cora setting is 3), the exponent of
 * the scaled cosine error, at least 1; {@code decoder} ({@code gcn}, {@code gat} or {@code linear});
 * {@code remask} (true; GCN and GAT decoders); {@code project} (false; GraphMAE's encoder-to-decoder
 * projection); {@code dropout} and {@code attn-dropout} (0; the decoder's, attention for GAT only). Its
 * feature decoder maps the latent size ({@code inputDim}) to the graph's
 * feature dimension ({@code featureDim}), drawn from the creation seed.
 */
public final class FeatureSceLossFactory implements LossFactory {

    public static final String NAME = "feature-sce";
    public static final double DEFAULT_GAMMA = 2.0;
    public static final DecoderKind DEFAULT_DECODER = DecoderKind.GCN;
    public static final boolean DEFAULT_REMASK = true;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of(
                    "gamma", DEFAULT_GAMMA, "exponent of the scaled cosine error, in [1, 100] (GraphMAE's Cora: 3)"),
            Parameter.of("decoder", DEFAULT_DECODER.optionValue(), "the feature decoder: gcn, gat or linear"),
            Parameter.of(
                    "remask",
                    DEFAULT_REMASK,
                    "zero the masked nodes' rows of Z before the gcn or gat decoder (GraphMAE re-masking)"),
            Parameter.of(
                    "project",
                    false,
                    "multiply Z by a learnt latent × latent matrix first (GraphMAE's encoder-to-decoder layer)"),
            Parameter.of("dropout", 0.0, "dropout rate on the decoder's input in training, in [0, 1)"),
            Parameter.of(
                    "attn-dropout",
                    0.0,
                    "dropout rate on the gat decoder's attention coefficients in training, in [0, 1)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String description() {
        return "GraphMAE: scaled cosine error (1 − cos)^gamma of the masked nodes' features (feature-mask), rebuilt"
                + " by its own GCN or linear feature decoder (trained with the model)";
    }

    @Override
    public FeatureSceLoss create(ComponentConfig config, CreationContext context) {
        double gamma = config.getDouble("gamma", DEFAULT_GAMMA, 1.0, 100.0);
        String raw = config.getString("decoder", DEFAULT_DECODER.optionValue());
        DecoderKind kind = Arrays.stream(DecoderKind.values())
                .filter(k -> k.optionValue().equals(raw.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new ConfigException(String.format(
                        Locale.ROOT,
                        "Option 'decoder' of loss '%s' must be one of %s, got '%s'",
                        NAME,
                        Arrays.stream(DecoderKind.values())
                                .map(DecoderKind::optionValue)
                                .toList(),
                        raw)));
        boolean remask =
                config.getBoolean("remask", DEFAULT_REMASK); // moot for the linear decoder, which never re-masks
        boolean project = config.getBoolean("project", false);
        ComponentConfig described = config.describedAs("loss '" + NAME + "'");
        double dropout = described.getDropoutRate("dropout");
        double attnDropout = described.getDropoutRate("attn-dropout");
        if (attnDropout > 0 && kind != DecoderKind.GAT) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Option 'attn-dropout' of loss '%s' needs decoder 'gat', got decoder '%s'",
                    NAME,
                    kind.optionValue()));
        }
        return new FeatureSceLoss(
                context.inputDim(),
                context.featureDim(),
                kind,
                remask,
                gamma,
                new FeatureSceLoss.DecoderOptions(project, dropout, attnDropout),
                context.random());
    }
}
