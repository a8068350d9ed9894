// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.bench;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.predict.HnswSearch;
import io.github.gae4j.runtime.predict.KnownLinks;
import io.github.gae4j.runtime.predict.LinkSearch;
import io.github.gae4j.runtime.predict.LinkSearches;
import io.github.gae4j.runtime.predict.ScoredPair;
import io.github.gae4j.runtime.predict.SearchMode;
import java.io.PrintStream;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code gae bench --suite approx}: approximate top-10 (Lucene HNSW, {@link HnswSearch}) on a synthetic graph of a
 * million nodes with 16-dimensional embeddings, next to exact search for the same sampled nodes in the same run:
 * index build time and size, query time, recall@10 against exact, peak heap.
 *
 * <p>Embeddings: "clustered" is a stand-in for trained ones, 1,000 Gaussian clusters (centres N(0, I), points at
 * spread 0.5 around them), each node linked to 5 random members of its own cluster (the known links the search
 * leaves out, near neighbours as a trained model's are); "gaussian" is the hard case, every coordinate N(0, 1) and
 * 5 random known links per node, with no structure for the graph to follow. Everything is seeded.
 */
public final class ApproxBench {

    /** The embedding kinds run when none are named. */
    public static final List<String> KINDS = List.of("clustered", "gaussian");

    public static final int DEFAULT_NODES = 1_000_000;
    private static final int DIMS = 16;
    /** Sampled query nodes: 10,000, or a tenth of a smaller graph. */
    private static final int QUERIES = 10_000;

    private static final int MIN_NODES = 1_000;
    private static final int K = 10;
    private static final int CLUSTERS = 1_000;
    private static final int KNOWN_PER_NODE = 5;

    /** One row: an embedding kind at one query effort (ef) over one index. */
    public record Row(
            String kind,
            int nodes,
            int ef,
            double buildSeconds,
            double indexMb,
            double indexHeapMb,
            double approxSeconds,
            double exactSeconds,
            double recall,
            double peakHeapMb) {}

    private ApproxBench() {}

    /** Runs every kind over {@code nodes} nodes, prints the table to {@code out} and returns its rows. */
    public static List<Row> run(List<String> kinds, int nodes, int threads, PrintStream out) {
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw new ConfigException(
                        "Unknown embedding kind '" + kind + "' for --suite approx; known: " + String.join(", ", KINDS));
            }
        }
        if (nodes < MIN_NODES) {
            throw new ConfigException("--nodes must be at least " + MIN_NODES + " for --suite approx, got " + nodes);
        }
        int queries = queries(nodes);
        out.printf(
                Locale.ROOT,
                "gae4j approximate search benchmark: JDK %s, %d cores, %d threads, max heap %d MB; top-%d for %d"
                        + " sampled nodes of %d, %d dims%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                threads,
                Runtime.getRuntime().maxMemory() >> 20,
                K,
                queries,
                nodes,
                DIMS);
        List<Row> rows = new ArrayList<>();
        for (String kind : kinds) {
            rows.addAll(runKind(kind, nodes, threads, out));
        }
        print(rows, queries, out);
        return rows;
    }

    private static List<Row> runKind(String kind, int nodes, int threads, PrintStream out) {
        List<MemoryPoolMXBean> pools = Benchmark.heapPools();
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        boolean clustered = kind.equals("clustered");
        SplittableRandom rng = new SplittableRandom(clustered ? 1L : 2L);
        int[] cluster = new int[nodes];
        Matrix z = clustered ? clustered(nodes, rng, cluster) : gaussian(nodes, rng);
        PairScorer scorer = DecoderScorers.innerProduct(InnerProductForm.symmetric(z));
        KnownLinks known = knownLinks(nodes, clustered ? cluster : null, rng);
        int[] queries = rng.ints(0, nodes).distinct().limit(queries(nodes)).toArray();

        LinkSearch exact = LinkSearches.create(SearchMode.EXACT, scorer, known, threads);
        long t0 = System.nanoTime();
        List<List<ScoredPair>> truth = exact.topFrom(queries, K);
        double exactSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "%s: exact %.1f s (%s)%n", kind, exactSeconds, exact.describe());

        System.gc();
        long before = usedHeap();
        HnswSearch hnsw = new HnswSearch(scorer, known, threads, HnswSearch.Options.DEFAULTS);
        t0 = System.nanoTime();
        hnsw.buildIndex();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        double indexHeapMb = (usedHeap() - before) / 1048576.0;
        double indexMb = hnsw.indexBytes() / 1048576.0;
        out.printf(Locale.ROOT, "%s: index built in %.1f s (%s)%n", kind, buildSeconds, hnsw.describe());

        List<Row> rows = new ArrayList<>();
        int ef = HnswSearch.Options.DEFAULTS.ef();
        for (int e : new int[] {ef / 2, ef, ef * 2}) {
            HnswSearch search = e == ef ? hnsw : hnsw.withOptions(HnswSearch.Options.DEFAULTS.withEf(e));
            search.topFrom(queries, K); // warm-up: the JIT, and the same work as the timed run
            t0 = System.nanoTime();
            List<List<ScoredPair>> found = search.topFrom(queries, K);
            double approxSeconds = (System.nanoTime() - t0) / 1e9;
            double peak =
                    pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
            double recall = HnswSearch.recall(found, truth);
            out.printf(Locale.ROOT, "%s: ef %d, queries %.2f s, recall@%d %.4f%n", kind, e, approxSeconds, K, recall);
            rows.add(new Row(
                    kind, nodes, e, buildSeconds, indexMb, indexHeapMb, approxSeconds, exactSeconds, recall, peak));
        }
        return rows;
    }

    private static Matrix clustered(int nodes, SplittableRandom rng, int[] cluster) {
        double[][] centres = new double[CLUSTERS][DIMS];
        for (double[] c : centres) {
            for (int j = 0; j < DIMS; j++) {
                c[j] = rng.nextGaussian();
            }
        }
        Matrix z = Matrix.zeros(nodes, DIMS);
        double[] d = z.data();
        for (int i = 0; i < nodes; i++) {
            cluster[i] = rng.nextInt(CLUSTERS);
            for (int j = 0; j < DIMS; j++) {
                d[i * DIMS + j] = centres[cluster[i]][j] + 0.5 * rng.nextGaussian();
            }
        }
        return z;
    }

    private static Matrix gaussian(int nodes, SplittableRandom rng) {
        Matrix z = Matrix.zeros(nodes, DIMS);
        double[] d = z.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = rng.nextGaussian();
        }
        return z;
    }

    /** {@value #KNOWN_PER_NODE} links per node: to random members of its cluster, or to random nodes. */
    private static KnownLinks knownLinks(int nodes, int[] cluster, SplittableRandom rng) {
        int[][] members = null;
        if (cluster != null) {
            int[] size = new int[CLUSTERS];
            for (int c : cluster) {
                size[c]++;
            }
            members = new int[CLUSTERS][];
            for (int c = 0; c < CLUSTERS; c++) {
                members[c] = new int[size[c]];
            }
            int[] fill = new int[CLUSTERS];
            for (int v = 0; v < nodes; v++) {
                members[cluster[v]][fill[cluster[v]]++] = v;
            }
        }
        int[] src = new int[nodes * KNOWN_PER_NODE];
        int[] dst = new int[src.length];
        for (int u = 0, e = 0; u < nodes; u++) {
            for (int j = 0; j < KNOWN_PER_NODE; j++, e++) {
                int[] pool = members != null ? members[cluster[u]] : null;
                src[e] = u;
                dst[e] = pool != null ? pool[rng.nextInt(pool.length)] : rng.nextInt(nodes);
            }
        }
        return KnownLinks.of(nodes, false, List.of(new EdgeList(src, dst)));
    }

    private static int queries(int nodes) {
        return Math.min(QUERIES, nodes / 10);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static void print(List<Row> rows, int queries, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%-10s %8s %4s | %8s %8s %8s | %9s %9s %9s %7s | %9s | %8s%n",
                "embedding",
                "nodes",
                "ef",
                "build s",
                "index MB",
                "heap MB",
                "approx s",
                "ms/query",
                "exact s",
                "speedup",
                "recall@10",
                "peak MB");
        for (Row r : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-10s %8d %4d | %8.1f %8.0f %8.0f | %9.2f %9.3f %9.1f %6.0fx | %9.4f | %8.0f%n",
                    r.kind(),
                    r.nodes(),
                    r.ef(),
                    r.buildSeconds(),
                    r.indexMb(),
                    r.indexHeapMb(),
                    r.approxSeconds(),
                    r.approxSeconds() * 1000 / queries,
                    r.exactSeconds(),
                    r.exactSeconds() / r.approxSeconds(),
                    r.recall(),
                    r.peakHeapMb());
        }
        out.println("build: the HNSW index (M=" + HnswSearch.Options.DEFAULTS.maxConn() + ", beam="
                + HnswSearch.Options.DEFAULTS.beamWidth() + ", one thread); index MB: its Lucene files (float vectors"
                + " and graph), heap MB: heap it holds after GC; approx s / exact s: top-" + K + " of the " + queries
                + " sampled nodes (known links left out), ms/query: approx wall time per node; recall@10: share of"
                + " the exact top-10 the index found; peak MB: heap pool peaks over the row's embedding, known links,"
                + " exact and approximate searches.");
    }
}
