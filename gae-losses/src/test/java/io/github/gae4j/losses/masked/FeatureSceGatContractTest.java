// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.testkit.LossContract;

/** {@code feature-sce} as GraphMAE runs it: the GAT decoder, the encoder-to-decoder projection, decoder dropout. */
final class FeatureSceGatContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return new FeatureSceLossFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("decoder", "gat", "gamma", 3, "project", true, "dropout", 0.2, "attn-dropout", 0.1);
    }

    @Override
    public CorruptedInput corruption(GraphInput clean) {
        return CorruptedInput.clean(clean).then(clean, new int[] {1, 3}, EdgeList.empty());
    }
}
