// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import java.util.List;

/**
 * Top-k link search over one scorer and its {@link KnownLinks}: the best candidate pairs in {@link
 * ScoredPair#RANKING} order. Implementations are thread-safe. A search returns fewer than k where fewer candidates
 * exist. For an undirected scorer, {@link #top(int)} lists each pair once, as (smaller index, larger index).
 */
public interface LinkSearch {

    /** The k best candidate pairs over the whole graph. */
    List<ScoredPair> top(int k);

    /** The k best candidate targets of {@code source}. */
    List<ScoredPair> topFrom(int source, int k);

    /** {@link #topFrom} for each of {@code sources}, in their order; implementations batch and parallelise it. */
    default List<List<ScoredPair>> topFrom(int[] sources, int k) {
        List<List<ScoredPair>> out = new java.util.ArrayList<>(sources.length);
        for (int source : sources) {
            out.add(topFrom(source, k));
        }
        return out;
    }

    /**
     * Does the one-time work (an index build) now rather than on the first search: a server calls it before it
     * listens, so no request waits minutes. Nothing for searches without such work.
     */
    default void prepare() {}

    /** Whether the results are exact (equal to brute force) or approximate. */
    boolean exact();

    /**
     * One line for users on what searches and why, e.g. "exact (blocked inner products, 2 threads)" or "exact: decoder
     * 'gravity' is not an inner product, which no vector index serves".
     */
    String describe();
}
