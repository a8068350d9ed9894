// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;

/** {@code edge-dropout}: option {@code rate} (0.5), the probability of dropping each undirected edge. */
public final class EdgeDropoutFactory extends SimpleFactory<Corruption> implements CorruptionFactory {

    public static final String NAME = "edge-dropout";
    public static final double DEFAULT_RATE = 0.5;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("rate", DEFAULT_RATE, "probability of hiding each undirected training edge, in [0, 1]"));

    public EdgeDropoutFactory() {
        super(
                NAME,
                "Drops each training edge with probability 'rate' from the encoder's graph (Â rebuilt);"
                        + " reports them as removed (MaskGAE edge masking, with loss masked-edge-bce)",
                PARAMETERS,
                EdgeDropoutFactory::build);
    }

    private static Corruption build(ComponentConfig config, CreationContext context) {
        return new EdgeDropout(config.getDouble("rate", DEFAULT_RATE, 0.0, 1.0));
    }
}
