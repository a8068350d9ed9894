// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;

/** {@code inner-product}: no options. */
public final class InnerProductDecoderFactory extends SimpleFactory<Decoder> implements DecoderFactory {

    public static final String NAME = "inner-product";

    public InnerProductDecoderFactory() {
        super(NAME, "sigmoid(z_i · z_j); fused full-graph kernel", List.of(), InnerProductDecoderFactory::build);
    }

    private static Decoder build(ComponentConfig config, CreationContext context) {
        return new InnerProductDecoder();
    }
}
