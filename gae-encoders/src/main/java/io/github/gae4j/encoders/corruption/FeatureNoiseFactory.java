// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;

/**
 * {@code feature-noise}: option {@code std} (0.1), the standard deviation of the Gaussian noise added
 * to every feature. The noisy features are dense: see {@link FeatureNoise} for the memory cost.
 */
public final class FeatureNoiseFactory extends SimpleFactory<Corruption> implements CorruptionFactory {

    public static final String NAME = "feature-noise";
    public static final double DEFAULT_STD = 0.1;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("std", DEFAULT_STD, "standard deviation of the Gaussian noise added to every feature, >= 0"));

    public FeatureNoiseFactory() {
        super(
                NAME,
                "Adds Gaussian noise of standard deviation 'std' to every feature (denoising; the features become"
                        + " dense: N × d doubles per pass)",
                PARAMETERS,
                FeatureNoiseFactory::build);
    }

    private static Corruption build(ComponentConfig config, CreationContext context) {
        return new FeatureNoise(config.getDouble("std", DEFAULT_STD, 0.0, Double.MAX_VALUE));
    }
}
