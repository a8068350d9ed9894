// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.predict;

import io.github.gae4j.core.graph.EdgeList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The held-out test edges of a split, to score predictions against ({@code gae predict --include-heldout}): how many
 * of the listed links are test edges. For an undirected model a test edge matches either order; for a directed one,
 * the order the split records. Self pairs and repeats count once.
 */
public final class HeldOutEdges {

    private final boolean directed;
    private final Set<Long> pairs;
    private final int[] degree;

    private HeldOutEdges(boolean directed, Set<Long> pairs, int[] degree) {
        this.directed = directed;
        this.pairs = pairs;
        this.degree = degree;
    }

    /** {@code edges} by node index over {@code nodes} nodes. */
    public static HeldOutEdges of(EdgeList edges, int nodes, boolean directed) {
        Set<Long> pairs = new HashSet<>(edges.size() * 2);
        int[] degree = new int[nodes];
        for (int k = 0; k < edges.size(); k++) {
            int u = edges.src(k);
            int v = edges.dst(k);
            if (u != v && pairs.add(key(u, v, directed))) {
                degree[u]++;
                if (!directed) {
                    degree[v]++;
                }
            }
        }
        return new HeldOutEdges(directed, pairs, degree);
    }

    private static long key(int u, int v, boolean directed) {
        int a = directed ? u : Math.min(u, v);
        int b = directed ? v : Math.max(u, v);
        return (long) a << 32 | (b & 0xffffffffL);
    }

    /** Whether source → target is a held-out test edge. */
    public boolean contains(int source, int target) {
        return pairs.contains(key(source, target, directed));
    }

    /** Number of distinct test edges. */
    public int size() {
        return pairs.size();
    }

    /** Test edges from {@code node} (either end for an undirected model). */
    public int degree(int node) {
        return degree[node];
    }

    /** Test edges among a global top-K list: precision = hits / listed, recall = hits / all test edges. */
    public static final class TopScore {
        private final HeldOutEdges edges;
        private long listed;
        private long hits;

        public TopScore(HeldOutEdges edges) {
            this.edges = edges;
        }

        public void add(int source, int target) {
            listed++;
            if (edges.contains(source, target)) {
                hits++;
            }
        }

        public String summary(int k) {
            return String.format(
                    Locale.ROOT,
                    "held-out test edges among the top %d: %d of %d listed, %d test edges in all:"
                            + " precision@%d %.4f, recall@%d %.4f",
                    k,
                    hits,
                    listed,
                    edges.size(),
                    k,
                    listed == 0 ? 0.0 : (double) hits / listed,
                    k,
                    edges.size() == 0 ? 0.0 : (double) hits / edges.size());
        }
    }

    /**
     * Test edges among each node's top-K, averaged over the nodes listed that have test edges: per node, precision =
     * hits / links listed, recall = hits / its test edges, hit = at least one test edge listed.
     */
    public static final class PerNodeScore {
        private final HeldOutEdges edges;
        private long nodes;
        private double precision;
        private double recall;
        private long hitNodes;
        private long hits;

        public PerNodeScore(HeldOutEdges edges) {
            this.edges = edges;
        }

        /** One node's list: {@code targets} by index, best first. */
        public void add(int source, int[] targets) {
            int degree = edges.degree(source);
            if (degree == 0 || targets.length == 0) {
                if (degree > 0) {
                    nodes++;
                }
                return;
            }
            int h = 0;
            for (int t : targets) {
                if (edges.contains(source, t)) {
                    h++;
                }
            }
            nodes++;
            hits += h;
            precision += (double) h / targets.length;
            recall += (double) h / degree;
            if (h > 0) {
                hitNodes++;
            }
        }

        public String summary(int k) {
            if (nodes == 0) {
                return "held-out test edges: none of the nodes listed has one, so there is nothing to score";
            }
            return String.format(
                    Locale.ROOT,
                    "held-out test edges in each node's top %d, mean over the %d nodes listed that have test edges:"
                            + " precision@%d %.4f, recall@%d %.4f, hits@%d %.4f (nodes with at least one);"
                            + " %d hits in all (an undirected test edge found from both ends counts twice)",
                    k,
                    nodes,
                    k,
                    precision / nodes,
                    k,
                    recall / nodes,
                    k,
                    (double) hitNodes / nodes,
                    hits);
        }
    }
}
