package io.github.gae4j.decoders.mlp;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ConfigException;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;
import java.util.Locale;

/**
 * {@code mlp}: option {@code hidden} ({@code 64}, MaskGAE's decoder width; a comma list such as
 * {@code 64,32} for more layers, or empty for a linear score). Weights are drawn from the context's
 * seeded generator.
 */
public final class MlpDecoderFactory extends SimpleFactory<Decoder> implements DecoderFactory {

    public static final String NAME = "mlp";
    public static final String DEFAULT_HIDDEN = "64";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("hidden", DEFAULT_HIDDEN,
                    "hidden ReLU layer widths, e.g. 64 or 64,32; empty for a linear score"));

    public MlpDecoderFactory() {
        super(NAME, "MLP(z_i ⊙ z_j) with ReLU hidden layers (MaskGAE's edge decoder); owns its weights; no fused"
                + " kernel", PARAMETERS, MlpDecoderFactory::decoder);
    }

    private static Decoder decoder(ComponentConfig config, CreationContext context) {
        return new MlpDecoder(context.inputDim(), hidden(config.getString("hidden", DEFAULT_HIDDEN)), context.random());
    }

    /** Comma-separated positive widths; empty for none. */
    static int[] hidden(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split(",");
        int[] sizes = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                sizes[k] = Integer.parseInt(parts[k].trim());
            } catch (NumberFormatException e) {
                sizes[k] = 0;
            }
            if (sizes[k] < 1) {
                throw new ConfigException(String.format(Locale.ROOT,
                        "Option 'hidden' of decoder '%s' must be comma-separated positive integers such as '64' or"
                                + " '64,32' (or empty for a linear score), got '%s'", NAME, value));
            }
        }
        return sizes;
    }
}
