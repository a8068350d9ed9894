package io.github.gae4j.core.train;

import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a run needs to continue exactly where it stopped: the epochs done and their history,
 * the current parameters, the best-validation epoch and its parameters, and the optimiser's
 * moments. Per-epoch randomness is derived from (seed, epoch), so no generator state is needed.
 * Parameter lists follow {@code GraphAutoencoder.weights()} order.
 *
 * @param bestWeights empty when no validation epoch has been measured
 */
public record TrainingState(int epochsDone, List<EpochStats> history, int bestEpoch, double bestValAuc,
                            List<Matrix> weights, List<Matrix> bestWeights, List<Adam.Moments> optimizer) {

    public TrainingState {
        history = List.copyOf(history);
        weights = List.copyOf(weights);
        bestWeights = List.copyOf(bestWeights);
        optimizer = List.copyOf(optimizer);
        Objects.requireNonNull(weights, "weights is null");
        if (epochsDone < 0 || history.size() != epochsDone) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Training state says %d epochs done but holds %d history rows", epochsDone, history.size()));
        }
        if (optimizer.size() != weights.size() || (!bestWeights.isEmpty() && bestWeights.size() != weights.size())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Training state holds %d parameters, %d best parameters and %d optimizer entries",
                    weights.size(), bestWeights.size(), optimizer.size()));
        }
    }
}
