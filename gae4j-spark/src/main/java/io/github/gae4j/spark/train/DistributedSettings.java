// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.error.ConfigException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How gae-spark cuts a graph for training: nodes hashed into {@code blocks} (one task each per step), each block
 * optionally into {@code rounds} (an epoch processes round 0's parts, then round 1's, …, so a task holds only a
 * fraction of its block at a time), and an L-hop halo around each part, its rows capped per hop.
 *
 * @param blocks   parts per round, >= 1 (the step's parallelism)
 * @param rounds   rounds per epoch, >= 1 (1 = every part in every step)
 * @param haloCaps neighbours kept per row at each hop (index = the node's distance from the part's own nodes);
 *                 empty, or an entry <= 0, keeps every neighbour (the exact halo)
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out
public record DistributedSettings(int blocks, int rounds, int[] haloCaps) {

    public DistributedSettings {
        if (blocks < 1) {
            throw new ConfigException(String.format(Locale.ROOT, "The number of blocks must be >= 1, got %d", blocks));
        }
        if (rounds < 1) {
            throw new ConfigException(String.format(Locale.ROOT, "The number of rounds must be >= 1, got %d", rounds));
        }
        haloCaps = haloCaps == null ? new int[0] : haloCaps.clone();
    }

    /** {@code blocks} parts, one round, exact halos. */
    public static DistributedSettings of(int blocks) {
        return new DistributedSettings(blocks, 1, new int[0]);
    }

    public DistributedSettings withRounds(int value) {
        return new DistributedSettings(blocks, value, haloCaps);
    }

    public DistributedSettings withHaloCaps(int... value) {
        return new DistributedSettings(blocks, rounds, value);
    }

    @Override
    public int[] haloCaps() {
        return haloCaps.clone();
    }

    /** The cap of rows at distance {@code hop}, or 0 for every neighbour. */
    public int capAt(int hop) {
        return hop < haloCaps.length && haloCaps[hop] > 0 ? haloCaps[hop] : 0;
    }

    /** The number of parts: blocks × rounds. */
    public int parts() {
        return blocks * rounds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistributedSettings d
                && d.blocks == blocks
                && d.rounds == rounds
                && Arrays.equals(d.haloCaps, haloCaps);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * blocks + rounds) + Arrays.hashCode(haloCaps);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "%d blocks x %d rounds, halo caps %s", blocks, rounds, Arrays.toString(haloCaps));
    }
}
