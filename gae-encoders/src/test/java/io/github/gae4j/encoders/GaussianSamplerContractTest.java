// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.encoders.sampler.SamplerFactories;
import io.github.gae4j.testkit.SamplerContract;

final class GaussianSamplerContractTest implements SamplerContract {

    @Override
    public SamplerFactory factory() {
        return SamplerFactories.gaussian();
    }
}
