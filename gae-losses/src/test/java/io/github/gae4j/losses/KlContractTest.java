// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses;

import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.LossContract;
import java.util.List;

final class KlContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return PluginRegistry.of(List.of(new LossesPlugin())).factory(ComponentKind.LOSS, "kl");
    }

    @Override
    public boolean variationalEncoding() {
        return true;
    }
}
