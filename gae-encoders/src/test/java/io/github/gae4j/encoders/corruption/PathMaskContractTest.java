// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.testkit.CorruptionContract;
import java.util.Optional;

final class PathMaskContractTest implements CorruptionContract {

    @Override
    public CorruptionFactory factory() {
        return new PathMaskFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("rate", 0.3, "walk-length", 2);
    }

    @Override
    public Optional<ComponentConfig> identityConfig() {
        return Optional.of(ComponentConfig.of("rate", 0));
    }
}
