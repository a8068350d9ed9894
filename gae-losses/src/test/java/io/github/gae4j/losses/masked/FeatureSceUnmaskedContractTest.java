// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.testkit.LossContract;
import io.github.gae4j.testkit.TestGraphs;

/** {@code feature-sce} without a feature mask (every node scored), GCN decoder without re-masking, γ 1. */
final class FeatureSceUnmaskedContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return new FeatureSceLossFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("gamma", 1, "remask", false);
    }

    @Override
    public Graph graph() {
        return TestGraphs.twoCommunities(3, 4, 6);
    }
}
