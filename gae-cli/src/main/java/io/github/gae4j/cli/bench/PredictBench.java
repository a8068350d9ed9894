// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.bench;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.predict.BruteForceSearch;
import io.github.gae4j.runtime.predict.ExactSearch;
import io.github.gae4j.runtime.predict.KnownLinks;
import io.github.gae4j.runtime.predict.LinkSearch;
import io.github.gae4j.runtime.predict.ScoredPair;
import java.io.PrintStream;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * {@code gae bench --suite predict}: the exact top-k link search next to the naive path, in the same run, on a real
 * graph's edges as known links and seeded Gaussian embeddings (16 dims, as the PyTorch reference in issue 18):
 *
 * <ul>
 *   <li>global top-1000 by {@link ExactSearch#top} against materialising Z·Zᵀ with ojAlgo ({@link
 *       Matrix#multiplyTranspose}), then one pass over the upper triangle with known links masked into a bounded heap
 *       of 1000 (a partial sort, as torch.topk);
 *   <li>top-10 of every node by {@link ExactSearch#topFrom(int[], int)} against {@link BruteForceSearch} row by row
 *       (one row of N logits, a bounded heap, the next row), spread over the same threads.
 * </ul>
 *
 * Times are medians after warm-up; memory is the heap's peak above what was in use before one call (after a GC),
 * from the heap MemoryPoolMXBeans: roughly what the call holds plus its garbage until the next collection.
 */
public final class PredictBench {

    /** Graphs the suite knows; PubMed unless told otherwise. */
    public static final List<String> DATASETS = List.of("cora", "citeseer", "pubmed");

    public static final List<String> DEFAULT_DATASETS = List.of("pubmed");

    static final int DIMENSIONS = 16;
    static final int GLOBAL_K = 1000;
    static final int PER_NODE_K = 10;

    private PredictBench() {}

    /** One row of the table. */
    public record Row(
            String dataset,
            String what,
            double oursMs,
            double baselineMs,
            double oursHeapMb,
            double baselineHeapMb,
            boolean same,
            String baseline) {}

    /** Prints the table for {@code datasets} (default PubMed) on {@code threads} threads, and returns its rows. */
    public static List<Row> run(
            ModelAssembler assembler, Optional<Path> dataDir, List<String> datasets, int threads, PrintStream out) {
        List<String> names = datasets == null || datasets.isEmpty() ? DEFAULT_DATASETS : datasets;
        for (String name : names) {
            if (!DATASETS.contains(name)) {
                throw new ConfigException("Unknown dataset '" + name + "' for the predict suite; known: " + DATASETS);
            }
        }
        out.printf(
                Locale.ROOT,
                "gae4j predict benchmark: JDK %s, %d cores, %d threads, max heap %d MB%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                threads,
                Runtime.getRuntime().maxMemory() >> 20);
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            Optional<Graph> graph = BenchDatasets.load(name, dataDir, assembler);
            if (graph.isEmpty()) {
                out.printf(Locale.ROOT, "%s: skipped, not found under %s%n", name, dataDir.orElse(null));
                continue;
            }
            rows.addAll(runOne(name, graph.get(), threads, out));
        }
        print(rows, out);
        return rows;
    }

    static List<Row> runOne(String name, Graph graph, int threads, PrintStream out) {
        int n = graph.nodeCount();
        Matrix z = gaussian(n, DIMENSIONS, 42L);
        PairScorer scorer = DecoderScorers.innerProduct(InnerProductForm.symmetric(z));
        KnownLinks known = KnownLinks.of(n, false, List.of(graph.edges()));
        long setupStart = System.nanoTime();
        ExactSearch ours = new ExactSearch(scorer, known, threads);
        double setupMs = (System.nanoTime() - setupStart) / 1e6;
        out.printf(
                Locale.ROOT,
                "%s: %d nodes, %d dims, %d known links; %s, set up in %.1f ms%n",
                name,
                n,
                DIMENSIONS,
                known.linkCount(),
                ours.describe(),
                setupMs);
        boolean big = n > 10_000;
        List<Row> rows = new ArrayList<>();

        // Global top-k.
        List<ScoredPair> oursTop = ours.top(GLOBAL_K);
        List<ScoredPair> naiveTop = materialisedTop(z, known, GLOBAL_K);
        rows.add(new Row(
                name,
                "global top-" + GLOBAL_K,
                KernelTimings.medianMillis(3, big ? 7 : 11, () -> ours.top(GLOBAL_K)),
                KernelTimings.medianMillis(1, big ? 3 : 5, () -> materialisedTop(z, known, GLOBAL_K)),
                peakHeapMb(() -> ours.top(GLOBAL_K)),
                peakHeapMb(() -> materialisedTop(z, known, GLOBAL_K)),
                sameAnswer(oursTop, naiveTop),
                "ojAlgo Z·Zᵀ + masked scan"));
        naiveTop = null;

        // Top-k of every node.
        int[] all = IntStream.range(0, n).toArray();
        BruteForceSearch brute = new BruteForceSearch(scorer, known);
        List<List<ScoredPair>> oursPerNode = ours.topFrom(all, PER_NODE_K);
        List<List<ScoredPair>> naivePerNode = rowByRow(brute, all, PER_NODE_K, threads);
        rows.add(new Row(
                name,
                "per-node top-" + PER_NODE_K + ", all nodes",
                KernelTimings.medianMillis(3, big ? 7 : 11, () -> ours.topFrom(all, PER_NODE_K)),
                KernelTimings.medianMillis(1, big ? 3 : 5, () -> rowByRow(brute, all, PER_NODE_K, threads)),
                peakHeapMb(() -> ours.topFrom(all, PER_NODE_K)),
                peakHeapMb(() -> rowByRow(brute, all, PER_NODE_K, threads)),
                oursPerNode.equals(naivePerNode),
                "row by row (brute force)"));
        return rows;
    }

    /** Seeded standard Gaussian embeddings, like torch.randn(n, d). */
    static Matrix gaussian(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix z = Matrix.zeros(n, d);
        double[] data = z.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextGaussian();
        }
        return z;
    }

    /**
     * The naive global path: Z·Zᵀ materialised (N×N doubles) by ojAlgo, then the upper triangle with known links
     * masked, selected into a bounded heap (a partial sort), and the heap sorted.
     */
    static List<ScoredPair> materialisedTop(Matrix z, KnownLinks known, int k) {
        int n = z.rows();
        double[] s = z.multiplyTranspose(z).data();
        PriorityQueue<ScoredPair> heap = new PriorityQueue<>(ScoredPair.RANKING.reversed());
        for (int u = 0; u < n; u++) {
            for (int v = u + 1; v < n; v++) {
                double logit = s[u * n + v];
                if (heap.size() == k && logit < heap.peek().logit()) {
                    continue;
                }
                if (!known.excludes(u, v)) {
                    ScoredPair p = new ScoredPair(u, v, logit);
                    if (heap.size() < k) {
                        heap.add(p);
                    } else if (ScoredPair.RANKING.compare(p, heap.peek()) < 0) {
                        heap.poll();
                        heap.add(p);
                    }
                }
            }
        }
        List<ScoredPair> out = new ArrayList<>(heap);
        out.sort(ScoredPair.RANKING);
        return out;
    }

    /** The naive per-node path: {@link BruteForceSearch#topFrom(int, int)} for each node, rows spread over threads. */
    static List<List<ScoredPair>> rowByRow(LinkSearch brute, int[] sources, int k, int threads) {
        List<List<ScoredPair>> out = new ArrayList<>(Collections.nCopies(sources.length, null));
        try (Parallelism parallelism = Parallelism.of(threads)) {
            parallelism.forEachChunk(sources.length, 256, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    out.set(i, brute.topFrom(sources[i], k));
                }
            });
        }
        return out;
    }

    /**
     * Same pairs in the same order, and logits equal within 1e-12 relative: ojAlgo may sum a product in another
     * order than the plain loop, so its logits can differ in the last bits.
     */
    static boolean sameAnswer(List<ScoredPair> ours, List<ScoredPair> baseline) {
        if (ours.size() != baseline.size()) {
            return false;
        }
        for (int i = 0; i < ours.size(); i++) {
            ScoredPair a = ours.get(i);
            ScoredPair b = baseline.get(i);
            if (a.source() != b.source()
                    || a.target() != b.target()
                    || Math.abs(a.logit() - b.logit()) > 1e-12 * Math.max(1, Math.abs(a.logit()))) {
                return false;
            }
        }
        return true;
    }

    /** Peak heap above the heap in use before one call of {@code body}, after a GC, in MB. */
    static double peakHeapMb(Supplier<?> body) {
        List<MemoryPoolMXBean> pools = Benchmark.heapPools();
        System.gc();
        long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        Object result = body.get();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return Math.max(0, peak - before) / 1048576.0;
    }

    static void print(List<Row> rows, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%n%-9s %-26s %9s %11s %7s | %8s %11s | %-4s | %s%n",
                "dataset",
                "case",
                "ours ms",
                "baseline ms",
                "ratio",
                "ours MB",
                "baseline MB",
                "same",
                "baseline");
        for (Row r : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-9s %-26s %9.1f %11.1f %7.1f | %8.1f %11.1f | %-4s | %s%n",
                    r.dataset(),
                    r.what(),
                    r.oursMs(),
                    r.baselineMs(),
                    r.baselineMs() / r.oursMs(),
                    r.oursHeapMb(),
                    r.baselineHeapMb(),
                    r.same() ? "yes" : "NO",
                    r.baseline());
        }
        out.println("predict: ms are medians after warm-up; MB is the heap's peak above what was in use before one"
                + " call, after a GC (MemoryPoolMXBeans): what the call holds plus its garbage until the next"
                + " collection. Embeddings: seeded standard Gaussian, "
                + DIMENSIONS
                + " dims; known links: the graph's edges.");
    }
}
