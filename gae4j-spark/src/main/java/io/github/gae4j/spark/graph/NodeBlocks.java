// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.graph;

import java.io.Serializable;
import java.util.Locale;

/**
 * Which block owns a node: its long id hashed with the run's seed into {@code count} blocks. Hashing, not ranges,
 * so blocks are balanced and unrelated to the graph's structure (a block's nodes are a uniform random sample of
 * all nodes, which is what makes within-block negatives as good as uniform ones). A pure function of (id, seed):
 * every executor and the driver agree without shipping a table.
 *
 * <p>What it holds:
 * <ul>
 *   <li>{@code count}: the number of blocks, >= 1
 *   <li>{@code seed}: the run's seed
 * </ul>
 */
public final class NodeBlocks implements Serializable {

    private static final long serialVersionUID = 1L;

    // A plain class, not a record: Spark's Kryo (when a cluster configures it) cannot rebuild records.
    private final int count;
    private final long seed;

    public NodeBlocks(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "The number of blocks must be at least 1, got %d", count));
        }
        this.count = count;
        this.seed = seed;
    }

    public int count() {
        return count;
    }

    public long seed() {
        return seed;
    }

    /** The block of node {@code id}, in [0, count). */
    public int blockOf(long id) {
        return (int) Long.remainderUnsigned(mix(id ^ mix(seed)), count);
    }

    /** SplitMix64's finaliser: a bijection of longs that spreads nearby ids. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
