// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.testkit.CorruptionContract;
import java.util.Optional;

final class FeatureNoiseContractTest implements CorruptionContract {

    @Override
    public CorruptionFactory factory() {
        return new FeatureNoiseFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("std", 0.3);
    }

    @Override
    public Optional<ComponentConfig> identityConfig() {
        return Optional.of(ComponentConfig.of("std", 0));
    }
}
