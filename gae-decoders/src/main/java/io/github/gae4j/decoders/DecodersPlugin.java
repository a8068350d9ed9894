// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders;

import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.decoders.gravity.GravityDecoderFactory;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoderFactory;
import io.github.gae4j.decoders.mlp.MlpDecoderFactory;
import io.github.gae4j.decoders.sourcetarget.SourceTargetDecoderFactory;
import java.util.List;

/**
 * Decoders {@code inner-product} and {@code mlp}; {@code gravity} and {@code source-target} for
 * directed graphs (Salha et al. 2019).
 */
public final class DecodersPlugin implements GaePlugin {

    @Override
    public String name() {
        return "gae-decoders";
    }

    @Override
    public String spiVersion() {
        return GaeSpi.VERSION;
    }

    @Override
    public List<DecoderFactory> decoders() {
        return List.of(
                new InnerProductDecoderFactory(),
                new MlpDecoderFactory(),
                new GravityDecoderFactory(),
                new SourceTargetDecoderFactory());
    }
}
