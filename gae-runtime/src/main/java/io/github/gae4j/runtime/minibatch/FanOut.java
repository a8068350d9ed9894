// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.error.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Neighbours sampled per node and hop, outermost layer last as in PyG's {@code num_neighbors}: {@code 25,10} takes
 * up to 25 neighbours of each batch node, then up to 10 of each of those. {@code -1} takes every neighbour (the
 * exact computation). The list has one entry per message-passing hop of the encoder.
 */
public final class FanOut {

    /** Every neighbour at this hop. */
    public static final int ALL = -1;

    private final int[] perHop;

    private FanOut(int[] perHop) {
        this.perHop = perHop;
    }

    /**
     * @throws IllegalArgumentException when an entry is 0 or below -1
     */
    public static FanOut of(int... perHop) {
        for (int k = 0; k < perHop.length; k++) {
            if (perHop[k] == 0 || perHop[k] < ALL) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Fan-out entry %d is %d: each hop samples a positive number of neighbours, or -1 for all",
                        k + 1,
                        perHop[k]));
            }
        }
        return new FanOut(perHop.clone());
    }

    /** Every neighbour at each of {@code hops} hops: the exact computation. */
    public static FanOut all(int hops) {
        int[] all = new int[hops];
        Arrays.fill(all, ALL);
        return new FanOut(all);
    }

    /**
     * Parses {@code "25,10"} (comma-separated, spaces allowed, {@code -1} = all).
     *
     * @throws ConfigException naming the text and the bad entry
     */
    public static FanOut parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(
                    "The fan-out is empty: give one number of neighbours per encoder layer, e.g. 25,10 (-1 = all)");
        }
        String[] parts = text.split(",", -1);
        int[] values = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k].trim();
            try {
                values[k] = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "Fan-out '%s': entry %d ('%s') is not a whole number; write e.g. 25,10 (-1 = all neighbours)",
                        text,
                        k + 1,
                        part));
            }
        }
        try {
            return of(values);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Fan-out '" + text + "': " + e.getMessage());
        }
    }

    /** The number of hops (encoder layers) it covers. */
    public int hops() {
        return perHop.length;
    }

    /** Neighbours sampled at hop {@code hop} (0 = the batch nodes' own neighbours), {@link #ALL} for all. */
    public int at(int hop) {
        return perHop[hop];
    }

    /** Whether every hop takes every neighbour. */
    public boolean isExact() {
        return Arrays.stream(perHop).allMatch(v -> v == ALL);
    }

    public int[] toArray() {
        return perHop.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FanOut f && Arrays.equals(f.perHop, perHop);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(perHop);
    }

    /** {@code 25,10}: what {@link #parse} reads. */
    @Override
    public String toString() {
        return Arrays.stream(perHop).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
