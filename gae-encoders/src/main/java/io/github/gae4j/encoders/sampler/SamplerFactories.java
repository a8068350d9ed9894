// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.sampler;

import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;

/** Factories of the option-less samplers {@code gaussian} and {@code identity}. */
public final class SamplerFactories {

    private SamplerFactories() {}

    public static SamplerFactory gaussian() {
        return SimpleFactory.sampler(
                "gaussian",
                "Z = μ + σ ⊙ ε while training, μ in evaluation",
                List.of(),
                (config, context) -> new GaussianSampler());
    }

    public static SamplerFactory identity() {
        return SimpleFactory.sampler("identity", "Z = μ", List.of(), (config, context) -> new IdentitySampler());
    }
}
