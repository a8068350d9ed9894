// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import io.github.gae4j.core.tensor.Matrix;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs to continue exactly where it stopped: the epochs done and their history,
 * the current parameters, the best-validation epoch and its parameters, the optimiser's state
 * (moments, momentum buffers), and the private state of the loss terms ({@code Loss.state()}: e.g. an adversarial
 * discriminator with its own optimiser). Per-epoch randomness is derived from (seed, epoch), so no
 * generator state is needed. Parameter lists follow {@code GraphAutoencoder.weights()} order.
 *
 * @param bestWeights empty when no validation epoch has been measured
 * @param optimizer   the optimiser's name and its {@code Optimizer.state()} for the parameters
 * @param lossState   each loss term's {@code Loss.state()}, keyed by {@code GraphAutoencoder.lossTermKeys()} (the
 *                    term's name, {@code name#2}, {@code name#3}, … for repeated names), in term order, with an entry,
 *                    possibly empty, for every term; no entries at all for a state saved before loss state was
 *                    kept (the terms then keep their fresh state on resume)
 */
public record TrainingState(
        int epochsDone,
        List<EpochStats> history,
        int bestEpoch,
        double bestValAuc,
        List<Matrix> weights,
        List<Matrix> bestWeights,
        OptimizerState optimizer,
        Map<String, Map<String, Matrix>> lossState) {

    public TrainingState {
        history = List.copyOf(history);
        weights = List.copyOf(weights);
        bestWeights = List.copyOf(bestWeights);
        Objects.requireNonNull(optimizer, "optimizer is null");
        lossState = immutable(Objects.requireNonNull(lossState, "lossState is null"));
        if (epochsDone < 0 || history.size() != epochsDone) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Training state says %d epochs done but holds %d history rows",
                    epochsDone,
                    history.size()));
        }
        if (!bestWeights.isEmpty() && bestWeights.size() != weights.size()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Training state holds %d parameters and %d best parameters",
                    weights.size(),
                    bestWeights.size()));
        }
    }

    /** A state without loss state (as saved before loss terms could keep any). */
    public TrainingState(
            int epochsDone,
            List<EpochStats> history,
            int bestEpoch,
            double bestValAuc,
            List<Matrix> weights,
            List<Matrix> bestWeights,
            OptimizerState optimizer) {
        this(epochsDone, history, bestEpoch, bestValAuc, weights, bestWeights, optimizer, Map.of());
    }

    /** Whether the loss terms' state was recorded (an entry per term, possibly empty). */
    public boolean hasLossState() {
        return !lossState.isEmpty();
    }

    /** An unmodifiable copy keeping the order of terms and of tensors within a term. */
    private static Map<String, Map<String, Matrix>> immutable(Map<String, Map<String, Matrix>> state) {
        Map<String, Map<String, Matrix>> out = new LinkedHashMap<>();
        state.forEach((term, tensors) -> {
            Objects.requireNonNull(term, "loss term key is null");
            Objects.requireNonNull(tensors, () -> "state of loss term '" + term + "' is null");
            Map<String, Matrix> copy = new LinkedHashMap<>();
            tensors.forEach((name, value) -> {
                Objects.requireNonNull(name, () -> "a tensor of loss term '" + term + "' has no name");
                copy.put(
                        name,
                        Objects.requireNonNull(
                                value, () -> "tensor '" + name + "' of loss term '" + term + "' is null"));
            });
            out.put(term, Collections.unmodifiableMap(copy));
        });
        return Collections.unmodifiableMap(out);
    }
}
