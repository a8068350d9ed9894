// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.error.ConfigException;
import java.util.Locale;
import java.util.Objects;

/**
 * Mini-batch training: each step takes {@code batchSize} training edges (shuffled per epoch), {@code negativeRatio}
 * times as many non-edges drawn by {@code negatives}, samples the encoder's neighbourhood of their endpoints with
 * {@code fanOut}, and steps the optimiser once. {@code batchesPerEpoch} caps an epoch's steps (0 = every batch, so
 * an epoch sees every training edge once).
 *
 * @param batchSize       positive edges per batch, >= 1
 * @param fanOut          neighbours per hop, one entry per encoder layer
 * @param negativeRatio   non-edges per positive, > 0
 * @param negatives       how non-edges are drawn
 * @param batchesPerEpoch steps per epoch, 0 = all batches
 */
public record MiniBatchSettings(
        int batchSize, FanOut fanOut, double negativeRatio, NegativeSampling negatives, int batchesPerEpoch) {

    public static final double DEFAULT_NEGATIVE_RATIO = 1.0;

    public MiniBatchSettings {
        if (batchSize < 1) {
            throw new ConfigException(
                    String.format(Locale.ROOT, "The batch size must be at least 1 training edge, got %d", batchSize));
        }
        Objects.requireNonNull(fanOut, "fanOut is null");
        Objects.requireNonNull(negatives, "negatives is null");
        if (!(negativeRatio > 0) || !Double.isFinite(negativeRatio)) {
            throw new ConfigException(String.format(
                    Locale.ROOT, "The negative ratio must be positive and finite, got %s", negativeRatio));
        }
        if (batchesPerEpoch < 0) {
            throw new ConfigException(
                    String.format(Locale.ROOT, "Batches per epoch must be >= 0 (0 = all), got %d", batchesPerEpoch));
        }
    }

    /** Uniform negatives, ratio 1, every batch in each epoch. */
    public static MiniBatchSettings of(int batchSize, FanOut fanOut) {
        return new MiniBatchSettings(batchSize, fanOut, DEFAULT_NEGATIVE_RATIO, NegativeSampling.UNIFORM, 0);
    }

    public MiniBatchSettings withNegativeRatio(double value) {
        return new MiniBatchSettings(batchSize, fanOut, value, negatives, batchesPerEpoch);
    }

    public MiniBatchSettings withNegatives(NegativeSampling value) {
        return new MiniBatchSettings(batchSize, fanOut, negativeRatio, value, batchesPerEpoch);
    }

    public MiniBatchSettings withBatchesPerEpoch(int value) {
        return new MiniBatchSettings(batchSize, fanOut, negativeRatio, negatives, value);
    }

    /** The batches that cover {@code positives} training edges once, whatever the cap. */
    public int batchesToCover(int positives) {
        return (int) ((positives + (long) batchSize - 1) / batchSize);
    }

    /** The batches of an epoch over {@code positives} training edges: all of them, or the cap. */
    public int batchesPerEpoch(int positives) {
        int all = batchesToCover(positives);
        return batchesPerEpoch == 0 ? all : Math.min(all, batchesPerEpoch);
    }
}
