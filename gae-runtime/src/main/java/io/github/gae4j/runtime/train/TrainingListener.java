// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import java.util.function.Supplier;

/** Called after every epoch (progress bars, early stopping, checkpoints). */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = stats -> {};

    void onEpoch(EpochStats stats);

    /**
     * After each optimiser step of a mini-batch epoch (not called in full-batch training, where the epoch is the
     * step): per-batch progress.
     */
    default void onBatch(BatchStats stats) {}

    /**
     * After {@link #onEpoch}, with the resumable state of the run: calling {@code state.get()} copies
     * the parameters and optimiser moments, so call it only when a checkpoint is due.
     */
    default void afterEpoch(EpochStats stats, Supplier<TrainingState> state) {}

    /** Checked after every epoch: true ends the run there (Ctrl-C, a time budget); the result says it stopped. */
    default boolean stopRequested() {
        return false;
    }
}
