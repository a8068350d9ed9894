package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Parameter;
import java.util.List;

/** {@code inner-product}: no options. */
public final class InnerProductDecoderFactory implements DecoderFactory {

    public static final String NAME = "inner-product";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String description() {
        return "sigmoid(z_i · z_j); fused full-graph kernel";
    }

    @Override
    public Decoder create(ComponentConfig config, CreationContext context) {
        return new InnerProductDecoder();
    }
}
