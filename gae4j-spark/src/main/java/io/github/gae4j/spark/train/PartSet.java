// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;

/**
 * Parts built and persisted on the executors (part {@code k} is RDD partition {@code k}), with what the driver
 * knows of each: its pairs and its owned nodes, counted once after building.
 *
 * @param parts       the persisted parts
 * @param ids         which part owns a node
 * @param pairCounts  pairs per part id
 * @param ownedCounts owned nodes per part id
 * @param nodeCount   the graph's node count
 */
@SuppressWarnings("ArrayRecordComponent") // read-only counts the driver computed
public record PartSet(JavaRDD<Part> parts, PartIds ids, int[] pairCounts, int[] ownedCounts, long nodeCount) {

    public PartSet {
        Objects.requireNonNull(parts, "parts is null");
        Objects.requireNonNull(ids, "ids is null");
    }

    public long pairCount() {
        long sum = 0;
        for (int c : pairCounts) {
            sum += c;
        }
        return sum;
    }

    /** Releases the persisted parts. */
    public void release() {
        parts.unpersist(false);
    }
}
