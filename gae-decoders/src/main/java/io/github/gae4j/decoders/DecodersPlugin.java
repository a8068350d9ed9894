package io.github.gae4j.decoders;

import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoderFactory;
import java.util.List;

/** Decoder {@code inner-product}. */
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
        return List.of(new InnerProductDecoderFactory());
    }
}
