// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import java.util.SplittableRandom;

/**
 * The seeds of a run's randomness, each a function of (run seed, epoch[, batch]) alone: a resumed run draws what an
 * uninterrupted one did without storing generator state, and no draw depends on a thread.
 */
public final class Seeds {

    private Seeds() {}

    /** The seed of epoch {@code epoch}: the full-batch step's, and the negatives' of a mini-batch epoch's batch 0. */
    public static long epoch(long seed, int epoch) {
        return new SplittableRandom(seed).split().nextLong() ^ mix(epoch);
    }

    /**
     * The seed of batch {@code index}'s data (its negatives); batch 0's is {@link #epoch}'s, so one batch holding
     * every training edge draws the negatives a full-batch epoch draws.
     */
    public static long batch(long seed, int epoch, int index) {
        return index == 0 ? epoch(seed, epoch) : epoch(seed, epoch) ^ mix(0x5851f42d4c957f2dL + index);
    }

    /** The seed of batch {@code index}'s step (neighbour sampling, noise, dropout), apart from its data's. */
    public static long step(long seed, int epoch, int index) {
        return mix(batch(seed, epoch, index) ^ 0x2545f4914f6cdd1dL);
    }

    /** The seed of epoch {@code epoch}'s shuffles (edges into batches, nodes into the batches' shares). */
    public static long shuffle(long seed, int epoch) {
        return mix(epoch(seed, epoch) + 0x9e3779b97f4a7c15L);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
