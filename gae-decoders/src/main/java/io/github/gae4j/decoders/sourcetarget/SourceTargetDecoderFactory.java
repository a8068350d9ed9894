package io.github.gae4j.decoders.sourcetarget;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ConfigException;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Parameter;
import java.util.List;
import java.util.Locale;

/**
 * {@code source-target}: sigmoid(s_i · t_j) with Z = [S | T] split in halves, for directed graphs.
 * No options; the encoder's latent size must be even.
 */
public final class SourceTargetDecoderFactory implements DecoderFactory {

    public static final String NAME = "source-target";

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
        return "sigmoid(s_i · t_j), Z = [S | T] split in halves (directed graphs); fused full-graph kernel";
    }

    @Override
    public Decoder create(ComponentConfig config, CreationContext context) {
        config.describedAs("decoder '" + NAME + "'").requireOnly(ComponentFactory.optionNames(this));
        if (context.inputDim() % 2 != 0) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "Decoder '%s' splits the embeddings in a source and a target half and needs an even latent size,"
                            + " got %d", NAME, context.inputDim()));
        }
        return new SourceTargetDecoder();
    }
}
