// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.decoders.gravity.GravityDecoder;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.LossContract;
import java.util.List;

/** {@code weighted-bce} on a directed training graph, through the gravity decoder's fused kernel. */
final class WeightedBceDirectedContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return PluginRegistry.of(List.of(new LossesPlugin())).factory(ComponentKind.LOSS, "weighted-bce");
    }

    @Override
    public Decoder decoder() {
        return new GravityDecoder(1.0, 0.01, false);
    }

    /** 0 → 1, 1 → 0, 1 → 2, 3 → 2; node 4 isolated. */
    @Override
    public Graph graph() {
        return Graph.builder(5)
                .name("directed")
                .directed(true)
                .edges(new int[] {0, 1, 1, 3}, new int[] {1, 0, 2, 2})
                .build();
    }
}
