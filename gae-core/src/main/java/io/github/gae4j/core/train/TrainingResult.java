package io.github.gae4j.core.train;

import io.github.gae4j.core.metrics.LinkScores;
import java.util.List;

/**
 * The history of a run, the epoch with the best validation AUC, and test AUC/AP of the evaluated
 * weights (last epoch, or best epoch with {@code restoreBest}).
 */
public record TrainingResult(List<EpochStats> history, int bestEpoch, LinkScores test) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Median wall time of a training step in milliseconds. */
    public double medianEpochMillis() {
        double[] t = history.stream().mapToDouble(EpochStats::trainMillis).sorted().toArray();
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
        return "TrainingResult[epochs=" + history.size() + ", best=" + bestEpoch + ", test=" + test
                + ", medianEpochMillis=" + medianEpochMillis() + "]";
    }
}
