// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/**
 * An optional capability of an {@link Encoder}: exact full-graph inference layer by layer, for everything that
 * embeds or scores in evaluation (validation, {@code gae eval}, {@code gae embed}, export, link prediction). An
 * encoder implements it next to {@code Encoder}; {@link LayerwiseInference#encode} uses it when
 * {@code encoder instanceof LayerwiseEncoder} and otherwise falls back to {@code encode(input, Mode.EVAL)}, the
 * full-graph forward pass, which is just as exact but keeps every intermediate N × width matrix of the pass.
 *
 * <p>Layer-wise, each layer runs over all nodes (nothing is sampled) in blocks of rows
 * ({@link LayerwiseInference#byRows}): a block of a graph convolution reads the whole previous layer, which is
 * kept, and writes its rows of the next; only one layer's input and output (and a block's intermediates) are held
 * at a time, as in PyG's {@code inference}. A layer whose value is not row by row (batch norm: statistics over all
 * rows; an attention layer) may run as one block.
 *
 * <p>The contract (the testkit's {@code EncoderContract} checks it): the encoding equals
 * {@code encode(input, Mode.EVAL)}'s within 1e-9 (the encoders of gae-encoders: to the bit, because both paths
 * build the same operations on the same rows) for any block size, and does not depend on the thread count of the
 * pass that forwards it.
 */
public interface LayerwiseEncoder {

    /**
     * {@code encode(input, Mode.EVAL)}, computed layer by layer when forwarded: μ (and log σ) are leaves made by
     * {@link LayerwiseInference#deferred}, which run the layers in blocks of at most {@code chunkRows} rows with the
     * forwarding pass's threads. They have no gradient: train through {@link Encoder#encode}.
     */
    Encoding encodeLayerwise(GraphInput input, int chunkRows);
}
