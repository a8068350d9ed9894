// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.spi.PairScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The reference search: every candidate pair scored one row at a time through {@link PairScorer#logitsFrom}, kept
 * in a bounded heap. Single-threaded and simple, so tests compare the fast searches against it, and the bench uses it
 * as the naive row-by-row baseline.
 */
public final class BruteForceSearch implements LinkSearch {

    private final PairScorer scorer;
    private final KnownLinks known;

    public BruteForceSearch(PairScorer scorer, KnownLinks known) {
        this.scorer = Objects.requireNonNull(scorer, "scorer is null");
        this.known = Objects.requireNonNull(known, "known is null");
        if (scorer.nodes() != known.nodes()) {
            throw new IllegalArgumentException(
                    "scorer has " + scorer.nodes() + " nodes but known links " + known.nodes());
        }
    }

    @Override
    public List<ScoredPair> top(int k) {
        requirePositive(k);
        PriorityQueue<ScoredPair> heap = new PriorityQueue<>(ScoredPair.RANKING.reversed());
        double[] row = new double[scorer.nodes()];
        for (int u = 0; u < scorer.nodes(); u++) {
            scorer.logitsFrom(u, row);
            for (int v = scorer.directed() ? 0 : u + 1; v < row.length; v++) {
                if (!known.excludes(u, v)) {
                    offer(heap, new ScoredPair(u, v, row[v]), k);
                }
            }
        }
        return sorted(heap);
    }

    @Override
    public List<ScoredPair> topFrom(int source, int k) {
        requirePositive(k);
        PriorityQueue<ScoredPair> heap = new PriorityQueue<>(ScoredPair.RANKING.reversed());
        double[] row = new double[scorer.nodes()];
        scorer.logitsFrom(source, row);
        for (int v = 0; v < row.length; v++) {
            if (!known.excludes(source, v)) {
                offer(heap, new ScoredPair(source, v, row[v]), k);
            }
        }
        return sorted(heap);
    }

    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public String describe() {
        return "exact (brute force, one row at a time)";
    }

    private static void offer(PriorityQueue<ScoredPair> heap, ScoredPair p, int k) {
        if (heap.size() < k) {
            heap.add(p);
        } else if (ScoredPair.RANKING.compare(p, heap.peek()) < 0) {
            heap.poll();
            heap.add(p);
        }
    }

    private static List<ScoredPair> sorted(PriorityQueue<ScoredPair> heap) {
        List<ScoredPair> out = new ArrayList<>(heap);
        out.sort(ScoredPair.RANKING);
        return out;
    }

    static void requirePositive(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
    }
}
