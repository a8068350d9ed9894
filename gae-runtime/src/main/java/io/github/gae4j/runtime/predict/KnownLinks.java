// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.graph.EdgeList;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs a search leaves out: the links already known (training edges, and by default the held-out positives too)
 * and every self pair. Stored as sorted per-source target lists (CSR, ints only), so a lookup is a binary search and
 * nothing per pair is an object. For an undirected model each edge excludes both directions.
 */
public final class KnownLinks {

    private final int nodes;
    private final boolean directed;
    private final int[] start;
    private final int[] targets;

    private KnownLinks(int nodes, boolean directed, int[] start, int[] targets) {
        this.nodes = nodes;
        this.directed = directed;
        this.start = start;
        this.targets = targets;
    }

    /** No known links: only self pairs are left out. */
    public static KnownLinks none(int nodes, boolean directed) {
        return new KnownLinks(nodes, directed, new int[nodes + 1], new int[0]);
    }

    /**
     * The union of {@code edges} over {@code nodes} nodes; with {@code directed} false each (u, v) also excludes
     * (v, u). Self loops and duplicates are dropped (self pairs are always excluded anyway).
     */
    public static KnownLinks of(int nodes, boolean directed, List<EdgeList> edges) {
        int[] count = new int[nodes + 1];
        for (EdgeList list : edges) {
            for (int k = 0; k < list.size(); k++) {
                int u = list.src(k);
                int v = list.dst(k);
                check(u, nodes);
                check(v, nodes);
                if (u != v) {
                    count[u + 1]++;
                    if (!directed) {
                        count[v + 1]++;
                    }
                }
            }
        }
        for (int i = 0; i < nodes; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, nodes);
        int[] raw = new int[count[nodes]];
        for (EdgeList list : edges) {
            for (int k = 0; k < list.size(); k++) {
                int u = list.src(k);
                int v = list.dst(k);
                if (u != v) {
                    raw[fill[u]++] = v;
                    if (!directed) {
                        raw[fill[v]++] = u;
                    }
                }
            }
        }
        // Sort each row and drop duplicates, compacting in place.
        int[] start = new int[nodes + 1];
        int out = 0;
        for (int u = 0; u < nodes; u++) {
            Arrays.sort(raw, count[u], count[u + 1]);
            start[u] = out;
            for (int p = count[u]; p < count[u + 1]; p++) {
                if (p == count[u] || raw[p] != raw[p - 1]) {
                    raw[out++] = raw[p];
                }
            }
        }
        start[nodes] = out;
        return new KnownLinks(nodes, directed, start, Arrays.copyOf(raw, out));
    }

    private static void check(int node, int nodes) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException("node index " + node + " outside [0, " + nodes + ")");
        }
    }

    public int nodes() {
        return nodes;
    }

    public boolean directed() {
        return directed;
    }

    /** Whether (source, target) is left out: a known link or a self pair. */
    public boolean excludes(int source, int target) {
        return source == target || Arrays.binarySearch(targets, start[source], start[source + 1], target) >= 0;
    }

    /** Known targets of {@code source} (self not counted). */
    public int knownCount(int source) {
        return start[source + 1] - start[source];
    }

    /** Number of distinct known links (ordered pairs when directed, unordered pairs when not). */
    public long linkCount() {
        return directed ? targets.length : targets.length / 2;
    }

    /** Candidate targets of {@code source}: every node but itself and its known targets. */
    public long candidatesFrom(int source) {
        return nodes - 1L - knownCount(source);
    }

    /** Candidate pairs over the whole graph: ordered pairs when directed, unordered pairs once when not. */
    public long candidatePairs() {
        long n = nodes;
        return directed ? n * (n - 1) - linkCount() : n * (n - 1) / 2 - linkCount();
    }
}
