// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The link split gae-spark computes ({@code SparkLinkSplit}), on one machine: the same counts and rules as
 * {@link LinkSplit} (floor(E · test) test edges, floor(E · validation) validation edges, the rest train; as many
 * negatives, node pairs that are no edge of the whole graph, distinct), but its order is a function of the seed and
 * the node ids, not a shuffle. {@code gae eval} and {@code gae predict} rebuild a Spark-trained model's split with it,
 * so its test edges are the ones the model never trained on.
 *
 * <p>The rule, over the node ids ({@link Graph#nodeIds()}: integers) and Spark's {@code xxhash64}
 * ({@link XxHash64#sparkXxhash64}):
 * <ul>
 *   <li>each edge is taken once as (src, dst) with src {@literal <} dst by id; edges are ordered by
 *       (xxhash64(seed, src, dst) as a signed long, src, dst); the first floor(E · test) are test, the next
 *       floor(E · validation) validation, the rest train;</li>
 *   <li>negative draw d = 0, 1, 2, ... gives the node ranks a = pmod(xxhash64(seed, 1, d), N) and
 *       b = pmod(xxhash64(seed, 2, d), N), rank r being the node with the r-th smallest id; draws with a = b, pairs
 *       that are edges and pairs drawn before are dropped; the first numTest pairs are test negatives, the next
 *       numVal validation ones.</li>
 * </ul>
 * Pairs are returned as node indices, each with the smaller id first. Undirected graphs only (gae-spark's are).
 */
public final class HashedLinkSplit {

    private HashedLinkSplit() {}

    /**
     * Splits with these fractions and seed, as gae-spark does.
     *
     * @throws IllegalArgumentException for a directed graph, node ids that are not distinct integers, fractions
     *                                  outside 0 <= validation, 0 < test, validation + test < 1, too few edges, or a
     *                                  graph too dense for the negatives
     */
    public static LinkSplit of(Graph graph, double valFraction, double testFraction, long seed) {
        if (graph.isDirected()) {
            throw new IllegalArgumentException(
                    "The hashed link split (gae-spark's) is for undirected graphs; '" + graph.name() + "' is directed");
        }
        LinkSplit.checkFractions(valFraction, testFraction);
        long[] ids = numericIds(graph);
        int[] nodeOfRank = nodesByAscendingId(graph, ids);
        EdgeList all = graph.upperTriangleEdges();
        int e = all.size();
        int numTest = (int) Math.floor(e * testFraction);
        int numVal = (int) Math.floor(e * valFraction);
        LinkSplit.requireEnoughEdges(graph, e, numTest, numVal, valFraction, testFraction);
        int held = numTest + numVal;
        LinkSplit.requireNonEdges(graph, e, held);

        int[] heldOut = firstInHashOrder(all, ids, held, seed);
        EdgeList test = byIdOrder(all, ids, heldOut, 0, numTest);
        EdgeList val = byIdOrder(all, ids, heldOut, numTest, held);
        EdgeList train = withoutPositions(all, ids, heldOut);

        PairSet used = new PairSet(e + held);
        for (int k = 0; k < e; k++) {
            used.add(all.src(k), all.dst(k));
        }
        EdgeList negatives = negatives(nodeOfRank, held, used, seed);
        EdgeList testNeg = slice(negatives, 0, numTest);
        EdgeList valNeg = slice(negatives, numTest, held);
        return new LinkSplit(graph.withEdges(train), train, val, valNeg, test, testNeg);
    }

    /** The node ids as longs: the numeric ids the graph was built with, else its id strings parsed. */
    private static long[] numericIds(Graph graph) {
        long[] numeric = graph.numericNodeIdsOrNull();
        if (numeric != null) {
            return numeric;
        }
        List<String> names = graph.nodeIds();
        long[] ids = new long[names.size()];
        for (int i = 0; i < ids.length; i++) {
            String name = names.get(i);
            try {
                ids[i] = Long.parseLong(name);
            } catch (NumberFormatException e) {
                throw notNumeric(graph, i, name);
            }
            // "007" or "+7" would be id 7 to us but another string to whoever wrote the ids.
            if (!Long.toString(ids[i]).equals(name)) {
                throw notNumeric(graph, i, name);
            }
        }
        return ids;
    }

    private static IllegalArgumentException notNumeric(Graph graph, int node, String id) {
        return new IllegalArgumentException(String.format(
                Locale.ROOT,
                "Graph '%s': the hashed link split (gae-spark's) orders nodes by integer id, but node %d has id"
                        + " '%s'; load the graph with its integer node ids (the 'tables' loader does)",
                graph.name(),
                node,
                id));
    }

    /** Node indices in ascending id order; fails on a repeated id. */
    private static int[] nodesByAscendingId(Graph graph, long[] ids) {
        int n = ids.length;
        boolean ascending = true;
        for (int i = 1; i < n && ascending; i++) {
            ascending = ids[i - 1] < ids[i];
        }
        int[] nodeOfRank = new int[n];
        if (ascending) {
            // What a loader that numbers nodes by id gives: no sort.
            Arrays.setAll(nodeOfRank, i -> i);
            return nodeOfRank;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong(i -> ids[i]));
        for (int r = 0; r < n; r++) {
            nodeOfRank[r] = order[r];
            if (r > 0 && ids[order[r - 1]] == ids[order[r]]) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Graph '%s': nodes %d and %d have the same id %d",
                        graph.name(),
                        Math.min(order[r - 1], order[r]),
                        Math.max(order[r - 1], order[r]),
                        ids[order[r]]));
            }
        }
        return nodeOfRank;
    }

    /** Spark's order key of the edge between nodes i and j: xxhash64(seed, smaller id, larger id). */
    private static long key(long seedHash, long[] ids, int i, int j) {
        long a = ids[i];
        long b = ids[j];
        return XxHash64.hashLong(Math.max(a, b), XxHash64.hashLong(Math.min(a, b), seedHash));
    }

    /**
     * The positions in {@code all} of the first {@code held} edges in (key, src id, dst id) order. Keys are sorted as
     * primitives; only the edges at or under the held-th smallest key are sorted with their ids.
     */
    private static int[] firstInHashOrder(EdgeList all, long[] ids, int held, long seed) {
        int e = all.size();
        long seedHash = XxHash64.hashLong(seed, XxHash64.SPARK_SEED);
        long[] keys = new long[e];
        for (int k = 0; k < e; k++) {
            keys[k] = key(seedHash, ids, all.src(k), all.dst(k));
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        long threshold = sorted[held - 1];
        int candidates = 0;
        for (long key : keys) {
            if (key <= threshold) {
                candidates++;
            }
        }
        Integer[] order = new Integer[candidates];
        int c = 0;
        for (int k = 0; k < e; k++) {
            if (keys[k] <= threshold) {
                order[c++] = k;
            }
        }
        Arrays.sort(
                order,
                Comparator.<Integer>comparingLong(k -> keys[k])
                        .thenComparingLong(k -> Math.min(ids[all.src(k)], ids[all.dst(k)]))
                        .thenComparingLong(k -> Math.max(ids[all.src(k)], ids[all.dst(k)])));
        int[] first = new int[held];
        for (int r = 0; r < held; r++) {
            first[r] = order[r];
        }
        return first;
    }

    /** The edges at {@code positions[from, to)}, each as (node of the smaller id, node of the larger id). */
    private static EdgeList byIdOrder(EdgeList all, long[] ids, int[] positions, int from, int to) {
        int[] s = new int[to - from];
        int[] d = new int[to - from];
        for (int r = from; r < to; r++) {
            int i = all.src(positions[r]);
            int j = all.dst(positions[r]);
            boolean keep = ids[i] < ids[j];
            s[r - from] = keep ? i : j;
            d[r - from] = keep ? j : i;
        }
        return new EdgeList(s, d);
    }

    /** Every edge but those at {@code positions}, in the graph's order, each with the smaller id first. */
    private static EdgeList withoutPositions(EdgeList all, long[] ids, int[] positions) {
        boolean[] drop = new boolean[all.size()];
        for (int p : positions) {
            drop[p] = true;
        }
        int[] kept = new int[all.size() - positions.length];
        int c = 0;
        for (int k = 0; k < all.size(); k++) {
            if (!drop[k]) {
                kept[c++] = k;
            }
        }
        return byIdOrder(all, ids, kept, 0, kept.length);
    }

    /**
     * The first {@code count} distinct non-edges in draw order, each as (node of the smaller id, node of the larger
     * id); each is added to {@code used}, which holds the graph's edges.
     */
    private static EdgeList negatives(int[] nodeOfRank, int count, PairSet used, long seed) {
        long n = nodeOfRank.length;
        long seedHash = XxHash64.hashLong(seed, XxHash64.SPARK_SEED);
        long firstHash = XxHash64.hashLong(1L, seedHash);
        long secondHash = XxHash64.hashLong(2L, seedHash);
        int[] s = new int[count];
        int[] d = new int[count];
        int k = 0;
        // Ends: the caller checked that the graph has at least count non-edges.
        for (long draw = 0; k < count; draw++) {
            int a = (int) Math.floorMod(XxHash64.hashLong(draw, firstHash), n);
            int b = (int) Math.floorMod(XxHash64.hashLong(draw, secondHash), n);
            if (a == b) {
                continue;
            }
            int i = nodeOfRank[Math.min(a, b)];
            int j = nodeOfRank[Math.max(a, b)];
            if (used.add(i, j)) {
                s[k] = i;
                d[k] = j;
                k++;
            }
        }
        return new EdgeList(s, d);
    }

    private static EdgeList slice(EdgeList pairs, int from, int to) {
        return new EdgeList(
                Arrays.copyOfRange(pairs.srcArray(), from, to), Arrays.copyOfRange(pairs.dstArray(), from, to));
    }
}
