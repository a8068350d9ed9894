package ${package};

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Parameter;
import java.util.List;

/** {@code ${encoderName}}: options {@code hidden} (32) and {@code latent} (16). */
public final class ${encoderClass}Factory implements EncoderFactory {

    public static final String NAME = "${encoderName}";
    public static final int DEFAULT_HIDDEN = 32;
    public static final int DEFAULT_LATENT = 16;

    /**
     * Every option {@code create} reads, with its default and help, as {@code gae plugins} lists them. The contract
     * tests fail if {@code create} reads a key that is not declared here (it would be silently ignored).
     */
    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.of("hidden", DEFAULT_HIDDEN, "width of the hidden layer H"),
            Parameter.of("latent", DEFAULT_LATENT, "width of the embeddings Z"));

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
        return "Two-layer graph convolution: Z = Â ReLU(Â X W0) W1";
    }

    @Override
    public Encoder create(ComponentConfig config, CreationContext context) {
        return new ${encoderClass}(context.inputDim(), config.getPositiveInt("hidden", DEFAULT_HIDDEN),
                config.getPositiveInt("latent", DEFAULT_LATENT), context.random());
    }
}
