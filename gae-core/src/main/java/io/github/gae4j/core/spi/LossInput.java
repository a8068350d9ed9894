package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Everything a loss term may use in one training pass: the encoding, the sampled Z, the decoder,
 * the training graph, a seeded random source (for fresh negatives) and the thread budget.
 */
public record LossInput(Encoding encoding, Variable z, Decoder decoder, TrainingGraph training,
                        SplittableRandom random, Parallelism parallelism) {

    public LossInput {
        Objects.requireNonNull(encoding, "encoding is null");
        Objects.requireNonNull(z, "z is null");
        Objects.requireNonNull(decoder, "decoder is null");
        Objects.requireNonNull(training, "training is null");
        Objects.requireNonNull(random, "random is null");
        Objects.requireNonNull(parallelism, "parallelism is null");
    }
}
