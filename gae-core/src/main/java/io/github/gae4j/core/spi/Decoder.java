// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Scores node pairs from embeddings. Returns logits: the sigmoid is fused into the losses. A decoder with a fused
 * full-graph loss kernel also implements {@link FusedFullGraphLoss}.
 */
public interface Decoder {

    /** Logits of the given pairs, an E×1 column, as evaluation scores them: deterministic. */
    Variable logits(Variable z, EdgeList pairs);

    /**
     * Logits of the given pairs in a pass of {@code mode}: losses call this with {@link Mode#TRAIN} and
     * the pass's random source, so a decoder with dropout (MaskGAE's MLP) drops only while training,
     * drawing its masks from {@code random} (and draws nothing when its rate is 0). The default ignores
     * both and returns {@link #logits(Variable, EdgeList)}.
     */
    default Variable logits(Variable z, EdgeList pairs, Mode mode, RandomGenerator random) {
        return logits(z, pairs);
    }

    /**
     * This decoder's scores over fixed embeddings {@code z} (as the encoder returns them), for prediction and
     * search. The default scores through {@link #logits(Variable, EdgeList)} and calls the scores directed;
     * decoders override it with a direct form ({@link DecoderScorers#innerProduct} for inner products, which
     * exact search blocks over and vector indexes serve) and say whether they are symmetric.
     */
    default PairScorer scorer(Matrix z) {
        return DecoderScorers.generic(this, z, true);
    }

    /** Trainable parameters (none for the inner product). */
    default List<Weights> weights() {
        return List.of();
    }
}
