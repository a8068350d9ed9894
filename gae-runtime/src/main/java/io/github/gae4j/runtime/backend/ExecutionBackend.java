// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import io.github.gae4j.core.tensor.Matrix;
import java.util.List;

/**
 * Where the loss and the gradients of a training step are computed: the seam between the training loop (which
 * owns the weights, the optimiser and the schedule) and the machinery that evaluates the objective. A step asks
 * its backend for {@link LossAndGradients} of a {@link WorkBatch} at given weights, then steps the optimiser on
 * exactly what came back; so a backend may compute elsewhere (other processes, Spark executors), on parts of the
 * batch, and {@linkplain LossAndGradients#sum sum} the parts before the optimiser steps.
 *
 * <p>{@link LocalBackend} computes on this machine with a thread budget, and is bit-identical to training before
 * the seam existed. A backend that cannot compute a kind of batch, or an objective that cannot be computed there
 * (a loss that trains its own network between passes cannot be split across machines), fails with an
 * {@link UnsupportedOperationException} saying which and why, never silently.
 *
 * <p>Determinism: given the same objective, weights, batch and {@code stepSeed}, a backend returns the same numbers
 * whatever its parallelism; a sharding backend draws each shard's randomness from {@code stepSeed} and the
 * shard's position, never from a thread or an arrival order, and sums in a fixed order.
 */
public interface ExecutionBackend extends AutoCloseable {

    /**
     * The loss of {@code batch} under {@code objective} and its gradients with respect to
     * {@link TrainingObjective#weights()}, evaluated at {@code weights} (values in that order; the live parameter
     * matrices themselves, or copies a driver holds).
     *
     * @param stepSeed seeds the step's randomness (noise, negatives, dropout), a function of the run's seed and the
     *                 step alone, so a resumed run draws what an uninterrupted one did
     */
    LossAndGradients lossAndGradients(
            TrainingObjective objective, List<Matrix> weights, WorkBatch batch, long stepSeed);

    /** Releases what the backend holds (threads, connections); a no-op by default. */
    @Override
    default void close() {}
}
