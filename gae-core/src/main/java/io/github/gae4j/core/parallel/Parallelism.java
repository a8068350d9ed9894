// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.parallel;

import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread budget every kernel honours.
 *
 * <p>Work is cut into chunks whose boundaries depend only on the problem size and the chunk size,
 * never on the thread count, and partial results are combined in chunk order. That is what makes
 * the same seed give the same numbers whatever {@link #threads()} is.
 */
public final class Parallelism implements AutoCloseable {

    /** Body of a chunk: processes the half-open range [from, to) as chunk number {@code chunk}. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    private final int threads;
    private final ForkJoinPool pool;

    private Parallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "threads must be >= 1, got %d", threads));
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, new DaemonFactory(), null, false);
    }

    public static Parallelism of(int threads) {
        return new Parallelism(threads);
    }

    public static Parallelism singleThreaded() {
        return new Parallelism(1);
    }

    /** One thread per available processor. */
    public static Parallelism allCores() {
        return new Parallelism(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Number of chunks {@link #forEachChunk} makes for {@code n} items. */
    public static int chunkCount(int n, int chunkSize) {
        return n == 0 ? 0 : (n + chunkSize - 1) / chunkSize;
    }

    /** Runs {@code body} over [0, n) in chunks of {@code chunkSize}, in parallel where threads allow. */
    public void forEachChunk(int n, int chunkSize, ChunkBody body) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
        }
        int chunks = chunkCount(n, chunkSize);
        int[] bounds = new int[chunks + 1];
        for (int c = 1; c <= chunks; c++) {
            bounds[c] = (int) Math.min(n, (long) c * chunkSize);
        }
        forEachBoundedChunk(bounds, body);
    }

    /** Runs {@code body} over explicit chunk boundaries: chunk c covers [bounds[c], bounds[c+1]). */
    public void forEachBoundedChunk(int[] bounds, ChunkBody body) {
        int chunks = bounds.length - 1;
        if (chunks <= 0) {
            return;
        }
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                body.run(c, bounds[c], bounds[c + 1]);
            }
            return;
        }
        pool.invoke(new BoundedRange(body, bounds, 0, chunks));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    @Override
    public String toString() {
        return "Parallelism[threads=" + threads + "]";
    }

    private static final class BoundedRange extends RecursiveAction {
        private final ChunkBody body;
        private final int[] bounds;
        private final int lo;
        private final int hi;

        BoundedRange(ChunkBody body, int[] bounds, int lo, int hi) {
            this.body = body;
            this.bounds = bounds;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                body.run(lo, bounds[lo], bounds[lo + 1]);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new BoundedRange(body, bounds, lo, mid), new BoundedRange(body, bounds, mid, hi));
        }
    }

    private static final class DaemonFactory implements ForkJoinPool.ForkJoinWorkerThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setDaemon(true);
            t.setName("gae4j-worker-" + count.incrementAndGet());
            return t;
        }
    }
}
