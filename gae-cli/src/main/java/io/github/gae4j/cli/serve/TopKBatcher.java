// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.serve;

import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Top-k queries of concurrent requests answered together: the exact kernel scores a block of queries in one pass over
 * the keys, so four queries cost little more than one (on PubMed's size, about 0.1 ms a query in a block of four
 * against 0.33 ms alone). A request queues its query; while fewer than {@code searchers} searches run, it takes up to
 * {@code batch} ≤ {@link #MAX_BATCH} queued queries (its own among them, unless another search took it) and answers them with one
 * {@link LinkPredictor#topK(List, int)} per distinct k; otherwise it waits for a search to answer it. No query waits for
 * a batch to fill: a lone request is searched at once. Answers are the predictor's own, query by query.
 */
final class TopKBatcher {

    /**
     * Queries searched together: the exact kernel's block, so one batch stays on the searching thread (a larger one
     * would be split over the predictor's threads on each call).
     */
    static final int MAX_BATCH = 4;

    /** How long a queued query waits before trying to search itself again. */
    private static final long RETRY_MICROS = 100;

    private final LinkPredictor predictor;
    private final Semaphore searching;
    private final int batch;
    private final ConcurrentLinkedQueue<Query> waiting = new ConcurrentLinkedQueue<>();
    private final LongAdder searches = new LongAdder();
    private final LongAdder queries = new LongAdder();

    /** At most {@code searchers} searches at a time, each of at most {@code batch} queries. */
    TopKBatcher(LinkPredictor predictor, int searchers, int batch) {
        this.predictor = predictor;
        this.searching = new Semaphore(searchers);
        this.batch = batch;
    }

    private static final class Query {
        final String node;
        final int k;
        final CountDownLatch answered = new CountDownLatch(1);
        volatile List<Link> links;
        volatile RuntimeException failure;

        Query(String node, int k) {
            this.node = node;
            this.k = k;
        }
    }

    /** {@link LinkPredictor#topK(String, int)}, searched together with concurrent queries. */
    List<Link> topK(String node, int k) throws InterruptedException {
        predictor.indexOf(node); // an unknown id fails here, naming it, before it can fail a batch
        Query q = new Query(node, k);
        waiting.add(q);
        while (q.answered.getCount() > 0) {
            if (searching.tryAcquire()) {
                try {
                    searchBatch();
                } finally {
                    searching.release();
                }
            } else {
                q.answered.await(RETRY_MICROS, TimeUnit.MICROSECONDS);
            }
        }
        if (q.failure != null) {
            throw q.failure;
        }
        return q.links;
    }

    /** "N top-k queries in M searches", for the log. */
    String summary() {
        long n = queries.sum();
        long m = searches.sum();
        return String.format(
                java.util.Locale.ROOT,
                "%d top-k queries in %d searches (%.2f a search)",
                n,
                m,
                m == 0 ? 0.0 : (double) n / m);
    }

    private void searchBatch() {
        List<Query> taken = new ArrayList<>(batch);
        for (Query q; taken.size() < batch && (q = waiting.poll()) != null; ) {
            taken.add(q);
        }
        if (taken.isEmpty()) {
            return;
        }
        searches.increment();
        queries.add(taken.size());
        Map<Integer, List<Query>> byK = new LinkedHashMap<>();
        for (Query q : taken) {
            byK.computeIfAbsent(q.k, k -> new ArrayList<>()).add(q);
        }
        for (Map.Entry<Integer, List<Query>> group : byK.entrySet()) {
            List<Query> queries = group.getValue();
            try {
                LinkedHashSet<String> nodes = new LinkedHashSet<>();
                queries.forEach(q -> nodes.add(q.node));
                Map<String, List<Link>> found = predictor.topK(new ArrayList<>(nodes), group.getKey());
                queries.forEach(q -> q.links = found.get(q.node));
            } catch (RuntimeException e) {
                queries.forEach(q -> q.failure = e);
            } finally {
                queries.forEach(q -> q.answered.countDown());
            }
        }
    }
}
