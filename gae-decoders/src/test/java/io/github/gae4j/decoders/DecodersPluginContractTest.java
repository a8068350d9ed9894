// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders;

import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.testkit.PluginContract;

final class DecodersPluginContractTest implements PluginContract {

    @Override
    public GaePlugin plugin() {
        return new DecodersPlugin();
    }
}
