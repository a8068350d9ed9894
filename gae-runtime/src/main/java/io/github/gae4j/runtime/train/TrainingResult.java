// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.provenance.Provenance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The history of a run, the epoch with the best validation AUC, test AUC/AP of the evaluated
 * weights (last epoch, or best epoch with {@code restoreBest}), whether a listener stopped it
 * before the configured epochs, and its final resumable state (the last epoch's parameters, even
 * when the best ones were restored for testing), and where the model came from (present when
 * training was given a {@link Provenance}: {@link Trainer#fit(io.github.gae4j.runtime.model.GraphAutoencoder,
 * io.github.gae4j.core.graph.LinkSplit, TrainingState, Provenance)}).
 */
public record TrainingResult(
        List<EpochStats> history,
        int bestEpoch,
        LinkScores test,
        boolean stoppedEarly,
        TrainingState finalState,
        Optional<Provenance> provenance) {

    public TrainingResult {
        history = List.copyOf(history);
        Objects.requireNonNull(test, "test is null");
        Objects.requireNonNull(finalState, "finalState is null");
        Objects.requireNonNull(provenance, "provenance is null");
    }

    /** A result without provenance. */
    public TrainingResult(
            List<EpochStats> history, int bestEpoch, LinkScores test, boolean stoppedEarly, TrainingState finalState) {
        this(history, bestEpoch, test, stoppedEarly, finalState, Optional.empty());
    }

    /** The same result, recording where its model came from. */
    public TrainingResult withProvenance(Provenance value) {
        return new TrainingResult(history, bestEpoch, test, stoppedEarly, finalState, Optional.of(value));
    }

    /** Median wall time of a training step in milliseconds. */
    public double medianEpochMillis() {
        double[] t =
                history.stream().mapToDouble(EpochStats::trainMillis).sorted().toArray();
        if (t.length == 0) {
            return Double.NaN;
        }
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2.0;
    }

    public EpochStats last() {
        return history.get(history.size() - 1);
    }

    public double[] epochMillis() {
        return history.stream().mapToDouble(EpochStats::trainMillis).toArray();
    }

    @Override
    public String toString() {
        return "TrainingResult[epochs=" + history.size() + ", best=" + bestEpoch + ", test=" + test + ", stoppedEarly="
                + stoppedEarly + ", medianEpochMillis=" + medianEpochMillis() + "]";
    }
}
