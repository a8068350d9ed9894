package ${package};

import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import java.util.List;

/**
 * Registers the encoder {@code ${encoderName}}. Found by {@link java.util.ServiceLoader} through
 * {@code src/main/resources/META-INF/services/io.github.gae4j.core.spi.GaePlugin}, which names this class.
 */
public final class ${encoderClass}Plugin implements GaePlugin {

    public static final String NAME = "${artifactId}";

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
        return List.of(new ${encoderClass}Factory());
    }
}
