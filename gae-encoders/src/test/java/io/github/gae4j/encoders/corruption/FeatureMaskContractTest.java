// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.testkit.CorruptionContract;
import java.util.Optional;

final class FeatureMaskContractTest implements CorruptionContract {

    @Override
    public CorruptionFactory factory() {
        return new FeatureMaskFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("rate", 0.5, "token", "zero");
    }

    @Override
    public Optional<ComponentConfig> identityConfig() {
        return Optional.of(ComponentConfig.of("rate", 0));
    }
}
