// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets;

import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.testkit.PluginContract;

final class DatasetsPluginContractTest implements PluginContract {

    @Override
    public GaePlugin plugin() {
        return new DatasetsPlugin();
    }
}
