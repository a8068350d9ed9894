// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Weights;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Corrupts what the encoder sees in a training pass — drops edges, masks or perturbs features —
 * while the losses still reconstruct the clean graph (denoising autoencoders, GraphMAE, MaskGAE).
 * Applied in {@link Mode#TRAIN} only, in the order the model lists them; evaluation always encodes
 * the clean input. All randomness comes from {@code random}.
 */
public interface Corruption {

    /** The corrupted input, with what was hidden (so losses can reconstruct exactly that). */
    CorruptedInput corrupt(CorruptedInput input, RandomGenerator random);

    /**
     * Whether this corruption can be applied to a link mini-batch's sampled subgraph: true only for one that leaves
     * the graph and its Â as they are (it changes features). A corruption that rebuilds the graph (drops edges or
     * paths) would re-normalise Â from the sampled, one-directional rows, and train a different propagation from
     * the one evaluated, so mini-batch training refuses it by name. False by default, so a corruption written before
     * mini-batches existed is refused rather than silently wrong; the testkit's {@code CorruptionContract} checks
     * that one saying true keeps the graph and Â.
     */
    default boolean supportsMiniBatch() {
        return false;
    }

    /**
     * Parameters this corruption owns that the model's optimiser trains with the encoder (a learnable [MASK]
     * token, which it hands the encoder in {@link GraphInput#maskToken()}); they are saved with the model, after
     * the encoder's, decoder's and losses' parameters, so their names must differ from those. Empty by default.
     */
    default List<Weights> weights() {
        return List.of();
    }
}
