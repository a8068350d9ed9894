// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The three directed link-prediction tasks of Salha et al., "Gravity-Inspired Graph Autoencoders
 * for Directed Link Prediction" (CIKM 2019, section 4.1), as {@link LinkSplit}s of a directed
 * {@link Graph}, following their reference code ({@code preprocessing.py},
 * {@code mask_test_edges_*}). Pairs are ordered: (i, j) is the edge i → j. Self-loops are absent
 * already (a {@link Graph} has none). Every draw comes from one {@link SplittableRandom} seeded with
 * the given seed.
 *
 * <ul>
 *   <li>{@link Task#GENERAL} (task 1, general directed link prediction): every directed edge once,
 *   shuffled; the first floor(E · test) test, the next floor(E · validation) validation, the rest
 *   train (as {@link LinkSplit} does for undirected graphs). Negatives are ordered pairs (i, j),
 *   i ≠ j, with no edge i → j in the graph (the reverse j → i may be one), distinct, validation
 *   negatives distinct from test negatives.</li>
 *   <li>{@link Task#BIASED_NEGATIVE} (task 2, biased negative samples): the unidirectional edges
 *   i → j (j → i is not an edge), shuffled; the first floor(U · test) are the test positives and
 *   their reverses j → i (non-edges) the test negatives, so a model must get the direction right.
 *   As in the reference, the training graph holds the other unidirectional edges only: both
 *   directions of every reciprocated pair are left out. No validation set.</li>
 *   <li>{@link Task#BIDIRECTIONAL} (task 3, bidirectionality prediction): for every reciprocated
 *   pair i ↔ j (i &lt; j) the edge i → j is a test positive and is removed from training (j → i
 *   stays). Negatives: as many (drawn without replacement) of the pairs (b, a), b &lt; a, whose
 *   reverse a → b is a unidirectional edge (kept in training). Both classes are thus pairs whose
 *   reverse the model has seen. No validation set.</li>
 * </ul>
 */
public final class DirectedLinkSplit {

    /** The tasks of section 4.1. */
    public enum Task {
        /** Task 1: general directed link prediction (random edges vs random non-edges). */
        GENERAL("general"),
        /** Task 2: biased negative samples (unidirectional edges vs their reverses). */
        BIASED_NEGATIVE("biased-negative"),
        /** Task 3: bidirectionality prediction (reciprocated vs unidirectional pairs). */
        BIDIRECTIONAL("bidirectional");

        private final String optionValue;

        Task(String optionValue) {
            this.optionValue = optionValue;
        }

        /** The kebab-case name: {@code general}, {@code biased-negative}, {@code bidirectional}. */
        public String optionValue() {
            return optionValue;
        }

        /** Parses {@link #optionValue()} (or the constant's name), ignoring case. */
        public static Task parse(String value) {
            String v = value.trim();
            for (Task t : values()) {
                if (t.optionValue.equalsIgnoreCase(v) || t.name().equalsIgnoreCase(v)) {
                    return t;
                }
            }
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Unknown directed link-prediction task '%s'; known tasks: %s",
                    value,
                    Arrays.stream(values()).map(Task::optionValue).toList()));
        }
    }

    private DirectedLinkSplit() {}

    /**
     * The task's split with the reference fractions: 5 % validation and 10 % test for
     * {@link Task#GENERAL}, 10 % test for {@link Task#BIASED_NEGATIVE}.
     */
    public static LinkSplit of(Graph graph, Task task, long seed) {
        return switch (task) {
            case GENERAL -> general(graph, 0.05, 0.10, seed);
            case BIASED_NEGATIVE -> biasedNegative(graph, 0.10, seed);
            case BIDIRECTIONAL -> bidirectional(graph, seed);
        };
    }

    /** Task 1 (see the class comment). */
    public static LinkSplit general(Graph graph, double valFraction, double testFraction, long seed) {
        requireDirected(graph);
        LinkSplit.checkFractions(valFraction, testFraction);
        EdgeList all = graph.edges();
        int e = all.size();
        int numTest = (int) Math.floor(e * testFraction);
        int numVal = (int) Math.floor(e * valFraction);
        if (numTest == 0 || e - numTest - numVal == 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Directed graph '%s' has %d edges: too few for a link split with %.0f%% test edges",
                    graph.name(),
                    e,
                    100 * testFraction));
        }
        long n = graph.nodeCount();
        long nonEdges = n * (n - 1) - e;
        if (nonEdges < (long) numTest + numVal) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Directed graph '%s' is too dense to sample %d negative pairs (only %d non-edges)",
                    graph.name(),
                    numTest + numVal,
                    nonEdges));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = LinkSplit.shuffledOrder(e, rng);
        EdgeList test = LinkSplit.pick(all, order, 0, numTest);
        EdgeList val = LinkSplit.pick(all, order, numTest, numTest + numVal);
        EdgeList train = LinkSplit.pick(all, order, numTest + numVal, e);
        PairSet used = PairSet.ordered(e + numTest + numVal);
        for (int k = 0; k < e; k++) {
            used.add(all.src(k), all.dst(k));
        }
        EdgeList testNeg = LinkSplit.sampleNegatives(graph.nodeCount(), numTest, used, rng);
        EdgeList valNeg = LinkSplit.sampleNegatives(graph.nodeCount(), numVal, used, rng);
        return new LinkSplit(graph.withEdges(train), train, val, valNeg, test, testNeg);
    }

    /** Task 2 (see the class comment). */
    public static LinkSplit biasedNegative(Graph graph, double testFraction, long seed) {
        requireDirected(graph);
        if (!(testFraction > 0) || !(testFraction < 1)) {
            throw new IllegalArgumentException("The test fraction must be in (0, 1), got " + testFraction);
        }
        EdgeList unidirectional = unidirectionalEdges(graph, false);
        int u = unidirectional.size();
        int numTest = (int) Math.floor(u * testFraction);
        if (numTest == 0 || numTest == u) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Directed graph '%s' has %d unidirectional edges: too few for a biased-negative split with"
                            + " %.0f%% test edges",
                    graph.name(),
                    u,
                    100 * testFraction));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = LinkSplit.shuffledOrder(u, rng);
        EdgeList test = LinkSplit.pick(unidirectional, order, 0, numTest);
        EdgeList train = LinkSplit.pick(unidirectional, order, numTest, u);
        EdgeList testNeg = new EdgeList(test.dstArray(), test.srcArray());
        return new LinkSplit(graph.withEdges(train), train, EdgeList.empty(), EdgeList.empty(), test, testNeg);
    }

    /** Task 3 (see the class comment). */
    public static LinkSplit bidirectional(Graph graph, long seed) {
        requireDirected(graph);
        var a = graph.adjacency();
        int n = graph.nodeCount();
        int[] posS = new int[a.nnz()];
        int[] posD = new int[a.nnz()];
        int[] trainS = new int[a.nnz()];
        int[] trainD = new int[a.nnz()];
        int pos = 0;
        int train = 0;
        for (int i = 0; i < n; i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                int j = a.colAt(p);
                if (j > i && a.contains(j, i)) {
                    posS[pos] = i;
                    posD[pos] = j;
                    pos++;
                } else {
                    trainS[train] = i;
                    trainD[train] = j;
                    train++;
                }
            }
        }
        if (pos == 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Directed graph '%s' has no reciprocated pair (i → j and j → i): nothing to test in the"
                            + " bidirectionality task",
                    graph.name()));
        }
        EdgeList candidates = unidirectionalEdges(graph, true);
        int count = Math.min(pos, candidates.size());
        int[] order = LinkSplit.shuffledOrder(candidates.size(), new SplittableRandom(seed));
        EdgeList testNeg = LinkSplit.pick(candidates, order, 0, count);
        EdgeList test = new EdgeList(Arrays.copyOf(posS, pos), Arrays.copyOf(posD, pos));
        EdgeList trainEdges = new EdgeList(Arrays.copyOf(trainS, train), Arrays.copyOf(trainD, train));
        return new LinkSplit(
                graph.withEdges(trainEdges), trainEdges, EdgeList.empty(), EdgeList.empty(), test, testNeg);
    }

    /**
     * Edges i → j without j → i, in row order; with {@code reversedFromAbove}, only those with i &gt; j,
     * each given reversed as (j, i) (the negative candidates of task 3).
     */
    private static EdgeList unidirectionalEdges(Graph graph, boolean reversedFromAbove) {
        var a = graph.adjacency();
        int[] s = new int[a.nnz()];
        int[] d = new int[a.nnz()];
        int m = 0;
        for (int i = 0; i < graph.nodeCount(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                int j = a.colAt(p);
                if (a.contains(j, i) || (reversedFromAbove && i < j)) {
                    continue;
                }
                s[m] = reversedFromAbove ? j : i;
                d[m] = reversedFromAbove ? i : j;
                m++;
            }
        }
        return new EdgeList(Arrays.copyOf(s, m), Arrays.copyOf(d, m));
    }

    private static void requireDirected(Graph graph) {
        if (!graph.isDirected()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Graph '%s' is undirected: directed link-prediction tasks need a directed graph (Graph.Builder"
                            + ".directed(true), or option directed=true of the 'linqs' loader); LinkSplit.of splits an"
                            + " undirected one",
                    graph.name()));
        }
    }
}
