package io.github.gae4j.encoders.sampler;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.spi.SamplerFactory;
import java.util.function.Supplier;

/** Factories of the option-less samplers {@code gaussian} and {@code identity}. */
public final class SamplerFactories {

    private SamplerFactories() {
    }

    public static SamplerFactory gaussian() {
        return new Simple("gaussian", "Z = μ + σ ⊙ ε while training, μ in evaluation", GaussianSampler::new);
    }

    public static SamplerFactory identity() {
        return new Simple("identity", "Z = μ", IdentitySampler::new);
    }

    private record Simple(String name, String description, Supplier<Sampler> supplier) implements SamplerFactory {
        @Override
        public Sampler create(ComponentConfig config, CreationContext context) {
            return supplier.get();
        }
    }
}
