// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.testkit.PluginContract;

final class EncodersPluginContractTest implements PluginContract {

    @Override
    public GaePlugin plugin() {
        return new EncodersPlugin();
    }
}
