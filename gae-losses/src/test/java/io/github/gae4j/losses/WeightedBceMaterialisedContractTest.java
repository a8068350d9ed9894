// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.LossContract;
import java.util.List;

/** {@code weighted-bce} with the N² logits materialised (the testkit decoder has no fused kernel). */
final class WeightedBceMaterialisedContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return PluginRegistry.of(List.of(new LossesPlugin())).factory(ComponentKind.LOSS, "weighted-bce");
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("fused", false, "self-loops-in-weights", false);
    }
}
