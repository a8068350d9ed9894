// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

// tag::plugin-contract-test[]
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.testkit.PluginContract;

final class SagePluginContractTest implements PluginContract {

    @Override
    public GaePlugin plugin() {
        return new SagePlugin();
    }
}
// end::plugin-contract-test[]
