// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.decoders.gravity.GravityDecoderFactory;
import io.github.gae4j.testkit.DecoderContract;

/** {@code gravity} with every option set (the task-2 recipe: small λ, unit-norm positions). */
final class GravityNormalizedDecoderContractTest implements DecoderContract {

    @Override
    public DecoderFactory factory() {
        return new GravityDecoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("lambda", 0.05, "epsilon", 0.1, "normalize", true);
    }

    @Override
    public int latentDim() {
        return 4;
    }
}
