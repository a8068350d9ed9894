// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import io.github.gae4j.encoders.corruption.FeatureMask.Token;
import io.github.gae4j.encoders.gcn.LayerOptionText;
import java.util.List;

/**
 * {@code feature-mask}: options {@code rate} (0.5, GraphMAE's Cora setting), the share of nodes whose
 * feature rows are masked, and {@code token}: {@code zero} (the default, masked rows become zero) or
 * {@code learned} (GraphMAE's learnable [MASK] token: a parameter {@code feature-mask.token} as wide as
 * the features, the creation context's input dimension, trained with the model and saved with it), and
 * {@code replace-rate} (0): the share of the masked nodes given a random node's features instead.
 */
public final class FeatureMaskFactory extends SimpleFactory<Corruption> implements CorruptionFactory {

    public static final String NAME = "feature-mask";
    public static final double DEFAULT_RATE = 0.5;
    public static final String DEFAULT_TOKEN = Token.ZERO.optionValue();

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("rate", DEFAULT_RATE, "share of the nodes whose feature rows are masked, in [0, 1]"),
            Parameter.of(
                    "token",
                    DEFAULT_TOKEN,
                    "what masked rows become: zero, or learned (GraphMAE's trained"
                            + " [MASK] token, saved with the model)"),
            Parameter.of(
                    "replace-rate",
                    0.0,
                    "share of the masked nodes given a random node's features instead"
                            + " of the token (GraphMAE's replace_rate), in [0, 1]"));

    public FeatureMaskFactory() {
        super(
                NAME,
                "Replaces the feature rows of a 'rate' share of the nodes by zeros or a learned [MASK] token"
                        + " (GraphMAE masking; sparse features stay sparse); reports them as masked, for loss feature-sce",
                PARAMETERS,
                FeatureMaskFactory::build);
    }

    private static Corruption build(ComponentConfig config, CreationContext context) {
        Token token =
                LayerOptionText.choice(config, "token", "corruption '" + NAME + "'", Token.ZERO, Token::optionValue);
        double rate = config.getDouble("rate", DEFAULT_RATE, 0.0, 1.0);
        double replaceRate = config.getDouble("replace-rate", 0.0, 0.0, 1.0);
        return new FeatureMask(rate, token == Token.LEARNED ? context.inputDim() : 0, replaceRate);
    }
}
