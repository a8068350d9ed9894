package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Everything a loss term may use in one training pass: the encoding, the sampled Z, the decoder,
 * the training graph (the clean target, features included), a seeded random source (for fresh
 * negatives), the thread budget, and what the model's corruptions hid from the encoder this pass.
 */
public record LossInput(Encoding encoding, Variable z, Decoder decoder, TrainingGraph training,
                        SplittableRandom random, Parallelism parallelism, CorruptedInput corruption) {

    public LossInput {
        Objects.requireNonNull(encoding, "encoding is null");
        Objects.requireNonNull(z, "z is null");
        Objects.requireNonNull(decoder, "decoder is null");
        Objects.requireNonNull(training, "training is null");
        Objects.requireNonNull(random, "random is null");
        Objects.requireNonNull(parallelism, "parallelism is null");
        Objects.requireNonNull(corruption, "corruption is null");
    }

    /** The decoder's logits of {@code pairs} in this training pass (dropout, if the decoder has it, from {@link #random}). */
    public Variable trainingLogits(EdgeList pairs) {
        return decoder.logits(z, pairs, Mode.TRAIN, random);
    }

    /** A pass without corruption: the encoder saw the clean training graph. */
    public LossInput(Encoding encoding, Variable z, Decoder decoder, TrainingGraph training, SplittableRandom random,
                     Parallelism parallelism) {
        this(encoding, z, decoder, training, random, parallelism,
                CorruptedInput.clean(GraphInput.of(training.graph(), parallelism)));
    }
}
