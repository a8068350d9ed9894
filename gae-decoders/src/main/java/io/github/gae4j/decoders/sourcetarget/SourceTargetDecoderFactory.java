// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code source-target}: sigmoid(s_i · t_j) with Z = [S | T] split in halves, for directed graphs.
 * No options; the encoder's latent size must be even.
 */
public final class SourceTargetDecoderFactory extends SimpleFactory<Decoder> implements DecoderFactory {

    public static final String NAME = "source-target";

    public SourceTargetDecoderFactory() {
        super(
                NAME,
                "sigmoid(s_i · t_j), Z = [S | T] split in halves (directed graphs); fused full-graph kernel",
                List.of(),
                SourceTargetDecoderFactory::build);
    }

    private static Decoder build(ComponentConfig config, CreationContext context) {
        config.describedAs("decoder '" + NAME + "'").requireOnly(Set.of());
        if (context.inputDim() % 2 != 0) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Decoder '%s' splits the embeddings in a source and a target half and needs an even latent size,"
                            + " got %d",
                    NAME,
                    context.inputDim()));
        }
        return new SourceTargetDecoder();
    }
}
