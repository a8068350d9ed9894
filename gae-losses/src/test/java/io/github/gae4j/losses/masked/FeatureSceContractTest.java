// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.testkit.LossContract;

/** {@code feature-sce} with its defaults (GCN decoder, re-masking, γ 2) on the featureless star, two nodes masked. */
final class FeatureSceContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return new FeatureSceLossFactory();
    }

    @Override
    public CorruptedInput corruption(GraphInput clean) {
        return CorruptedInput.clean(clean).then(clean, new int[] {1, 3}, EdgeList.empty());
    }
}
