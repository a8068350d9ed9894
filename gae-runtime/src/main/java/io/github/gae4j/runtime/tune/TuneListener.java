// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

import io.github.gae4j.runtime.train.EpochStats;

/** Progress of a search: trials starting and ending, epochs, trials skipped. Every method does nothing by default. */
public interface TuneListener {

    TuneListener NONE = new TuneListener() {};

    /**
     * A trial starts.
     *
     * @param planned trials known so far (the refinement is planned after the screening)
     */
    default void trialStarted(int number, int planned, Stage stage, Recipe recipe) {}

    default void epoch(int number, EpochStats stats) {}

    default void trialFinished(TrialResult result) {}

    default void trialSkipped(SkippedTrial skipped) {}
}
