// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import java.util.Locale;

/**
 * Caps on the 2-hop candidate neighbourhoods: each node keeps at most {@code first} of its neighbours as first hops,
 * and each first hop contributes at most {@code second} of its own neighbours. Which neighbours are kept is a pure
 * function of (seed, node, neighbour), hashed: the same on every run and every partitioning. 0 means no cap.
 *
 * @param first  c1, neighbours kept per node (0 = all)
 * @param second c2, neighbours kept per first hop (0 = all)
 * @param seed   the sampling seed
 */
public record HopCaps(int first, int second, long seed) {

    public HopCaps {
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Hop caps must be at least 0 (0 = no cap), got %d and %d", first, second));
        }
    }

    /** No caps: every node within 2 hops is a candidate. */
    public static HopCaps off() {
        return new HopCaps(0, 0, 0L);
    }

    /** Whether no neighbourhood is cut. */
    public boolean isOff() {
        return first == 0 && second == 0;
    }
}
