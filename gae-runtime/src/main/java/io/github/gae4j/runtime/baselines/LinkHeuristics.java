// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.baselines;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.metrics.LinkScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classic link-prediction heuristics ({@link LinkHeuristic}) on the pairs a model is scored on,
 * computed sparsely on the training graph: per pair, from the two neighbourhoods (and, for Katz, their
 * neighbours); never an N × N matrix.
 *
 * <p>How to call it, with the same test pairs the model gets:
 * <pre>{@code
 * LinkSplit split = LinkSplit.of(graph, seed);
 * BaselineReport baselines = LinkHeuristics.evaluate(split.trainGraph(), split.testPositives(),
 *         split.testNegatives(), parallelism);          // or LinkHeuristics.evaluate(split, parallelism)
 * HeuristicScore best = baselines.best();              // highest AUC
 * BaselineReport.Lead lead = baselines.leadOf(modelTestScores);   // model − best, in points
 * }</pre>
 *
 * <p>AUC and AP come from {@link LinkScores}, so ties (frequent for common neighbours and preferential
 * attachment) count as scikit-learn counts them. A directed training graph is scored on its undirected
 * version. Each pair's score depends only on the graph and that pair, so the numbers are the same for
 * every thread count. Katz is truncated at walks of length 3 with β = {@value #DEFAULT_KATZ_BETA}: small
 * enough that the series is dominated by the shortest walks on graphs with hubs (β must stay below
 * 1/λ_max for the full series), and walks longer than 3 cost more than a pair is worth on large graphs.
 * Personalised PageRank is left out for the same reason: it needs an iteration over the graph per source.
 */
public final class LinkHeuristics {

    /** The damping of Katz's walks of length 2 and 3 unless given. */
    public static final double DEFAULT_KATZ_BETA = 0.005;

    /** At most this many chunks, so a graph with millions of nodes allocates few mark arrays. */
    private static final int MAX_CHUNKS = 64;

    private LinkHeuristics() {}

    /** All heuristics on the test pairs of {@code split}, on its training graph. */
    public static BaselineReport evaluate(LinkSplit split, Parallelism parallelism) {
        return evaluate(split.trainGraph(), split.testPositives(), split.testNegatives(), parallelism);
    }

    /** All heuristics on {@code positives} against {@code negatives}, on {@code trainGraph}, Katz with the default β. */
    public static BaselineReport evaluate(
            Graph trainGraph, EdgeList positives, EdgeList negatives, Parallelism parallelism) {
        return evaluate(trainGraph, positives, negatives, DEFAULT_KATZ_BETA, parallelism);
    }

    /** All heuristics, Katz with damping {@code katzBeta} (> 0). */
    public static BaselineReport evaluate(
            Graph trainGraph, EdgeList positives, EdgeList negatives, double katzBeta, Parallelism parallelism) {
        if (!(katzBeta > 0) || Double.isInfinite(katzBeta)) {
            throw new IllegalArgumentException("Katz β must be a positive number, got " + katzBeta);
        }
        if (positives.size() == 0 || negatives.size() == 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Baselines need positive and negative pairs; got %d and %d",
                    positives.size(),
                    negatives.size()));
        }
        long start = System.nanoTime();
        Neighbourhoods g = Neighbourhoods.of(trainGraph);
        Map<LinkHeuristic, double[]> pos = score(g, positives, katzBeta, parallelism);
        Map<LinkHeuristic, double[]> neg = score(g, negatives, katzBeta, parallelism);
        List<HeuristicScore> out = new ArrayList<>();
        for (LinkHeuristic h : LinkHeuristic.values()) {
            double[] p = pos.get(h);
            double[] n = neg.get(h);
            out.add(new HeuristicScore(h, p, n, LinkScores.of(p, n)));
        }
        return new BaselineReport(out, katzBeta, (System.nanoTime() - start) / 1_000_000);
    }

    /** Every heuristic's score of every pair in {@code pairs}, in pair order. */
    public static Map<LinkHeuristic, double[]> score(
            Graph trainGraph, EdgeList pairs, double katzBeta, Parallelism parallelism) {
        return score(Neighbourhoods.of(trainGraph), pairs, katzBeta, parallelism);
    }

    private static Map<LinkHeuristic, double[]> score(
            Neighbourhoods g, EdgeList pairs, double katzBeta, Parallelism parallelism) {
        int n = pairs.size();
        for (int k = 0; k < n; k++) {
            int u = pairs.src(k);
            int v = pairs.dst(k);
            if (u < 0 || u >= g.nodes() || v < 0 || v >= g.nodes()) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "Pair %d (%d, %d) has a node outside [0, %d)", k, u, v, g.nodes()));
            }
        }
        double[] cn = new double[n];
        double[] aa = new double[n];
        double[] ra = new double[n];
        double[] pa = new double[n];
        double[] katz = new double[n];
        // Each pair's scores depend on that pair alone, so the chunking never changes a number.
        int chunkSize = Math.max(256, (n + MAX_CHUNKS - 1) / MAX_CHUNKS);
        parallelism.forEachChunk(n, chunkSize, (chunk, from, to) -> {
            int[] mark = new int[g.nodes()];
            for (int k = from; k < to; k++) {
                int u = pairs.src(k);
                int v = pairs.dst(k);
                g.commonNeighbours(u, v, k, cn, aa, ra);
                pa[k] = (double) g.degree(u) * g.degree(v);
                double b = katzBeta;
                katz[k] = b * g.adjacent(u, v) + b * b * cn[k] + b * b * b * g.walks3(u, v, mark, k - from + 1);
            }
        });
        Map<LinkHeuristic, double[]> out = new EnumMap<>(LinkHeuristic.class);
        out.put(LinkHeuristic.COMMON_NEIGHBOURS, cn);
        out.put(LinkHeuristic.ADAMIC_ADAR, aa);
        out.put(LinkHeuristic.RESOURCE_ALLOCATION, ra);
        out.put(LinkHeuristic.PREFERENTIAL_ATTACHMENT, pa);
        out.put(LinkHeuristic.KATZ, katz);
        return out;
    }

    /** The undirected training graph as sorted neighbour lists, with degrees and second-order sizes. */
    @SuppressWarnings("ArrayRecordComponent") // CSR arrays of one graph, read only; never compared or hashed
    private record Neighbourhoods(int[] ptr, int[] idx, long[] reach2) {

        static Neighbourhoods of(Graph graph) {
            SparseMatrix a = graph.asUndirected().adjacency();
            int n = graph.nodeCount();
            int[] ptr = new int[n + 1];
            int[] idx = new int[a.nnz()];
            for (int i = 0; i < n; i++) {
                ptr[i + 1] = a.rowEnd(i);
                for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                    idx[p] = a.colAt(p); // sorted and unique within a row
                }
            }
            long[] reach2 = new long[n];
            for (int i = 0; i < n; i++) {
                long s = 0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    int w = idx[p];
                    s += ptr[w + 1] - ptr[w];
                }
                reach2[i] = s;
            }
            return new Neighbourhoods(ptr, idx, reach2);
        }

        int nodes() {
            return ptr.length - 1;
        }

        int degree(int i) {
            return ptr[i + 1] - ptr[i];
        }

        int adjacent(int u, int v) {
            return Arrays.binarySearch(idx, ptr[u], ptr[u + 1], v) >= 0 ? 1 : 0;
        }

        /** CN, AA and RA of (u, v) into slot k: a merge of the two sorted lists, summed in node order. */
        void commonNeighbours(int u, int v, int k, double[] cn, double[] aa, double[] ra) {
            int p = ptr[u];
            int pe = ptr[u + 1];
            int q = ptr[v];
            int qe = ptr[v + 1];
            int count = 0;
            double adamic = 0;
            double resource = 0;
            while (p < pe && q < qe) {
                int a = idx[p];
                int b = idx[q];
                if (a < b) {
                    p++;
                } else if (a > b) {
                    q++;
                } else {
                    int d = degree(a);
                    count++;
                    adamic += 1.0 / Math.log(d);
                    resource += 1.0 / d;
                    p++;
                    q++;
                }
            }
            cn[k] = count;
            aa[k] = adamic;
            ra[k] = resource;
        }

        /**
         * (A³)_uv, the walks u – a – b – v: mark N(v), then for each a in N(u) count its marked neighbours,
         * or, when a is a hub with more neighbours than N(v) takes binary searches, look each b of N(v) up in
         * N(a). Starts from the side with fewer second-order steps (A³ is symmetric). {@code stamp} is unique
         * per pair within one mark array, so it never needs clearing.
         */
        long walks3(int u, int v, int[] mark, int stamp) {
            if (reach2[v] < reach2[u]) {
                int t = u;
                u = v;
                v = t;
            }
            int dv = degree(v);
            for (int q = ptr[v]; q < ptr[v + 1]; q++) {
                mark[idx[q]] = stamp;
            }
            long walks = 0;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                int a = idx[p];
                int da = degree(a);
                if (da <= (long) dv * (32 - Integer.numberOfLeadingZeros(da))) {
                    for (int r = ptr[a]; r < ptr[a + 1]; r++) {
                        if (mark[idx[r]] == stamp) {
                            walks++;
                        }
                    }
                } else {
                    for (int q = ptr[v]; q < ptr[v + 1]; q++) {
                        if (Arrays.binarySearch(idx, ptr[a], ptr[a + 1], idx[q]) >= 0) {
                            walks++;
                        }
                    }
                }
            }
            return walks;
        }
    }
}
