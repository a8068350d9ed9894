// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import java.util.List;

/**
 * Registers the encoder {@code sage-mean}. Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.github.gae4j.core.spi.GaePlugin}.
 */
public final class SagePlugin implements GaePlugin {

    public static final String NAME = "gae-example-sage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spiVersion() {
        return GaeSpi.VERSION;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(new SageMeanEncoderFactory());
    }
}
