package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ConfigException;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.Locale;
import java.util.List;

/**
 * {@code feature-mask}: options {@code rate} (0.5, GraphMAE's Cora setting), the share of nodes whose
 * feature rows are masked, and {@code token} ({@code zero}, the only value: masked rows become zero;
 * a learnable [MASK] token would be a parameter, and corruptions own none).
 */
public final class FeatureMaskFactory extends SimpleFactory<Corruption> implements CorruptionFactory {

    public static final String NAME = "feature-mask";
    public static final double DEFAULT_RATE = 0.5;
    public static final String DEFAULT_TOKEN = "zero";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("rate", DEFAULT_RATE, "share of the nodes whose feature rows are masked, in [0, 1]"),
            Parameter.of("token", DEFAULT_TOKEN, "what masked rows become: zero (the only value)"));

    public FeatureMaskFactory() {
        super(NAME, "Replaces the feature rows of a 'rate' share of the nodes by zeros (GraphMAE masking; sparse"
                + " features stay sparse); reports them as masked, for loss feature-sce",
                PARAMETERS, FeatureMaskFactory::build);
    }

    private static Corruption build(ComponentConfig config, CreationContext context) {
        String token = config.getString("token", DEFAULT_TOKEN).trim().toLowerCase(Locale.ROOT);
        if (!token.equals("zero")) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "Option 'token' of corruption '%s' must be one of [zero] (masked rows become zero; a learnable"
                            + " [MASK] token is not supported), got '%s'", NAME, config.getString("token", "")));
        }
        return new FeatureMask(config.getDouble("rate", DEFAULT_RATE, 0.0, 1.0));
    }
}
