// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses;

import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.LossContract;
import java.util.List;

/**
 * The loss contract for {@code adversarial}. The loss is stateful (each call trains its discriminator), which the
 * contract allows: it creates a new loss, seeded alike, for every value it compares, and checks the gradient of one
 * returned generator term, which reads a frozen copy of the discriminator.
 */
final class AdversarialContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return PluginRegistry.of(List.of(new LossesPlugin())).factory(ComponentKind.LOSS, "adversarial");
    }
}
