// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.runtime.train.TrainingState;
import java.util.function.Supplier;

/**
 * Stops a run after a given epoch, keeping the resumable state it was handed there: for tests that a run resumed from
 * that state (with {@code Trainer.fit(model, split, stop.state())}, or through a checkpoint file) is the
 * uninterrupted run, bit for bit. {@code TrainingResult.finalState()} of the stopped run is the same state.
 */
public final class StopAfter implements TrainingListener {

    private final int epoch;
    private TrainingState state;

    /** @param epoch the last epoch to run (1-based) */
    public StopAfter(int epoch) {
        this.epoch = epoch;
    }

    /** The state after the epoch, or null before it has run. */
    public TrainingState state() {
        return state;
    }

    @Override
    public void onEpoch(EpochStats stats) {}

    @Override
    public void afterEpoch(EpochStats stats, Supplier<TrainingState> snapshot) {
        if (stats.epoch() == epoch) {
            state = snapshot.get();
        }
    }

    @Override
    public boolean stopRequested() {
        return state != null;
    }
}
