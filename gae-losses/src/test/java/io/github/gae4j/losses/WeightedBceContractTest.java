// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses;

import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.LossContract;
import java.util.List;

/** {@code weighted-bce} through the fused full-graph kernel of the inner-product decoder. */
final class WeightedBceContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return PluginRegistry.of(List.of(new LossesPlugin())).factory(ComponentKind.LOSS, "weighted-bce");
    }

    /** The real inner-product decoder, so the fused full-graph kernel is what gets checked. */
    @Override
    public Decoder decoder() {
        return new InnerProductDecoder();
    }
}
