// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.testkit.LossContract;
import io.github.gae4j.testkit.TestGraphs;

/** {@code feature-sce} with the linear decoder and γ 3 on a graph with dense features. */
final class FeatureSceLinearContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return new FeatureSceLossFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("decoder", "linear", "gamma", 3);
    }

    @Override
    public Graph graph() {
        return TestGraphs.twoCommunities(3, 4, 5);
    }

    @Override
    public CorruptedInput corruption(GraphInput clean) {
        return CorruptedInput.clean(clean).then(clean, new int[] {0, 4, 5}, EdgeList.empty());
    }
}
