// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.TrainingGraph;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Everything a loss term may use in one training pass: the encoding, the sampled Z, the decoder,
 * the training graph (the clean target, features included), a seeded random source (for fresh
 * negatives), the pass's computation context, and what the model's corruptions hid from the encoder this pass.
 *
 * <p>In a mini-batch pass {@code batch} is not null: the encoder ran on a sampled subgraph, Z has one row per node of
 * that subgraph, and a term reads the batch's pairs and node rows (see {@link LinkBatch}) instead of the training
 * graph's positives or all of Z; only terms that declare {@link Loss#supportsMiniBatch()} are given one. In a
 * full-graph pass {@code batch} is null.
 *
 * <p>A loss builds its term as a graph; whoever runs the pass forwards and backpropagates it in {@code context}.
 * A loss that must evaluate part of the graph while building its term (ARGA's discriminator trains on Z's value
 * before the generator term exists) forwards it in {@code context}, where the value is cached for the pass, and
 * runs any inner optimisation of its own in {@code new ComputationContext(context.parallelism())}, so that it
 * gets the pass's thread budget. It never calls {@code context.backward}: the pass does.
 */
public record LossInput(
        Encoding encoding,
        Variable z,
        Decoder decoder,
        TrainingGraph training,
        SplittableRandom random,
        ComputationContext context,
        CorruptedInput corruption,
        LinkBatch batch) {

    public LossInput {
        Objects.requireNonNull(encoding, "encoding is null");
        Objects.requireNonNull(z, "z is null");
        Objects.requireNonNull(decoder, "decoder is null");
        Objects.requireNonNull(training, "training is null");
        Objects.requireNonNull(random, "random is null");
        Objects.requireNonNull(context, "context is null");
        Objects.requireNonNull(corruption, "corruption is null");
    }

    /** A full-graph pass (no batch). */
    public LossInput(
            Encoding encoding,
            Variable z,
            Decoder decoder,
            TrainingGraph training,
            SplittableRandom random,
            ComputationContext context,
            CorruptedInput corruption) {
        this(encoding, z, decoder, training, random, context, corruption, null);
    }

    /** Whether this is a mini-batch pass: {@link #batch()} is not null. */
    public boolean isMiniBatch() {
        return batch != null;
    }

    /** The decoder's logits of {@code pairs} in this training pass (dropout, if the decoder has it, from {@link #random}). */
    public Variable trainingLogits(EdgeList pairs) {
        return decoder.logits(z, pairs, Mode.TRAIN, random);
    }

    /** A pass without corruption: the encoder saw the clean training graph. */
    public LossInput(
            Encoding encoding,
            Variable z,
            Decoder decoder,
            TrainingGraph training,
            SplittableRandom random,
            ComputationContext context) {
        this(encoding, z, decoder, training, random, context, CorruptedInput.clean(GraphInput.of(training.graph())));
    }
}
