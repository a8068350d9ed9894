// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.newnodes;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.predict.InductiveEmbedding;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.NodePair;
import io.github.gae4j.runtime.predict.PredictorOptions;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The new-nodes measurement: a share of the nodes (seeded) is removed, a model trained on the rest, and the nodes
 * added back with their features and part of their edges (each edge of a new node held out with probability {@code
 * heldOut}); the held-out edges are the positives, as many seeded non-edges touching a new node the negatives. Beside
 * it, a model trained on every node of that same graph (the held-out edges hidden from it too). Both embed the same
 * graph through {@link InductiveEmbedding} and score through its {@link LinkPredictor}: the only difference is whether
 * the new nodes were there in training.
 */
public final class NewNodesExperiment {

    /** The figures of one seed. */
    record Result(long seed, int newNodes, int positives, LinkScores inductive, LinkScores full) {}

    private NewNodesExperiment() {}

    static Result run(
            Graph graph,
            ModelSpec spec,
            TrainerConfig training,
            double newShare,
            double heldOut,
            long seed,
            PluginRegistry plugins,
            int threads) {
        int n = graph.nodeCount();
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] isNew = new boolean[n];
        int[] order = shuffled(n, rng);
        int newCount = (int) Math.round(newShare * n);
        for (int k = 0; k < newCount; k++) {
            isNew[order[k]] = true;
        }

        // The edges of new nodes: each held out with probability heldOut, the rest are the new graph's.
        EdgeList all = graph.upperTriangleEdges();
        Set<Long> edgeSet = new HashSet<>();
        List<int[]> given = new ArrayList<>();
        List<NodePair> positives = new ArrayList<>();
        List<String> ids = graph.nodeIds();
        for (int k = 0; k < all.size(); k++) {
            int u = all.src(k);
            int v = all.dst(k);
            edgeSet.add(key(u, v, n));
            if ((isNew[u] || isNew[v]) && rng.nextDouble() < heldOut) {
                positives.add(new NodePair(ids.get(u), ids.get(v)));
            } else {
                given.add(new int[] {u, v});
            }
        }
        List<NodePair> negatives = new ArrayList<>();
        int[] newNodes = Arrays.stream(order, 0, newCount).sorted().toArray();
        Set<Long> drawn = new HashSet<>();
        while (negatives.size() < positives.size()) {
            int u = newNodes[rng.nextInt(newNodes.length)];
            int v = rng.nextInt(n);
            if (u != v && !edgeSet.contains(key(u, v, n)) && drawn.add(key(u, v, n))) {
                negatives.add(new NodePair(ids.get(u), ids.get(v)));
            }
        }
        Graph current = graph.withEdges(new EdgeList(
                given.stream().mapToInt(e -> e[0]).toArray(),
                given.stream().mapToInt(e -> e[1]).toArray()));
        int[] oldNodes =
                java.util.stream.IntStream.range(0, n).filter(i -> !isNew[i]).toArray();
        Graph old = induced(current, oldNodes);

        TrainerConfig config = training.toBuilder().seed(seed).build();
        TrainedModel inductive;
        TrainedModel full;
        try (Parallelism p = Parallelism.of(threads)) {
            inductive = Gae.train(old, spec, config, plugins, p);
            full = Gae.train(current, spec, config, plugins, p);
        }
        return new Result(
                seed,
                newCount,
                positives.size(),
                scores(inductive, current, positives, negatives, threads),
                scores(full, current, positives, negatives, threads));
    }

    /** The model applied to {@code current} through the runtime API, scoring the held-out pairs by id. */
    private static LinkScores scores(
            TrainedModel m, Graph current, List<NodePair> positives, List<NodePair> negatives, int threads) {
        LinkPredictor predictor = InductiveEmbedding.of(
                        m.model(),
                        Optional.of(m.description()),
                        m.provenance(),
                        m.graph(),
                        "model",
                        current,
                        "graph with new nodes",
                        threads)
                .predictor(PredictorOptions.defaults().withThreads(threads));
        return LinkScores.of(predictor.score(positives), predictor.score(negatives));
    }

    private static long key(int u, int v, int n) {
        return (long) Math.min(u, v) * n + Math.max(u, v);
    }

    private static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** The subgraph of {@code keep} (sorted node indices): their ids, features, labels and the edges among them. */
    public static Graph induced(Graph g, int[] keep) {
        int n = g.nodeCount();
        int[] to = new int[n];
        Arrays.fill(to, -1);
        for (int k = 0; k < keep.length; k++) {
            to[keep[k]] = k;
        }
        EdgeList e = g.upperTriangleEdges();
        List<int[]> kept = new ArrayList<>();
        for (int k = 0; k < e.size(); k++) {
            if (to[e.src(k)] >= 0 && to[e.dst(k)] >= 0) {
                kept.add(new int[] {to[e.src(k)], to[e.dst(k)]});
            }
        }
        Graph.Builder b = Graph.builder(keep.length)
                .name(g.name() + "-old")
                .edges(
                        kept.stream().mapToInt(x -> x[0]).toArray(),
                        kept.stream().mapToInt(x -> x[1]).toArray())
                .nodeIds(Arrays.stream(keep).mapToObj(g.nodeIds()::get).toList());
        g.features().ifPresent(f -> b.features(rows(f, keep)));
        if (g.hasLabels()) {
            int[] labels = g.labels();
            b.labels(Arrays.stream(keep).map(i -> labels[i]).toArray(), g.classNames());
        }
        return b.build();
    }

    private static Features rows(Features f, int[] keep) {
        if (f instanceof Features.Sparse s) {
            SparseMatrix m = s.matrix();
            int[] rowPtr = new int[keep.length + 1];
            for (int k = 0; k < keep.length; k++) {
                rowPtr[k + 1] = rowPtr[k] + m.rowNnz(keep[k]);
            }
            int[] cols = new int[rowPtr[keep.length]];
            double[] values = new double[cols.length];
            for (int k = 0; k < keep.length; k++) {
                int q = rowPtr[k];
                for (int p = m.rowStart(keep[k]); p < m.rowEnd(keep[k]); p++, q++) {
                    cols[q] = m.colAt(p);
                    values[q] = m.valueAt(p);
                }
            }
            return Features.sparse(SparseMatrix.ofCsr(keep.length, m.cols(), rowPtr, cols, values));
        }
        Matrix x = f.toDense();
        int d = x.cols();
        double[] out = new double[keep.length * d];
        for (int k = 0; k < keep.length; k++) {
            System.arraycopy(x.data(), keep[k] * d, out, k * d, d);
        }
        return Features.dense(Matrix.wrapRowMajor(keep.length, d, out));
    }
}
