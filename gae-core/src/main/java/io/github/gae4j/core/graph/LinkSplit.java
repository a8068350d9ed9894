// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The link-prediction split of the reference code ({@code mask_test_edges}): each undirected edge
 * once, shuffled with a seed; the first floor(E · test) are test, the next floor(E · validation)
 * validation, the rest train. As many negatives as positives are sampled for validation and test:
 * i ≠ j, not an edge of the graph in any split, unordered-distinct, and the two negative sets are
 * disjoint (the reference forgets to check validation negatives against test edges; we do not).
 * Training sees only {@link #trainGraph()}.
 *
 * <p>A directed graph is split by {@link DirectedLinkSplit} (its task 1, "general directed link
 * prediction", through {@link #of}; tasks 2 and 3 through {@link DirectedLinkSplit#of}): pairs are
 * then ordered, (i, j) meaning i → j, and the training graph is directed.
 */
public final class LinkSplit {

    private final Graph trainGraph;
    private final EdgeList trainPositives;
    private final EdgeList valPositives;
    private final EdgeList valNegatives;
    private final EdgeList testPositives;
    private final EdgeList testNegatives;

    LinkSplit(
            Graph trainGraph,
            EdgeList trainPositives,
            EdgeList valPositives,
            EdgeList valNegatives,
            EdgeList testPositives,
            EdgeList testNegatives) {
        this.trainGraph = trainGraph;
        this.trainPositives = trainPositives;
        this.valPositives = valPositives;
        this.valNegatives = valNegatives;
        this.testPositives = testPositives;
        this.testNegatives = testNegatives;
    }

    /** The reference fractions: 5 % validation, 10 % test. */
    public static LinkSplit of(Graph graph, long seed) {
        return of(graph, 0.05, 0.10, seed);
    }

    /**
     * Every edge in training, for node-level protocols that train on the whole graph (GraphMAE's linear probe):
     * the "validation" and "test" positives are {@code checkFraction} of the edges drawn with the seed, but
     * they stay in {@link #trainGraph()}, so link metrics from this split are training-set figures, only a
     * sanity check; the negatives are sampled as in {@link #of(Graph, double, double, long)}. Undirected graphs.
     */
    public static LinkSplit allEdgesInTraining(Graph graph, double checkFraction, long seed) {
        if (graph.isDirected()) {
            throw new IllegalArgumentException(
                    "allEdgesInTraining is for undirected graphs; '" + graph.name() + "' is directed");
        }
        checkFractions(checkFraction, checkFraction);
        EdgeList all = graph.upperTriangleEdges();
        int e = all.size();
        int count = (int) Math.floor(e * checkFraction);
        if (count == 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Graph '%s' has %d edges: too few to check %.1f%% of them",
                    graph.name(),
                    e,
                    100 * checkFraction));
        }
        return drawn(graph, all, count, count, seed, true);
    }

    /**
     * Splits with the given fractions; a directed graph gets {@link DirectedLinkSplit#general} (ordered
     * pairs, directed negatives).
     */
    public static LinkSplit of(Graph graph, double valFraction, double testFraction, long seed) {
        if (graph.isDirected()) {
            return DirectedLinkSplit.general(graph, valFraction, testFraction, seed);
        }
        checkFractions(valFraction, testFraction);
        EdgeList all = graph.upperTriangleEdges();
        int e = all.size();
        int numTest = (int) Math.floor(e * testFraction);
        int numVal = (int) Math.floor(e * valFraction);
        requireEnoughEdges(graph, e, numTest, numVal, valFraction, testFraction);
        return drawn(graph, all, numVal, numTest, seed, false);
    }

    /** Fails unless a split of {@code e} edges into these counts holds one test edge and one training edge. */
    static void requireEnoughEdges(
            Graph graph, int e, int numTest, int numVal, double valFraction, double testFraction) {
        if (numTest == 0 || e - numTest - numVal == 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Graph '%s' has %d edge%s: too few for a link split with %.0f%% test edges, which needs at least"
                            + " %d edges",
                    graph.name(),
                    e,
                    e == 1 ? "" : "s",
                    100 * testFraction,
                    minimumEdges(valFraction, testFraction)));
        }
    }

    /** Fails unless the graph of {@code e} undirected edges has {@code needed} node pairs that are no edge. */
    static void requireNonEdges(Graph graph, int e, long needed) {
        long n = graph.nodeCount();
        long nonEdges = n * (n - 1) / 2 - e;
        if (nonEdges < needed) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Graph '%s' is too dense to sample %d negative pairs (only %d non-edges)",
                    graph.name(),
                    needed,
                    nonEdges));
        }
    }

    /** The fewest edges a split with these fractions accepts: one test edge and one training edge at least. */
    public static int minimumEdges(double valFraction, double testFraction) {
        checkFractions(valFraction, testFraction);
        for (int e = 1; ; e++) {
            int numTest = (int) Math.floor(e * testFraction);
            int numVal = (int) Math.floor(e * valFraction);
            if (numTest > 0 && e - numTest - numVal > 0) {
                return e;
            }
        }
    }

    /**
     * The draw both splits share: the edges shuffled with the seed, the first {@code numTest} for test and the
     * next {@code numVal} for validation, then as many non-edges for each; training keeps the rest of the edges,
     * or all of them ({@code allInTraining}).
     */
    private static LinkSplit drawn(
            Graph graph, EdgeList all, int numVal, int numTest, long seed, boolean allInTraining) {
        int e = all.size();
        requireNonEdges(graph, e, (long) numTest + numVal);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = shuffledOrder(e, rng);
        EdgeList test = pick(all, order, 0, numTest);
        EdgeList val = pick(all, order, numTest, numTest + numVal);
        EdgeList train = allInTraining ? all : pick(all, order, numTest + numVal, e);

        PairSet used = new PairSet(e + numTest + numVal);
        for (int k = 0; k < e; k++) {
            used.add(all.src(k), all.dst(k));
        }
        EdgeList testNeg = sampleNegatives(graph.nodeCount(), numTest, used, rng);
        EdgeList valNeg = sampleNegatives(graph.nodeCount(), numVal, used, rng);
        return new LinkSplit(graph.withEdges(train), train, val, valNeg, test, testNeg);
    }

    static void checkFractions(double valFraction, double testFraction) {
        if (!(valFraction >= 0) || !(testFraction > 0) || valFraction + testFraction >= 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Split fractions must satisfy 0 <= validation, 0 < test, validation + test < 1; got %s and %s",
                    valFraction,
                    testFraction));
        }
    }

    /** Fisher–Yates permutation of 0 … e − 1 drawn from {@code rng} (the order of the reference split). */
    static int[] shuffledOrder(int e, SplittableRandom rng) {
        int[] order = new int[e];
        for (int k = 0; k < e; k++) {
            order[k] = k;
        }
        for (int k = e - 1; k > 0; k--) {
            int r = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[r];
            order[r] = t;
        }
        return order;
    }

    /**
     * Distinct pairs i ≠ j not in {@code used} (ordered pairs if {@code used} is ordered); each pair
     * taken is added to {@code used}.
     */
    static EdgeList sampleNegatives(int n, int count, PairSet used, SplittableRandom rng) {
        int[] s = new int[count];
        int[] d = new int[count];
        int k = 0;
        while (k < count) {
            int i = rng.nextInt(n);
            int j = rng.nextInt(n);
            if (i == j || !used.add(i, j)) {
                continue;
            }
            s[k] = i;
            d[k] = j;
            k++;
        }
        return new EdgeList(s, d);
    }

    static EdgeList pick(EdgeList all, int[] order, int from, int to) {
        int[] s = new int[to - from];
        int[] d = new int[to - from];
        for (int k = from; k < to; k++) {
            s[k - from] = all.src(order[k]);
            d[k - from] = all.dst(order[k]);
        }
        return new EdgeList(s, d);
    }

    /**
     * This split with its test pairs replaced by its validation pairs, for model selection: a search trains and
     * compares many models, and whatever scores "test" at the end of a training run (the trainer does) then sees
     * validation pairs only. The real test pairs stay in this split, to be scored once for the chosen model.
     */
    public LinkSplit withTestHidden() {
        return new LinkSplit(trainGraph, trainPositives, valPositives, valNegatives, valPositives, valNegatives);
    }

    /**
     * The same pairs over {@code replacement}, this split's training graph with other node features (row-normalised,
     * none, ...): features are an input choice made after the split, which depends on the edges alone.
     *
     * @throws IllegalArgumentException when {@code replacement} has other nodes or edges
     */
    public LinkSplit withTrainGraph(Graph replacement) {
        if (replacement.nodeCount() != trainGraph.nodeCount()
                || replacement.edgeCount() != trainGraph.edgeCount()
                || replacement.isDirected() != trainGraph.isDirected()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "The replacement training graph '%s' (%d nodes, %d edges) is not this split's (%d nodes, %d edges)",
                    replacement.name(),
                    replacement.nodeCount(),
                    replacement.edgeCount(),
                    trainGraph.nodeCount(),
                    trainGraph.edgeCount()));
        }
        return new LinkSplit(replacement, trainPositives, valPositives, valNegatives, testPositives, testNegatives);
    }

    /** All nodes, features and labels, with only the training edges. */
    public Graph trainGraph() {
        return trainGraph;
    }

    public EdgeList trainPositives() {
        return trainPositives;
    }

    public EdgeList valPositives() {
        return valPositives;
    }

    public EdgeList valNegatives() {
        return valNegatives;
    }

    public EdgeList testPositives() {
        return testPositives;
    }

    public EdgeList testNegatives() {
        return testNegatives;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "LinkSplit[train %d, validation %d+%d, test %d+%d]",
                trainPositives.size(),
                valPositives.size(),
                valNegatives.size(),
                testPositives.size(),
                testNegatives.size());
    }
}
