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
 * {@code path-mask}: options {@code rate} (0.3), the probability that an edge direction starts a random
 * walk, and {@code walk-length} (3), the steps of each walk; every edge a walk crosses is removed. The
 * defaults are MaskGAE's first published recipe for its path masking (p 0.3, walk length 3).
 */
public final class PathMaskFactory extends SimpleFactory<Corruption> implements CorruptionFactory {

    public static final String NAME = "path-mask";
    public static final double DEFAULT_RATE = 0.3;
    public static final int DEFAULT_WALK_LENGTH = 3;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("rate", DEFAULT_RATE, "probability that an edge direction starts a random walk, in [0, 1]"),
            Parameter.of("walk-length", DEFAULT_WALK_LENGTH, "steps of each walk; every edge crossed is removed"));

    public PathMaskFactory() {
        super(
                NAME,
                "Removes the edges crossed by random walks of 'walk-length' steps started from a 'rate' share of"
                        + " edge directions (MaskGAE path masking); reports them as removed",
                PARAMETERS,
                PathMaskFactory::build);
    }

    private static Corruption build(ComponentConfig config, CreationContext context) {
        return new PathMask(
                config.getDouble("rate", DEFAULT_RATE, 0.0, 1.0),
                config.getPositiveInt("walk-length", DEFAULT_WALK_LENGTH));
    }
}
