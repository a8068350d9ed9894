// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Map;

/** One term of the training objective, a scalar variable; terms are summed with weights. */
public interface Loss {

    Variable loss(LossInput input);

    /**
     * Whether this term can be computed on a link mini-batch ({@link LossInput#batch()} not null): from the batch's
     * pairs and node rows of a sampled subgraph alone, never from the training graph's positives or all of Z.
     * False by default, so a term written before mini-batches existed is refused by name in mini-batch training
     * instead of silently computing on the wrong rows. The testkit's {@code LossContract} checks a term that says
     * true on a batch.
     */
    default boolean supportsMiniBatch() {
        return false;
    }

    /**
     * Parameters this term owns that the model's optimiser trains with the encoder (e.g. a feature
     * decoder); they are saved with the model. Parameters trained by the term itself (an
     * adversarial discriminator) are not listed here: {@link #state()} holds them.
     */
    default List<Weights> weights() {
        return List.of();
    }

    /**
     * Training state this term keeps for itself and changes as it trains, beyond {@link #weights()}:
     * e.g. a network it trains with its own optimiser (the adversarial discriminator, its Adam
     * moments and step counts) or a call counter. The trainer stores it in its {@code
     * TrainingState} and in checkpoints, under this term's name, after every epoch, and hands it
     * back to {@link #restoreState} of a freshly assembled term on resume; a term whose next passes
     * depend on anything not in here (or in {@link #weights()}, or the pass's random source) makes
     * resumed runs differ from uninterrupted ones.
     *
     * <p>Return a snapshot: tensors copied, not the live ones, with stable names that are unique in
     * this term (other terms may use the same names), in a stable order. Counters go in as 1 × 1
     * tensors (doubles hold integers exactly up to 2<sup>53</sup>). Empty (the default) for a term
     * without such state.
     */
    default Map<String, Matrix> state() {
        return Map.of();
    }

    /**
     * Sets the state from a {@link #state()} snapshot of a term created with the same options, as
     * the trainer does when it resumes, before the first pass; copy the values in, do not keep the
     * given matrices. Check everything before changing anything, and refuse a missing, unknown or
     * mis-shaped tensor with an {@link IllegalArgumentException} naming it (the trainer adds the
     * term's name). The default accepts only an empty state.
     */
    default void restoreState(Map<String, Matrix> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException("The loss keeps no state of its own, but the saved state holds "
                    + "tensor '" + state.keySet().iterator().next() + "'");
        }
    }
}
