// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;

/** {@code masked-edge-bce}: option {@code ratio} (1), negatives per removed edge. */
public final class MaskedEdgeBceLossFactory extends SimpleFactory<Loss> implements LossFactory {

    public static final String NAME = "masked-edge-bce";
    public static final double DEFAULT_RATIO = 1.0;

    private static final List<Parameter> PARAMETERS =
            List.of(Parameter.of("ratio", DEFAULT_RATIO, "non-edges drawn per removed edge"));

    public MaskedEdgeBceLossFactory() {
        super(
                NAME,
                "MaskGAE: BCE on the edges the corruptions removed (edge-dropout, path-mask) against fresh uniform"
                        + " non-edges; all training edges if none were removed",
                PARAMETERS,
                MaskedEdgeBceLossFactory::build);
    }

    private static Loss build(ComponentConfig config, CreationContext context) {
        return new MaskedEdgeBceLoss(config.getDouble("ratio", DEFAULT_RATIO, 1e-6, 1e6));
    }
}
