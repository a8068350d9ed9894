// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.plugin;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import java.util.List;

/**
 * A tiny plugin with one encoder factory, {@code fake-encoder}, for {@link PluginRegistryTest}'s
 * discovery tests. Deliberately not listed in {@code src/test/resources/META-INF/services}: the
 * test jar is shared with the other modules, whose registries must not see it. The test writes its
 * own service file into a temporary directory instead.
 */
public final class FakeEncoderPlugin implements GaePlugin {

    public static final String NAME = "fake-plugin";
    public static final String ENCODER = "fake-encoder";

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
        return List.of(new EncoderFactory() {
            @Override
            public String name() {
                return ENCODER;
            }

            @Override
            public Encoder create(ComponentConfig config, CreationContext context) {
                throw new UnsupportedOperationException("discovery test only");
            }
        });
    }
}
