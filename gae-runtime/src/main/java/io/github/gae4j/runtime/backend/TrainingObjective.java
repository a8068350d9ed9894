// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What is trained: the loss of a {@link WorkBatch} as a graph over the trainable {@link #weights()}, which a
 * backend evaluates and differentiates. {@link ModelObjective} is a {@code GraphAutoencoder}'s objective on its
 * training graph. A batch's loss is a sum over its examples with {@link BatchLoss#weight()} examples, so the losses of
 * disjoint parts add up to the loss of their union (the whole graph is one example).
 */
public interface TrainingObjective {

    /** The trainable parameters: the order of a backend's weights and gradients. */
    List<Weights> weights();

    /**
     * The loss of {@code batch}, built over {@link #weights()}, for one pass in {@code ctx} (which forwards and
     * back-propagates it; the loss may evaluate parts of the graph there while it is built).
     *
     * @param random the step's randomness (noise, negatives, dropout)
     * @throws UnsupportedOperationException for a kind of batch this objective cannot compute, saying why
     */
    BatchLoss loss(WorkBatch batch, SplittableRandom random, ComputationContext ctx);

    /**
     * A batch's loss: the total (a 1 × 1 variable), each term's unweighted variable by term key (in term order;
     * each must be part of the total's graph, so its value is computed with it), and the number of examples.
     */
    record BatchLoss(Variable total, Map<String, Variable> terms, double weight) {

        public BatchLoss {
            Objects.requireNonNull(total, "total is null");
            terms = java.util.Collections.unmodifiableMap(
                    new LinkedHashMap<>(Objects.requireNonNull(terms, "terms is null")));
            if (total.rows() != 1 || total.cols() != 1) {
                throw new IllegalArgumentException("A batch loss is a scalar, got " + total.render());
            }
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "A batch's weight must be positive and finite, got %s", weight));
            }
        }
    }
}
