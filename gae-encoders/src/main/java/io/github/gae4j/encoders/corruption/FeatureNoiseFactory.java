package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Parameter;
import java.util.List;

/**
 * {@code feature-noise}: option {@code std} (0.1), the standard deviation of the Gaussian noise added
 * to every feature. The noisy features are dense: see {@link FeatureNoise} for the memory cost.
 */
public final class FeatureNoiseFactory implements CorruptionFactory {

    public static final String NAME = "feature-noise";
    public static final double DEFAULT_STD = 0.1;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("std", DEFAULT_STD, "standard deviation of the Gaussian noise added to every feature, >= 0"));

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
        return "Adds Gaussian noise of standard deviation 'std' to every feature (denoising; the features become"
                + " dense: N × d doubles per pass)";
    }

    @Override
    public FeatureNoise create(ComponentConfig config, CreationContext context) {
        return new FeatureNoise(config.getDouble("std", DEFAULT_STD, 0.0, Double.MAX_VALUE));
    }
}
