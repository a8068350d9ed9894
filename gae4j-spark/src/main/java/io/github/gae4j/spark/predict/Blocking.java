// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import java.util.Locale;

/**
 * How the all-pairs search splits its work: nodes hashed with {@code seed} into {@code blocks} blocks, one task per
 * block pair (B(B+1)/2 tasks of about (N/B)² pairs, each holding 2N/B embeddings and a heap of k per node), and
 * {@code partitions} shuffle partitions for the block-pair and merge stages. The result does not depend on any of
 * them.
 *
 * @param blocks     B, >= 1
 * @param partitions shuffle partitions, >= 1
 * @param seed       the block hash seed
 */
public record Blocking(int blocks, int partitions, long seed) {

    /** Nodes per block {@link #forNodes} aims at: 2 blocks of d = 64 doubles each stay a few MB per task. */
    public static final int NODES_PER_BLOCK = 4096;

    public Blocking {
        if (blocks < 1 || partitions < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "blocks and partitions must be at least 1, got %d and %d", blocks, partitions));
        }
    }

    /** Blocks of about {@link #NODES_PER_BLOCK} nodes for {@code nodes} nodes, one partition per block pair. */
    public static Blocking forNodes(long nodes, long seed) {
        int blocks = (int) Math.max(1, Math.min(4096, (nodes + NODES_PER_BLOCK - 1) / NODES_PER_BLOCK));
        int pairs = (int) Math.min(Integer.MAX_VALUE, (long) blocks * (blocks + 1) / 2);
        return new Blocking(blocks, pairs, seed);
    }
}
