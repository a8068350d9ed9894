// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished trial: its place in the trial list, the recipe, the validation AUC/AP of its best validation epoch
 * (the weights the model file reproduces), that epoch, the epochs trained and the wall time. A trial whose training
 * diverged has a {@code failure} and NaN scores, and never wins.
 *
 * @param number 1-based position in the trial list
 */
public record TrialResult(
        int number,
        Stage stage,
        Recipe recipe,
        double valAuc,
        double valAp,
        int bestEpoch,
        int epochsDone,
        long millis,
        Optional<String> failure) {

    /**
     * Better first: the higher validation AUC, then the higher validation AP, then the earlier trial (no tie left to
     * chance). The order of the leaderboard, the refinement and the choice of the winner.
     */
    public static final Comparator<TrialResult> BY_VALIDATION = Comparator.comparingDouble(TrialResult::valAuc)
            .reversed()
            .thenComparing(Comparator.comparingDouble(TrialResult::valAp).reversed())
            .thenComparingInt(TrialResult::number);

    public TrialResult {
        Objects.requireNonNull(stage, "stage is null");
        Objects.requireNonNull(recipe, "recipe is null");
        Objects.requireNonNull(failure, "failure is null");
    }

    /** Whether it trained to the end and can be ranked. */
    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** Wall time per epoch, validation included: what the next trial of the same kind will take per epoch. */
    public double millisPerEpoch() {
        return epochsDone == 0 ? Double.NaN : (double) millis / epochsDone;
    }
}
