// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;
import java.util.Locale;

/**
 * {@code gravity}: the gravity-inspired decoder (Salha et al. 2019) for directed graphs. Options:
 * {@code lambda} (default 1.0, the paper's setting for Cora and CiteSeer in tasks 1 and 3; 0.05 in
 * task 2), {@code epsilon} (default 0.01, as the reference code) and {@code normalize} (default
 * false). The encoder's latent size is d + 1: the last column is the mass.
 */
public final class GravityDecoderFactory extends SimpleFactory<Decoder> implements DecoderFactory {

    public static final String NAME = "gravity";
    public static final String LAMBDA = "lambda";
    public static final String EPSILON = "epsilon";
    public static final String NORMALIZE = "normalize";
    public static final double DEFAULT_LAMBDA = 1.0;
    public static final double DEFAULT_EPSILON = 0.01;
    public static final boolean DEFAULT_NORMALIZE = false;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of(LAMBDA, DEFAULT_LAMBDA, "weight of the log distance (the paper: 1, or 0.05 in its task 2)"),
            Parameter.of(EPSILON, DEFAULT_EPSILON, "added to the squared distance before the log, > 0"),
            Parameter.of(NORMALIZE, DEFAULT_NORMALIZE, "scale the positions to unit norm before measuring distances"));

    public GravityDecoderFactory() {
        super(
                NAME,
                "sigmoid(m_j - lambda log(|z_i - z_j|^2 + epsilon)), mass m = last latent column"
                        + " (Salha et al. 2019, directed graphs); fused full-graph kernel",
                PARAMETERS,
                GravityDecoderFactory::build);
    }

    private static Decoder build(ComponentConfig config, CreationContext context) {
        ComponentConfig c = config.describedAs("decoder '" + NAME + "'");
        c.requireOnly(Parameter.names(PARAMETERS));
        double lambda = c.getDouble(LAMBDA, DEFAULT_LAMBDA);
        double epsilon = c.getDouble(EPSILON, DEFAULT_EPSILON);
        if (!(epsilon > 0)) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Option 'epsilon' of decoder '%s' must be a positive number, got '%s'",
                    NAME,
                    epsilon));
        }
        if (context.inputDim() == 1) {
            throw new ConfigException("Decoder 'gravity' needs a latent size of at least 2 (positions and the mass,"
                    + " the last column), got 1; set the encoder's latent size to d + 1, e.g. 33 for d = 32");
        }
        return new GravityDecoder(lambda, epsilon, c.getBoolean(NORMALIZE, DEFAULT_NORMALIZE));
    }
}
