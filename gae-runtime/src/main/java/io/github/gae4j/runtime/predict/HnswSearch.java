// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approximate top-k link search for inner-product decoders: an in-memory Lucene HNSW index of the keys k_v with
 * maximum-inner-product similarity, queried with q_u, and every candidate it finds rescored exactly in double by
 * {@link InnerProductForm#logit}, so the logits returned are exact and only the candidate set is approximate.
 *
 * <ul>
 *   <li><b>Index.</b> Keys (the embeddings, or the target halves of a source/target decoder) become float vectors of a
 *       Lucene {@code KnnFloatVectorField} in a {@code ByteBuffersDirectory}, one document per node in index order.
 *       The index is built on the first search (or by {@link #buildIndex()}), once, by one thread: one segment
 *       (several only past Lucene's per-thread RAM limit, then force-merged to one by an order-keeping merge policy
 *       on the calling thread), and Lucene's HNSW builder draws levels from its fixed seed ({@code
 *       HnswGraphBuilder.randSeed}, 42, never changed here). So two builds over the same keys give the same graph
 *       and every search the same answer; tests check it.
 *   <li><b>Per node.</b> {@link #topFrom(int, int)} searches with q_u, keeping {@code max(ef, k × overFetch)}
 *       candidates. Known links and the node itself are left out inside the graph search (Lucene's accept-docs
 *       filter), so they never take a candidate's place; the candidates are rescored exactly, ordered by {@link
 *       ScoredPair#RANKING} and cut to k. Batches run on the search's threads; queries are thread-safe.
 *   <li><b>Global.</b> {@link #top(int)} merges each node's approximate top-k: the global top k is contained in the
 *       union of the per-node top k (a pair outside u's top k has k better pairs from u alone). Nodes are visited in
 *       decreasing ‖q_u‖, in fixed batches, and the walk stops once ‖q_u‖ · max‖k_v‖ (Cauchy–Schwarz: no pair of u
 *       can score more) is below the k-th best logit found, so embeddings with a spread of norms cost few queries.
 *       Each node is asked for its ef best first, and for twice as many while the last still beats the k-th best
 *       logit found when its batch began, so a large k costs little more than a small one. The batches and their merge order do not depend on the thread count, so neither does the answer. An
 *       undirected pair found from both ends counts once, as (smaller index, larger index).
 *   <li><b>Directed</b> forms (source/target) index the target halves and query with the source halves.
 * </ul>
 */
public final class HnswSearch implements LinkSearch {

    private static final Logger LOG = LoggerFactory.getLogger(HnswSearch.class);

    /** Lucene's HNSW format takes vectors up to this width. */
    public static final int MAX_DIMENSIONS = 1024;

    private static final String FIELD = "k";
    /** Nodes per batch of the global walk: the pruning bound is checked between batches. */
    private static final int GLOBAL_BATCH = 256;
    /** Queries per parallel task. */
    private static final int CHUNK = 32;

    /**
     * The index's shape and the search's effort.
     *
     * @param maxConn HNSW's M: neighbours per node on the upper levels (2M on the bottom one); more gives better
     *     recall, a larger index and a slower build
     * @param beamWidth candidates kept while inserting a node (Lucene's beamWidth, "efConstruction")
     * @param ef candidates a query keeps at least ("efSearch"): recall rises with it, and so does query time
     * @param overFetch a query keeps at least k × overFetch candidates, for large k
     */
    public record Options(int maxConn, int beamWidth, int ef, int overFetch) {

        /**
         * M = 16, beam 100, ef 200, over-fetch 2. At 1M clustered 16-dim nodes (gae bench --suite approx, 2 threads)
         * this gave recall@10 0.942 at 5x the speed of exact search (ef 400: 0.949 at 3x; ef 100: 0.925 at 9x),
         * after a 374 s single-threaded build; beam 50 built faster but reached 0.90 at ef 100 and 0.92 at ef 200.
         * On Gaussian embeddings recall@10 was 0.97 to 0.99 already with beam 50. Raise ef (per query, no rebuild:
         * {@link HnswSearch#withOptions}) where recall matters more than time.
         */
        public static final Options DEFAULTS = new Options(16, 100, 200, 2);

        public Options {
            if (maxConn < 2 || maxConn > Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN) {
                throw new IllegalArgumentException("maxConn (M) must be in [2, "
                        + Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN + "], got " + maxConn);
            }
            if (beamWidth < 1 || beamWidth > Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH) {
                throw new IllegalArgumentException("beamWidth must be in [1, "
                        + Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH + "], got " + beamWidth);
            }
            if (ef < 1) {
                throw new IllegalArgumentException("ef must be positive, got " + ef);
            }
            if (overFetch < 1) {
                throw new IllegalArgumentException("overFetch must be at least 1, got " + overFetch);
            }
        }

        public Options withMaxConn(int value) {
            return new Options(value, beamWidth, ef, overFetch);
        }

        public Options withBeamWidth(int value) {
            return new Options(maxConn, value, ef, overFetch);
        }

        public Options withEf(int value) {
            return new Options(maxConn, beamWidth, value, overFetch);
        }

        public Options withOverFetch(int value) {
            return new Options(maxConn, beamWidth, ef, value);
        }
    }

    private final InnerProductForm form;
    private final KnownLinks known;
    private final int threads;
    private final Options options;
    /** Documents per segment before a flush; 0 leaves flushing to Lucene's RAM limits (tests force segments). */
    private final int flushEveryDocs;

    private volatile Index index;

    /** A search over {@code scorer}'s inner-product form, leaving out {@code known}, batches on {@code threads}. */
    public HnswSearch(PairScorer scorer, KnownLinks known, int threads, Options options) {
        this(scorer, known, threads, options, 0);
    }

    HnswSearch(PairScorer scorer, KnownLinks known, int threads, Options options, int flushEveryDocs) {
        Objects.requireNonNull(scorer, "scorer is null");
        this.form = scorer.innerProduct()
                .orElseThrow(() -> new IllegalArgumentException(
                        "HnswSearch needs an inner-product decoder; this scorer has no InnerProductForm"));
        this.known = Objects.requireNonNull(known, "known is null");
        this.options = Objects.requireNonNull(options, "options is null");
        if (scorer.nodes() != known.nodes()) {
            throw new IllegalArgumentException(
                    "scorer has " + scorer.nodes() + " nodes but known links " + known.nodes());
        }
        if (form.dimensions() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("Lucene's HNSW index takes vectors up to " + MAX_DIMENSIONS
                    + " wide, the embeddings are " + form.dimensions());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.flushEveryDocs = flushEveryDocs;
    }

    private HnswSearch(HnswSearch base, Options options) {
        this.form = base.form;
        this.known = base.known;
        this.threads = base.threads;
        this.options = options;
        this.flushEveryDocs = base.flushEveryDocs;
        boolean sameGraph = options.maxConn == base.options.maxConn && options.beamWidth == base.options.beamWidth;
        this.index = sameGraph ? base.index : null;
    }

    public Options options() {
        return options;
    }

    /**
     * This search with other options. Where M and the beam width stay, the index is shared (built now if no search
     * has built it yet): ef and the over-fetch act on queries only. Otherwise the new search builds its own.
     */
    public HnswSearch withOptions(Options value) {
        Objects.requireNonNull(value, "options is null");
        if (value.maxConn == options.maxConn && value.beamWidth == options.beamWidth) {
            buildIndex();
        }
        return new HnswSearch(this, value);
    }

    /** {@link #buildIndex()}. */
    @Override
    public void prepare() {
        buildIndex();
    }

    /** Builds the index now, if no search has yet; later calls return at once. */
    public void buildIndex() {
        index();
    }

    /** Bytes the built index holds in memory (its Lucene files: float vectors and the graph); builds it if needed. */
    public long indexBytes() {
        return index().bytes;
    }

    @Override
    public List<ScoredPair> top(int k) {
        BruteForceSearch.requirePositive(k);
        Index idx = index();
        int n = known.nodes();
        double[] qNorm = norms(form.queries());
        double maxKeyNorm = Arrays.stream(norms(form.keys())).max().orElse(0);
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(qNorm[b], qNorm[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        PriorityQueue<ScoredPair> heap = new PriorityQueue<>(ScoredPair.RANKING.reversed());
        Set<Long> inHeap = new HashSet<>();
        boolean undirected = form.symmetric();
        try (Parallelism parallelism = Parallelism.of(threads)) {
            for (int from = 0; from < n; from += GLOBAL_BATCH) {
                double threshold = heap.size() == k ? heap.peek().logit() : Double.NEGATIVE_INFINITY;
                if (bound(qNorm[order[from]], maxKeyNorm) < threshold) {
                    break;
                }
                int[] batch = Arrays.copyOfRange(order, from, Math.min(n, from + GLOBAL_BATCH));
                @SuppressWarnings("unchecked")
                List<ScoredPair>[] found = new List[batch.length];
                parallelism.forEachChunk(batch.length, CHUNK, (chunk, lo, hi) -> {
                    for (int i = lo; i < hi; i++) {
                        found[i] = candidatesAbove(idx, batch[i], k, threshold);
                    }
                });
                for (List<ScoredPair> list : found) {
                    for (ScoredPair p : list) {
                        ScoredPair pair = undirected && p.source() > p.target()
                                ? new ScoredPair(p.target(), p.source(), form.logit(p.target(), p.source()))
                                : p;
                        // As exact search lists an undirected pair: (smaller, larger), unless that is known.
                        if (!known.excludes(pair.source(), pair.target())) {
                            offer(heap, inHeap, pair, k);
                        }
                    }
                }
            }
        }
        List<ScoredPair> out = new ArrayList<>(heap);
        out.sort(ScoredPair.RANKING);
        return out;
    }

    /**
     * The approximate top-k of {@code source} as far as it can reach {@code threshold} (the k-th best logit when the
     * batch began): first the ef best, then twice as many while the last of them still reaches it. Depends on the
     * threshold and the source only, so on no thread's timing.
     */
    private List<ScoredPair> candidatesAbove(Index idx, int source, int k, double threshold) {
        int want = Math.min(k, options.ef);
        while (true) {
            List<ScoredPair> found = query(idx, source, want);
            if (found.size() < want || want >= k || found.get(found.size() - 1).logit() < threshold) {
                return found;
            }
            want = (int) Math.min(k, 2L * want);
        }
    }

    /** An upper bound of q_u · k_v, with slack for the rounding of both the norms and the inner product. */
    private static double bound(double queryNorm, double maxKeyNorm) {
        return queryNorm * maxKeyNorm * (1 + 1e-9) + 1e-12;
    }

    private static void offer(PriorityQueue<ScoredPair> heap, Set<Long> inHeap, ScoredPair p, int k) {
        long key = ((long) p.source() << 32) | (p.target() & 0xffffffffL);
        if (inHeap.contains(key)) {
            return;
        }
        if (heap.size() < k) {
            heap.add(p);
            inHeap.add(key);
        } else if (ScoredPair.RANKING.compare(p, heap.peek()) < 0) {
            ScoredPair out = heap.poll();
            inHeap.remove(((long) out.source() << 32) | (out.target() & 0xffffffffL));
            heap.add(p);
            inHeap.add(key);
        }
    }

    @Override
    public List<ScoredPair> topFrom(int source, int k) {
        BruteForceSearch.requirePositive(k);
        checkNode(source);
        return query(index(), source, k);
    }

    @Override
    public List<List<ScoredPair>> topFrom(int[] sources, int k) {
        BruteForceSearch.requirePositive(k);
        for (int s : sources) {
            checkNode(s);
        }
        Index idx = index();
        try (Parallelism parallelism = Parallelism.of(threads)) {
            return search(idx, sources, k, parallelism);
        }
    }

    private List<List<ScoredPair>> search(Index idx, int[] sources, int k, Parallelism parallelism) {
        @SuppressWarnings("unchecked")
        List<ScoredPair>[] out = new List[sources.length];
        parallelism.forEachChunk(sources.length, CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = query(idx, sources[i], k);
            }
        });
        return Arrays.asList(out);
    }

    private void checkNode(int node) {
        if (node < 0 || node >= known.nodes()) {
            throw new IllegalArgumentException("node index " + node + " outside [0, " + known.nodes() + ")");
        }
    }

    private List<ScoredPair> query(Index idx, int source, int k) {
        long candidates = known.candidatesFrom(source);
        if (candidates == 0) {
            return List.of();
        }
        int fetch = (int) Math.min(candidates, Math.max(options.ef, (long) k * options.overFetch));
        float[] q = row(form.queries(), source);
        Bits accept = new Accept(known, source);
        TopDocs docs;
        try {
            docs = idx.leaf.searchNearestVectors(FIELD, q, fetch, accept, Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory HNSW index", e);
        }
        List<ScoredPair> out = new ArrayList<>(docs.scoreDocs.length);
        for (ScoreDoc d : docs.scoreDocs) {
            if (!known.excludes(source, d.doc)) {
                out.add(new ScoredPair(source, d.doc, form.logit(source, d.doc)));
            }
        }
        out.sort(ScoredPair.RANKING);
        return out.size() > k ? List.copyOf(out.subList(0, k)) : List.copyOf(out);
    }

    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "approximate (Lucene HNSW, max inner product, M=%d, beam=%d, ef=%d, %d threads; candidates rescored"
                        + " exactly; global top-k merges per-node searches in decreasing query norm, pruned by"
                        + " Cauchy-Schwarz)",
                options.maxConn,
                options.beamWidth,
                options.ef,
                threads);
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = build();
                    index = i;
                }
            }
        }
        return i;
    }

    private Index build() {
        long start = System.nanoTime();
        Matrix keys = form.keys();
        int n = keys.rows();
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(options.maxConn, options.beamWidth, 1, null);
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return format;
                    }
                })
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setMergeScheduler(new SerialMergeScheduler())
                .setUseCompoundFile(false)
                .setCommitOnClose(true);
        // Documents stay in node order: LogDocMergePolicy merges adjacent segments only.
        LogDocMergePolicy merges = new LogDocMergePolicy();
        merges.setNoCFSRatio(0);
        config.setMergePolicy(merges);
        if (flushEveryDocs > 0) {
            config.setMaxBufferedDocs(flushEveryDocs);
            config.setRAMBufferSizeMB(IndexWriterConfig.DISABLE_AUTO_FLUSH);
        } else {
            // One segment up to Lucene's per-thread hard limit (the graph is built once, not merged).
            config.setRAMBufferSizeMB(IndexWriterConfig.DEFAULT_RAM_PER_THREAD_HARD_LIMIT_MB - 45);
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try {
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int v = 0; v < n; v++) {
                    Document doc = new Document();
                    doc.add(new KnnFloatVectorField(
                            FIELD, row(keys, v), VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            if (reader.leaves().size() != 1 || reader.maxDoc() != n || reader.hasDeletions()) {
                throw new IllegalStateException("the HNSW index should be one segment of " + n + " documents, got "
                        + reader.leaves().size() + " segments of " + reader.maxDoc());
            }
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            LOG.debug(
                    "HNSW index of {} keys ({} dims, M={}, beam={}) built in {} ms, {} bytes",
                    n,
                    form.dimensions(),
                    options.maxConn,
                    options.beamWidth,
                    (System.nanoTime() - start) / 1_000_000,
                    bytes);
            return new Index(reader.leaves().get(0).reader(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory HNSW index", e);
        }
    }

    /**
     * Recall@k of approximate lists against exact ones for the same sources, in the same order: the mean over
     * sources of the share of the exact list's targets that the approximate list holds (1 where the exact list is
     * empty).
     */
    public static double recall(List<List<ScoredPair>> approximate, List<List<ScoredPair>> exact) {
        if (approximate.size() != exact.size()) {
            throw new IllegalArgumentException(
                    "recall needs one list per source, got " + approximate.size() + " and " + exact.size());
        }
        if (exact.isEmpty()) {
            return 1;
        }
        double sum = 0;
        for (int i = 0; i < exact.size(); i++) {
            Set<Integer> truth = new HashSet<>();
            exact.get(i).forEach(p -> truth.add(p.target()));
            long hit = approximate.get(i).stream()
                    .filter(p -> truth.contains(p.target()))
                    .count();
            sum += truth.isEmpty() ? 1 : (double) hit / truth.size();
        }
        return sum / exact.size();
    }

    private static float[] row(Matrix m, int r) {
        int d = m.cols();
        double[] data = m.data();
        float[] out = new float[d];
        for (int c = 0; c < d; c++) {
            out[c] = (float) data[r * d + c];
        }
        return out;
    }

    private static double[] norms(Matrix m) {
        int d = m.cols();
        double[] data = m.data();
        double[] out = new double[m.rows()];
        for (int r = 0; r < out.length; r++) {
            double s = 0;
            for (int c = 0, i = r * d; c < d; c++) {
                s += data[i + c] * data[i + c];
            }
            out[r] = Math.sqrt(s);
        }
        return out;
    }

    /** The built index: its one segment (document v is node v's key) and its size in bytes. */
    private record Index(LeafReader leaf, long bytes) {}

    /** Lucene's accept-docs filter for one query: every node but the source and its known targets. */
    private record Accept(KnownLinks known, int source) implements Bits {

        @Override
        public boolean get(int index) {
            return !known.excludes(source, index);
        }

        @Override
        public int length() {
            return known.nodes();
        }
    }
}
