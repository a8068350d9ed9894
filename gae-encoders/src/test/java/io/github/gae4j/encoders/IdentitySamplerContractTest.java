// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.encoders.sampler.SamplerFactories;
import io.github.gae4j.testkit.SamplerContract;
import java.util.List;

final class IdentitySamplerContractTest implements SamplerContract {

    @Override
    public SamplerFactory factory() {
        return SamplerFactories.identity();
    }

    /** Z = μ: log σ does not enter. */
    @Override
    public List<Weights> gradientWeights(List<Weights> weights) {
        return weights.subList(0, 1);
    }
}
