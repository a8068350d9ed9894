// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the learning rate changes over a run: epoch {@code e} (1-based) of {@code T} steps with
 * {@code learningRate · factor(e, T)}. The factor depends on ({@code e}, {@code T}) only, so a
 * resumed run needs no scheduler state to continue exactly. {@code T} is the configured epoch
 * count: extending a run on resume stretches the rest of the schedule.
 */
public enum LearningRateSchedule {

    /** The same rate every epoch. */
    CONSTANT("constant"),

    /**
     * GraphMAE's cosine decay to zero, PyTorch's {@code LambdaLR} with
     * {@code lambda t: (1 + cos(t * π / T)) * 0.5} stepped after each epoch: epoch {@code e} uses
     * {@code t = e − 1}, so the first epoch runs at the full rate and the last one just above zero.
     */
    COSINE("cosine");

    private final String key;

    LearningRateSchedule(String key) {
        this.key = key;
    }

    /** The name in model files and on the command line. */
    public String key() {
        return key;
    }

    /** The multiplier of the base learning rate in {@code epoch} (1 … {@code totalEpochs}). */
    public double factor(int epoch, int totalEpochs) {
        if (totalEpochs < 1 || epoch < 1 || epoch > totalEpochs) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "epoch must be in 1 … totalEpochs, got %d of %d", epoch, totalEpochs));
        }
        return switch (this) {
            case CONSTANT -> 1.0;
            // PyTorch's expression, in its order of operations.
            case COSINE -> (1 + Math.cos((epoch - 1) * Math.PI / totalEpochs)) * 0.5;
        };
    }

    /** The schedule named {@code key} ({@link #key()}), if there is one. */
    public static Optional<LearningRateSchedule> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** Every {@link #key()}, comma-separated, for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(LearningRateSchedule::key).collect(Collectors.joining(", "));
    }
}
