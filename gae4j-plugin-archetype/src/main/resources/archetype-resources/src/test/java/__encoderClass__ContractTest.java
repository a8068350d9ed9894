package ${package};

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.testkit.EncoderContract;

/** gae-testkit's encoder contract: shapes, seeds, gradient check, weights, declared options. */
final class ${encoderClass}ContractTest implements EncoderContract {

    @Override
    public EncoderFactory factory() {
        return new ${encoderClass}Factory();
    }

    @Override  // optional: small sizes keep the gradient check fast
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", 4, "latent", 3);
    }
}
