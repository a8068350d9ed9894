// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import java.io.Serializable;

/**
 * A directed edge as the propagation's structure sorts it: in the partition of its source's block, ordered by
 * (target's block, target, source), so that a block's edges stream out grouped by the neighbour they feed.
 */
final class EdgeKey implements Comparable<EdgeKey>, Serializable {

    private static final long serialVersionUID = 1L;

    private final int targetBlock;
    private final long target;
    private final long source;

    EdgeKey(int targetBlock, long target, long source) {
        this.targetBlock = targetBlock;
        this.target = target;
        this.source = source;
    }

    int targetBlock() {
        return targetBlock;
    }

    long target() {
        return target;
    }

    long source() {
        return source;
    }

    @Override
    public int compareTo(EdgeKey o) {
        int c = Integer.compare(targetBlock, o.targetBlock);
        if (c == 0) {
            c = Long.compare(target, o.target);
        }
        return c != 0 ? c : Long.compare(source, o.source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeKey k && k.targetBlock == targetBlock && k.target == target && k.source == source;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(target * 31 + source);
    }
}
