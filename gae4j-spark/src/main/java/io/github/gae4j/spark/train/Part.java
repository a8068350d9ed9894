// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.spark.graph.LocalGraph;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One part of a distributed graph, as one Spark task holds it: the nodes it owns (their negatives and their share
 * of node-level terms are its), its pairs (the training edges whose {@code src} it owns), and its {@link LocalGraph}: the owned nodes
 * and the pairs' endpoints with an L-hop halo.
 *
 * <p>Executor-side objects (the assembled model, its objective) are cached in a transient field, so a persisted
 * part builds them once per executor and never ships them.
 */
public final class Part implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int id;
    private final LocalGraph graph;
    private final long[] owned;
    private final long[] pairSrc;
    private final long[] pairDst;
    private transient Object cache;

    /**
     * @param owned   the owned node ids, ascending
     * @param pairSrc the pairs' first ends (in a fixed order)
     * @param pairDst the pairs' second ends
     */
    public Part(int id, LocalGraph graph, long[] owned, long[] pairSrc, long[] pairDst) {
        this.id = id;
        this.graph = Objects.requireNonNull(graph, "graph is null");
        this.owned = Objects.requireNonNull(owned, "owned is null");
        this.pairSrc = Objects.requireNonNull(pairSrc, "pairSrc is null");
        this.pairDst = Objects.requireNonNull(pairDst, "pairDst is null");
        if (pairDst.length != pairSrc.length) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%d pair sources but %d targets", pairSrc.length, pairDst.length));
        }
    }

    public int id() {
        return id;
    }

    public LocalGraph graph() {
        return graph;
    }

    /** The owned node ids, ascending (the array itself: do not change it). */
    long[] ownedIds() {
        return owned;
    }

    long[] pairSrcIds() {
        return pairSrc;
    }

    long[] pairDstIds() {
        return pairDst;
    }

    public int ownedCount() {
        return owned.length;
    }

    public int pairCount() {
        return pairSrc.length;
    }

    /** A copy of the owned node ids. */
    public long[] owned() {
        return owned.clone();
    }

    /** The executor-side cache (null until set), for the step. */
    synchronized Object cache() {
        return cache;
    }

    synchronized void cache(Object value) {
        cache = value;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Part[%d: %d owned, %d pairs, %d local nodes]",
                id,
                owned.length,
                pairSrc.length,
                graph.nodeCount());
    }
}
