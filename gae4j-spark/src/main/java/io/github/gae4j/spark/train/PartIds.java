// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.spark.graph.NodeBlocks;
import java.io.Serializable;

/**
 * The part that owns a node: its block (hashed with the run's seed) times the rounds plus its round (hashed again,
 * with another seed), so part {@code block * rounds + round}. A pure function of (id, seed) on every machine. A
 * plain class, not a record: Spark's Kryo cannot rebuild records.
 */
public final class PartIds implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final long ROUND_SALT = 0x632be59bd9b4e019L;

    private final NodeBlocks blocks;
    private final NodeBlocks rounds;

    public PartIds(NodeBlocks blocks, NodeBlocks rounds) {
        this.blocks = blocks;
        this.rounds = rounds;
    }

    public static PartIds of(DistributedSettings settings, long seed) {
        return new PartIds(
                new NodeBlocks(settings.blocks(), seed), new NodeBlocks(settings.rounds(), seed ^ ROUND_SALT));
    }

    public int count() {
        return blocks.count() * rounds.count();
    }

    public int roundCount() {
        return rounds.count();
    }

    /** The part of node {@code id}. */
    public int partOf(long id) {
        int round = rounds.count() == 1 ? 0 : rounds.blockOf(id);
        return blocks.blockOf(id) * rounds.count() + round;
    }

    /** The round of part {@code part}. */
    public int roundOf(int part) {
        return part % rounds.count();
    }
}
