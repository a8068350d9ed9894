// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import io.github.gae4j.spark.graph.NodeBlocks;
import org.apache.spark.Partitioner;

/**
 * Partition b holds block b: a node id (a {@code Long}) goes to its block, an {@link EdgeKey} to its source's
 * block, a {@linkplain PartialKeys partial-sum key} to its target's block.
 */
final class BlockPartitioner extends Partitioner {

    private static final long serialVersionUID = 1L;

    private final NodeBlocks blocks;
    private final boolean partialKeys;

    private BlockPartitioner(NodeBlocks blocks, boolean partialKeys) {
        this.blocks = blocks;
        this.partialKeys = partialKeys;
    }

    /** For node ids and edge keys. */
    static BlockPartitioner ofNodes(NodeBlocks blocks) {
        return new BlockPartitioner(blocks, false);
    }

    /** For partial-sum keys. */
    static BlockPartitioner ofPartials(NodeBlocks blocks) {
        return new BlockPartitioner(blocks, true);
    }

    @Override
    public int numPartitions() {
        return blocks.count();
    }

    @Override
    public int getPartition(Object key) {
        if (partialKeys) {
            return PartialKeys.targetBlock((Long) key);
        }
        return key instanceof EdgeKey edge ? blocks.blockOf(edge.source()) : blocks.blockOf((Long) key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockPartitioner p
                && p.partialKeys == partialKeys
                && p.blocks.count() == blocks.count()
                && p.blocks.seed() == blocks.seed();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(blocks.seed() * 31 + blocks.count()) * 2 + (partialKeys ? 1 : 0);
    }
}
