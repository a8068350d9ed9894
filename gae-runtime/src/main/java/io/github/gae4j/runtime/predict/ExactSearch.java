// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The exact top-k search: fused (scores go straight into bounded heaps, nothing N×N is held), blocked and
 * multi-threaded, with one bounded {@link TopHeap} per worker, so memory is O(N·d + threads·(N + k)).
 *
 * <p>Inner-product scorers are scored four query rows at a time against blocks of keys stored dimension-major (a
 * layout C2 auto-vectorises), each logit summed in the same order as {@link InnerProductForm#logit}, so logits equal
 * brute force's bit for bit. Keys are sorted by norm, descending, and a query's scan stops once ‖q‖·‖k‖ (plus a
 * rounding slack) falls strictly below the logit its heap, or any worker's heap, already holds: by Cauchy–Schwarz no
 * later key can enter. The global search also takes queries by norm, descending, and stops when the largest bound
 * left is below the threshold. Known links are looked up only for candidates that beat the threshold. Other scorers
 * go row by row through {@link PairScorer#logitsFrom}.
 *
 * <p>Results are exactly the top k under {@link ScoredPair#RANKING}: the same for any thread count and equal to
 * {@link BruteForceSearch}.
 */
public final class ExactSearch implements LinkSearch {

    /** Query rows scored together against one key block. */
    private static final int ROWS = 4;
    /** Keys per block: ROWS accumulator rows of this length stay in L1. */
    private static final int BLOCK = 512;
    /** Rows of a generic scorer a worker takes at a time. */
    private static final int GENERIC_ROWS = 8;
    /**
     * Bound on the relative error of a float dot product against the double one, per term of Σ|q_c·k_c| ≤ ‖q‖·‖k‖:
     * two roundings of the inputs, one of the product and one per addition (float), and the double sum's own, with room.
     */
    private static final double FLOAT_RELATIVE_ERROR = 2.0 * Math.ulp(1.0f);
    /** Most heap entries per worker the all-sources path may hold (16 MB of logits). */
    private static final long SYMMETRIC_HEAP_ENTRIES = 1L << 21;
    /** Relative slack on the Cauchy–Schwarz bound: covers the rounding of the dot products and of the norms. */
    private static final double RELATIVE_SLACK = 1e-9;

    private final PairScorer scorer;
    private final KnownLinks known;
    private final int threads;
    private final Keys keys;

    public ExactSearch(PairScorer scorer, KnownLinks known, int threads) {
        this.scorer = Objects.requireNonNull(scorer, "scorer is null");
        this.known = Objects.requireNonNull(known, "known is null");
        if (scorer.nodes() != known.nodes()) {
            throw new IllegalArgumentException(
                    "scorer has " + scorer.nodes() + " nodes but known links " + known.nodes());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        Optional<InnerProductForm> form = scorer.innerProduct();
        // An undirected scorer lists each pair once, which the kernel does for a symmetric form only.
        this.keys = form.filter(f -> scorer.directed() || f.symmetric())
                .map(f -> new Keys(f, !scorer.directed()))
                .orElse(null);
    }

    @Override
    public List<ScoredPair> top(int k) {
        BruteForceSearch.requirePositive(k);
        int n = scorer.nodes();
        long pairs = scorer.directed() ? (long) n * (n - 1) : (long) n * (n - 1) / 2;
        int capacity = (int) Math.min(k, pairs);
        if (capacity <= 0) {
            return new ArrayList<>();
        }
        int units = keys != null ? Parallelism.chunkCount(n, ROWS) : Parallelism.chunkCount(n, GENERIC_ROWS);
        int workers = Math.max(1, Math.min(threads, units));
        TopHeap[] heaps = new TopHeap[workers];
        AtomicInteger next = new AtomicInteger();
        Threshold shared = new Threshold();
        inWorkers(workers, w -> {
            TopHeap heap = new TopHeap(capacity);
            heaps[w] = heap;
            if (keys != null) {
                globalInner(heap, next, shared);
            } else {
                globalGeneric(heap, next, shared);
            }
        });
        List<ScoredPair> all = new ArrayList<>();
        for (TopHeap heap : heaps) {
            heap.addTo(all);
        }
        all.sort(ScoredPair.RANKING);
        return new ArrayList<>(all.subList(0, Math.min(capacity, all.size())));
    }

    @Override
    public List<ScoredPair> topFrom(int source, int k) {
        return topFrom(new int[] {source}, k).get(0);
    }

    @Override
    public List<List<ScoredPair>> topFrom(int[] sources, int k) {
        BruteForceSearch.requirePositive(k);
        int n = scorer.nodes();
        for (int source : sources) {
            if (source < 0 || source >= n) {
                throw new IndexOutOfBoundsException("source " + source + " outside [0, " + n + ")");
            }
        }
        int capacity = Math.min(k, Math.max(0, n - 1));
        // Each worker writes its own positions; the join publishes them.
        List<List<ScoredPair>> results = new ArrayList<>(Collections.nCopies(sources.length, null));
        // Queries of similar norm stop their scans at similar keys, so they are blocked together.
        // Every pair once for both ends pays when most nodes are sources; its heaps take N·k per worker.
        if (keys != null
                && keys.symmetric
                && (long) capacity * n <= SYMMETRIC_HEAP_ENTRIES
                && 2L * distinct(sources, n) >= n) {
            return perNodeSymmetric(sources, capacity);
        }
        int[] order = keys != null ? keys.byQueryNorm(sources) : identity(sources.length);
        int step = keys != null ? ROWS : GENERIC_ROWS;
        int workers = Math.max(1, Math.min(threads, Parallelism.chunkCount(sources.length, step)));
        AtomicInteger next = new AtomicInteger();
        inWorkers(workers, w -> {
            if (keys != null) {
                perNodeInner(sources, order, capacity, next, results);
            } else {
                perNodeGeneric(sources, capacity, next, results);
            }
        });
        return results;
    }

    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public String describe() {
        String how = keys != null ? "blocked inner products" : "row by row through the decoder";
        return String.format(Locale.ROOT, "exact (%s, %d thread%s)", how, threads, threads == 1 ? "" : "s");
    }

    private List<List<ScoredPair>> perNodeSymmetric(int[] sources, int capacity) {
        int n = keys.n;
        boolean[] isSource = new boolean[n];
        for (int u : sources) {
            isSource[u] = true;
        }
        int[] position = new int[n];
        for (int j = 0; j < n; j++) {
            position[keys.keyOrder[j]] = j;
        }
        boolean[] sourceAt = new boolean[n];
        for (int j = 0; j < n; j++) {
            sourceAt[j] = isSource[keys.keyOrder[j]];
        }
        int workers = Math.max(1, Math.min(threads, Parallelism.chunkCount(n, ROWS)));
        NodeHeaps[] heaps = new NodeHeaps[workers];
        AtomicInteger next = new AtomicInteger();
        inWorkers(workers, w -> {
            heaps[w] = new NodeHeaps(sourceAt, capacity);
            perNodeSymmetric(isSource, next, heaps[w]);
        });
        List<List<ScoredPair>> results = new ArrayList<>(sources.length);
        List<ScoredPair> merged = new ArrayList<>();
        for (int u : sources) {
            merged.clear();
            for (NodeHeaps h : heaps) {
                h.addTo(position[u], u, merged);
            }
            merged.sort(ScoredPair.RANKING);
            results.add(new ArrayList<>(merged.subList(0, Math.min(capacity, merged.size()))));
        }
        return results;
    }

    private static int distinct(int[] sources, int n) {
        boolean[] seen = new boolean[n];
        int count = 0;
        for (int u : sources) {
            if (!seen[u]) {
                seen[u] = true;
                count++;
            }
        }
        return count;
    }

    /** Runs {@code worker} once per worker id in [0, workers), on that many threads. */
    private static void inWorkers(int workers, IntConsumer worker) {
        if (workers == 1) {
            worker.accept(0);
            return;
        }
        try (Parallelism parallelism = Parallelism.of(workers)) {
            parallelism.forEachChunk(workers, 1, (chunk, from, to) -> worker.accept(chunk));
        }
    }

    // ---- inner products ------------------------------------------------------------------------------------------

    /** Global top-k over blocks of ROWS queries taken in norm order from {@code next}. */
    private void globalInner(TopHeap heap, AtomicInteger next, Threshold shared) {
        Keys ks = keys;
        int n = ks.n;
        int d = ks.d;
        double[] q = new double[ROWS * d];
        double[][] acc = new double[ROWS][BLOCK];
        while (true) {
            int i0 = next.getAndAdd(ROWS);
            if (i0 >= n) {
                return;
            }
            int rows = Math.min(ROWS, n - i0);
            // Symmetric: each unordered pair once, from the query at the smaller position in norm order.
            int first = ks.symmetric ? i0 + 1 : 0;
            if (first >= n) {
                return;
            }
            double thr = Math.max(heap.threshold(), shared.get());
            double lead = ks.queryNorm[ks.queryOrder[i0]];
            if (prunes(lead, ks.keyNorm[first], d, thr)) {
                // Every later query has a smaller norm: nothing left can enter.
                return;
            }
            ks.loadQueries(ks.queryOrder, i0, rows, q);
            for (int j0 = first / BLOCK * BLOCK; j0 < n; j0 += BLOCK) {
                thr = Math.max(thr, shared.get());
                if (prunes(lead, ks.keyNorm[Math.max(j0, first)], d, thr)) {
                    break;
                }
                int len = Math.min(BLOCK, n - j0);
                scoreBlock(q, ks.keyRows, d, j0 / BLOCK, acc[0], acc[1], acc[2], acc[3]);
                for (int r = 0; r < rows; r++) {
                    int qi = i0 + r;
                    int u = ks.queryOrder[qi];
                    double[] a = acc[r];
                    for (int j = ks.symmetric ? Math.max(0, qi + 1 - j0) : 0; j < len; j++) {
                        double s = a[j];
                        if (s < thr) {
                            continue;
                        }
                        int v = ks.keyOrder[j0 + j];
                        int x = ks.symmetric ? Math.min(u, v) : u;
                        int y = ks.symmetric ? Math.max(u, v) : v;
                        if (known.excludes(x, y)) {
                            continue;
                        }
                        heap.offer(s, x, y);
                        double t = heap.threshold();
                        if (t > thr) {
                            thr = t;
                            shared.raise(t);
                        }
                    }
                }
            }
        }
    }

    /** Per-source top-k for blocks of ROWS sources (positions into {@code sources}, via {@code order}). */
    private void perNodeInner(
            int[] sources, int[] order, int capacity, AtomicInteger next, List<List<ScoredPair>> results) {
        Keys ks = keys;
        int n = ks.n;
        int d = ks.d;
        double[] q = new double[ROWS * d];
        double[][] acc = new double[ROWS][BLOCK];
        TopHeap[] heaps = new TopHeap[ROWS];
        for (int r = 0; r < ROWS; r++) {
            heaps[r] = new TopHeap(capacity);
        }
        int[] us = new int[ROWS];
        boolean[] done = new boolean[ROWS];
        while (true) {
            int p0 = next.getAndAdd(ROWS);
            if (p0 >= sources.length) {
                return;
            }
            int rows = Math.min(ROWS, sources.length - p0);
            for (int r = 0; r < rows; r++) {
                us[r] = sources[order[p0 + r]];
                heaps[r].clear();
                done[r] = false;
            }
            ks.loadQueries(us, rows, q);
            for (int j0 = 0; j0 < n; j0 += BLOCK) {
                boolean any = false;
                for (int r = 0; r < rows; r++) {
                    if (!done[r]) {
                        done[r] = prunes(ks.queryNorm[us[r]], ks.keyNorm[j0], d, heaps[r].threshold());
                        any |= !done[r];
                    }
                }
                if (!any) {
                    break;
                }
                int len = Math.min(BLOCK, n - j0);
                scoreBlock(q, ks.keyRows, d, j0 / BLOCK, acc[0], acc[1], acc[2], acc[3]);
                for (int r = 0; r < rows; r++) {
                    if (done[r]) {
                        continue;
                    }
                    int u = us[r];
                    TopHeap heap = heaps[r];
                    double thr = heap.threshold();
                    double[] a = acc[r];
                    for (int j = 0; j < len; j++) {
                        double s = a[j];
                        if (s < thr) {
                            continue;
                        }
                        int v = ks.keyOrder[j0 + j];
                        if (known.excludes(u, v)) {
                            continue;
                        }
                        heap.offer(s, u, v);
                        thr = heap.threshold();
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                results.set(order[p0 + r], sorted(heaps[r]));
            }
        }
    }

    /**
     * Per-source top-k when most nodes are sources of a symmetric form: each unordered pair is scored once and
     * offered to both ends' heaps (per worker, by position in norm order), halving the work of scanning every row.
     * Scores are computed in float (twice the lanes) with a rigorous error margin; a pair that may pass is rescored
     * in double by {@link InnerProductForm#logit}, as brute force does, so the kept logits are exact.
     */
    private void perNodeSymmetric(boolean[] isSource, AtomicInteger next, NodeHeaps heaps) {
        Keys ks = keys;
        int n = ks.n;
        int d = ks.d;
        float[][] rowsF = ks.keyRowsFloat();
        float[] q = new float[ROWS * d];
        float[][] acc = new float[ROWS][BLOCK];
        double[] thr = heaps.thresholds;
        double gamma = FLOAT_RELATIVE_ERROR * (d + 3);
        while (true) {
            int i0 = next.getAndAdd(ROWS);
            if (i0 >= n - 1) {
                return;
            }
            int rows = Math.min(ROWS, n - i0);
            Arrays.fill(q, 0f);
            for (int r = 0; r < rows; r++) {
                int u = ks.keyOrder[i0 + r];
                for (int c = 0; c < d; c++) {
                    q[r * d + c] = (float) ks.queries[u * d + c];
                }
            }
            for (int j0 = (i0 + 1) / BLOCK * BLOCK; j0 < n; j0 += BLOCK) {
                int len = Math.min(BLOCK, n - j0);
                scoreBlock(q, rowsF, d, j0 / BLOCK, acc[0], acc[1], acc[2], acc[3]);
                for (int r = 0; r < rows; r++) {
                    int qi = i0 + r;
                    int u = ks.keyOrder[qi];
                    boolean uSource = isSource[u];
                    float[] a = acc[r];
                    int from = Math.max(0, qi + 1 - j0);
                    if (from >= len) {
                        continue;
                    }
                    // |float score − double logit| ≤ margin for every key of the block (norms descend).
                    double nq = ks.keyNorm[qi];
                    double nk = ks.keyNorm[j0 + from];
                    double margin = gamma * nq * nk + d * (nq + nk + 1) * 2 * Float.MIN_VALUE;
                    double tq = thr[qi] - margin;
                    for (int j = from; j < len; j++) {
                        float s = a[j];
                        // Rejected at both ends (a non-source position's threshold is +∞): the common case.
                        if (s < tq && s < thr[j0 + j] - margin) {
                            continue;
                        }
                        int pj = j0 + j;
                        int v = ks.keyOrder[pj];
                        double e = ks.form.logit(u, v);
                        if (uSource && !(e < thr[qi]) && !known.excludes(u, v)) {
                            heaps.offer(qi, e, v);
                            tq = thr[qi] - margin;
                        }
                        if (isSource[v] && !(e < thr[pj]) && !known.excludes(v, u)) {
                            heaps.offer(pj, e, u);
                        }
                    }
                }
            }
        }
    }

    /** {@link #scoreBlock(double[], double[][], int, int, double[], double[], double[], double[])} in float. */
    private static void scoreBlock(
            float[] q, float[][] keyRows, int d, int block, float[] a0, float[] a1, float[] a2, float[] a3) {
        Arrays.fill(a0, 0f);
        Arrays.fill(a1, 0f);
        Arrays.fill(a2, 0f);
        Arrays.fill(a3, 0f);
        for (int c = 0; c < d; c++) {
            float q0 = q[c];
            float q1 = q[d + c];
            float q2 = q[2 * d + c];
            float q3 = q[3 * d + c];
            float[] k = keyRows[block * d + c];
            for (int j = 0; j < k.length; j++) {
                float kv = k[j];
                a0[j] += q0 * kv;
                a1[j] += q1 * kv;
                a2[j] += q2 * kv;
                a3[j] += q3 * kv;
            }
        }
    }

    /**
     * acc_r[j] = Σ_c q[r·d + c] · key(block·BLOCK + j)_c for the ROWS query rows and every j of the block, summed
     * over c in increasing order from +0.0, as {@link InnerProductForm#logit} does, so the logits agree bit for bit.
     * Each key row is its own array indexed like the accumulators, which is what lets C2 vectorise the loop.
     */
    private static void scoreBlock(
            double[] q, double[][] keyRows, int d, int block, double[] a0, double[] a1, double[] a2, double[] a3) {
        Arrays.fill(a0, 0.0);
        Arrays.fill(a1, 0.0);
        Arrays.fill(a2, 0.0);
        Arrays.fill(a3, 0.0);
        for (int c = 0; c < d; c++) {
            double q0 = q[c];
            double q1 = q[d + c];
            double q2 = q[2 * d + c];
            double q3 = q[3 * d + c];
            double[] k = keyRows[block * d + c];
            for (int j = 0; j < k.length; j++) {
                double kv = k[j];
                a0[j] += q0 * kv;
                a1[j] += q1 * kv;
                a2[j] += q2 * kv;
                a3[j] += q3 * kv;
            }
        }
    }

    /**
     * Whether no key from here on can reach {@code threshold}: ‖q‖·‖k‖ is an upper bound on q·k (Cauchy–Schwarz),
     * widened by a slack for the rounding of the sums and norms. Never true for NaN or infinite norms.
     */
    private static boolean prunes(double queryNorm, double keyNorm, int d, double threshold) {
        double bound = queryNorm * keyNorm;
        return bound + bound * RELATIVE_SLACK + Double.MIN_NORMAL * d < threshold;
    }

    // ---- any scorer ----------------------------------------------------------------------------------------------

    private void globalGeneric(TopHeap heap, AtomicInteger next, Threshold shared) {
        int n = scorer.nodes();
        boolean directed = scorer.directed();
        double[] row = new double[n];
        while (true) {
            int u0 = next.getAndAdd(GENERIC_ROWS);
            if (u0 >= n) {
                return;
            }
            for (int u = u0, end = Math.min(n, u0 + GENERIC_ROWS); u < end; u++) {
                if (!directed && u == n - 1) {
                    continue;
                }
                scorer.logitsFrom(u, row);
                double thr = Math.max(heap.threshold(), shared.get());
                for (int v = directed ? 0 : u + 1; v < n; v++) {
                    double s = row[v];
                    if (s < thr || known.excludes(u, v)) {
                        continue;
                    }
                    heap.offer(s, u, v);
                    double t = heap.threshold();
                    if (t > thr) {
                        thr = t;
                        shared.raise(t);
                    }
                }
            }
        }
    }

    private void perNodeGeneric(int[] sources, int capacity, AtomicInteger next, List<List<ScoredPair>> results) {
        int n = scorer.nodes();
        double[] row = new double[n];
        TopHeap heap = new TopHeap(capacity);
        while (true) {
            int p0 = next.getAndAdd(GENERIC_ROWS);
            if (p0 >= sources.length) {
                return;
            }
            for (int p = p0, end = Math.min(sources.length, p0 + GENERIC_ROWS); p < end; p++) {
                int u = sources[p];
                heap.clear();
                scorer.logitsFrom(u, row);
                double thr = heap.threshold();
                for (int v = 0; v < n; v++) {
                    double s = row[v];
                    if (s < thr || known.excludes(u, v)) {
                        continue;
                    }
                    heap.offer(s, u, v);
                    thr = heap.threshold();
                }
                results.set(p, sorted(heap));
            }
        }
    }

    private static List<ScoredPair> sorted(TopHeap heap) {
        List<ScoredPair> out = new ArrayList<>(heap.size());
        heap.addTo(out);
        out.sort(ScoredPair.RANKING);
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /** The best full-heap threshold any worker has reached: a lower bound on the global k-th logit. */
    private static final class Threshold {
        private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NEGATIVE_INFINITY));

        double get() {
            return Double.longBitsToDouble(bits.get());
        }

        void raise(double t) {
            long current = bits.get();
            while (Double.longBitsToDouble(current) < t) {
                if (bits.compareAndSet(current, Double.doubleToLongBits(t))) {
                    return;
                }
                current = bits.get();
            }
        }
    }

    /**
     * The inner-product form rearranged for the kernel: keys sorted by norm (descending) and stored dimension-major,
     * queries row-major with their norms and their order by norm.
     */
    private static final class Keys {
        final int n;
        final int d;
        final boolean symmetric;
        final InnerProductForm form;
        final double[] queries;
        final double[] queryNorm;
        final int[] queryOrder;
        final int[] keyOrder;
        final double[] keyNorm;
        /** Key rows by block and dimension: keyRows[b·d + c][j] = coordinate c of the key at position b·BLOCK + j. */
        final double[][] keyRows;

        Keys(InnerProductForm form, boolean symmetric) {
            n = form.queries().rows();
            d = form.dimensions();
            this.symmetric = symmetric;
            queries = form.queries().data();
            queryNorm = norms(queries, n, d);
            this.form = form;
            double[] keys = form.keys().data();
            boolean same = form.symmetric();
            double[] keyNormByNode = same ? queryNorm : norms(keys, n, d);
            keyOrder = byNormDescending(keyNormByNode);
            queryOrder = same ? keyOrder : byNormDescending(queryNorm);
            keyNorm = new double[n];
            keyRows = new double[Parallelism.chunkCount(n, BLOCK) * d][BLOCK];
            for (int j = 0; j < n; j++) {
                int v = keyOrder[j];
                keyNorm[j] = keyNormByNode[v];
                for (int c = 0; c < d; c++) {
                    keyRows[j / BLOCK * d + c][j % BLOCK] = keys[v * d + c];
                }
            }
        }

        private volatile float[][] keyRowsFloat;

        /** {@link #keyRows} in float, made on first use. */
        float[][] keyRowsFloat() {
            float[][] rows = keyRowsFloat;
            if (rows == null) {
                rows = new float[keyRows.length][];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = new float[BLOCK];
                    for (int j = 0; j < BLOCK; j++) {
                        rows[i][j] = (float) keyRows[i][j];
                    }
                }
                keyRowsFloat = rows;
            }
            return rows;
        }

        /** Copies the query rows of {@code nodes[from..from+rows)} into {@code q}, zeros after. */
        void loadQueries(int[] nodes, int from, int rows, double[] q) {
            Arrays.fill(q, 0.0);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(queries, nodes[from + r] * d, q, r * d, d);
            }
        }

        void loadQueries(int[] nodes, int rows, double[] q) {
            loadQueries(nodes, 0, rows, q);
        }

        /** Positions into {@code sources}, ordered by the query norm of their node, descending. */
        int[] byQueryNorm(int[] sources) {
            Integer[] boxed = new Integer[sources.length];
            Arrays.setAll(boxed, i -> i);
            Arrays.sort(boxed, (a, b) -> Double.compare(queryNorm[sources[b]], queryNorm[sources[a]]));
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }

        private static double[] norms(double[] rows, int n, int d) {
            double[] out = new double[n];
            for (int u = 0; u < n; u++) {
                double s = 0;
                for (int c = 0, i = u * d; c < d; c++, i++) {
                    s += rows[i] * rows[i];
                }
                out[u] = Math.sqrt(s);
            }
            return out;
        }

        /** Node indices by norm, descending (NaN first, so never pruned); ties by index. */
        private static int[] byNormDescending(double[] norm) {
            Integer[] boxed = new Integer[norm.length];
            Arrays.setAll(boxed, i -> i);
            Arrays.sort(boxed, (a, b) -> {
                int c = Double.compare(norm[b], norm[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
    }
}
