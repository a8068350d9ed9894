// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.decoders.mlp.MlpDecoder;
import io.github.gae4j.testkit.LossContract;
import java.util.SplittableRandom;

/** {@code masked-edge-bce} through MaskGAE's MLP edge decoder, two negatives per removed edge. */
final class MaskedEdgeBceMlpContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return new MaskedEdgeBceLossFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("ratio", 2);
    }

    @Override
    public Decoder decoder() {
        return new MlpDecoder(latentDim(), new int[] {4}, new SplittableRandom(7));
    }

    @Override
    public CorruptedInput corruption(GraphInput clean) {
        return MaskedEdgeBceContractTest.removeEdges(clean, new EdgeList(new int[] {0}, new int[] {2}));
    }
}
