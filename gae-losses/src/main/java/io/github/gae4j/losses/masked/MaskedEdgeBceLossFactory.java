package io.github.gae4j.losses.masked;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.Parameter;
import java.util.List;

/** {@code masked-edge-bce}: option {@code ratio} (1), negatives per removed edge. */
public final class MaskedEdgeBceLossFactory implements LossFactory {

    public static final String NAME = "masked-edge-bce";
    public static final double DEFAULT_RATIO = 1.0;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("ratio", DEFAULT_RATIO, "non-edges drawn per removed edge"));

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
        return "MaskGAE: BCE on the edges the corruptions removed (edge-dropout, path-mask) against fresh uniform"
                + " non-edges; all training edges if none were removed";
    }

    @Override
    public MaskedEdgeBceLoss create(ComponentConfig config, CreationContext context) {
        return new MaskedEdgeBceLoss(config.getDouble("ratio", DEFAULT_RATIO, 1e-6, 1e6));
    }
}
