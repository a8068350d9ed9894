// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

final class ParallelismTest {

    @Test
    void chunkCount() {
        assertThat(Parallelism.chunkCount(0, 10)).isZero();
        assertThat(Parallelism.chunkCount(1, 10)).isEqualTo(1);
        assertThat(Parallelism.chunkCount(10, 10)).isEqualTo(1);
        assertThat(Parallelism.chunkCount(11, 10)).isEqualTo(2);
        assertThat(Parallelism.chunkCount(1000, 1)).isEqualTo(1000);
    }

    @Test
    void forEachChunkCoversEveryIndexExactlyOnce() {
        int[][] cases = {{0, 4}, {1, 4}, {5, 1}, {64, 64}, {1000, 7}, {1001, 250}, {4096, 512}};
        for (int threads : new int[] {1, 2, 4}) {
            try (Parallelism parallelism = Parallelism.of(threads)) {
                for (int[] c : cases) {
                    int n = c[0];
                    int size = c[1];
                    AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
                    Set<Integer> chunks = ConcurrentHashMap.newKeySet();
                    parallelism.forEachChunk(n, size, (chunk, from, to) -> {
                        assertThat(from).isEqualTo(chunk * size);
                        assertThat(to).isEqualTo(Math.min(n, (chunk + 1) * size));
                        assertThat(chunks.add(chunk)).isTrue();
                        for (int i = from; i < to; i++) {
                            hits.incrementAndGet(i);
                        }
                    });
                    assertThat(chunks).hasSize(Parallelism.chunkCount(n, size));
                    for (int i = 0; i < n; i++) {
                        assertThat(hits.get(i))
                                .as("n=%d, chunk=%d, threads=%d, index %d", n, size, threads, i)
                                .isEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void forEachBoundedChunkFollowsTheBounds() {
        int[] bounds = {0, 0, 3, 10, 11, 40};
        try (Parallelism parallelism = Parallelism.of(2)) {
            AtomicIntegerArray hits = new AtomicIntegerArray(40);
            parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
                assertThat(from).isEqualTo(bounds[chunk]);
                assertThat(to).isEqualTo(bounds[chunk + 1]);
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 40; i++) {
                assertThat(hits.get(i)).isEqualTo(1);
            }
            parallelism.forEachBoundedChunk(new int[] {0}, (chunk, from, to) -> {
                throw new AssertionError("no chunks expected");
            });
        }
    }

    @Test
    void runsChunksOnItsOwnDaemonWorkers() {
        try (Parallelism parallelism = Parallelism.of(2)) {
            Set<String> names = ConcurrentHashMap.newKeySet();
            parallelism.forEachChunk(64, 1, (chunk, from, to) -> {
                names.add(Thread.currentThread().getName());
                long until = System.nanoTime() + 1_000_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            });
            assertThat(names).allMatch(n -> n.startsWith("gae4j-worker-"));
            assertThat(parallelism.threads()).isEqualTo(2);
        }
        Set<String> single = ConcurrentHashMap.newKeySet();
        Parallelism.singleThreaded()
                .forEachChunk(
                        10,
                        1,
                        (chunk, from, to) -> single.add(Thread.currentThread().getName()));
        assertThat(single).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void exceptionsFromChunksPropagate() {
        try (Parallelism parallelism = Parallelism.of(2)) {
            assertThatThrownBy(() -> parallelism.forEachChunk(100, 10, (chunk, from, to) -> {
                        if (chunk == 7) {
                            throw new IllegalStateException("chunk 7 failed");
                        }
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("chunk 7 failed");
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Parallelism.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> Parallelism.singleThreaded().forEachChunk(10, 0, (c, f, t) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunkSize must be >= 1, got 0");
    }
}
