// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.LossContract;
import java.util.List;

/** {@code adversarial} with other options: a smaller discriminator, several steps per call, the normal init. */
final class AdversarialOptionsContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return PluginRegistry.of(List.of(new LossesPlugin())).factory(ComponentKind.LOSS, "adversarial");
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", "8,4", "steps", 3, "learning-rate", 0.01, "init-std", 0.1);
    }
}
