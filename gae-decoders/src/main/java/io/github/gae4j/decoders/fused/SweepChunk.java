// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused;

import io.github.gae4j.core.parallel.Parallelism;
import java.util.function.Supplier;

/**
 * One fixed chunk of rows of a full-graph sweep, with its own gradient buffers: the thread
 * plumbing every kernel shares. Chunk boundaries depend only on the problem, never on the thread
 * count, and {@link #sweepAll} adds the chunks' losses in chunk order (the kernel adds their
 * buffers in chunk order too), which is what keeps results bitwise identical for any thread count.
 * {@link FullGraphSweep} runs the chunks of a kernel; a subclass holds one chunk's buffers and sweeps its rows.
 */
public abstract class SweepChunk {

    private double loss;

    /** Sweeps rows [from, to) into this chunk's buffers; returns the chunk's loss. */
    protected abstract double sweep(int from, int to);

    /**
     * For every chunk [bounds[c], bounds[c + 1]): makes a chunk (in the worker thread, so its
     * buffers are allocated there), sweeps it and keeps it in {@code parts[c]}. Returns the sum of
     * the chunks' losses, in chunk order.
     */
    public static <C extends SweepChunk> double sweepAll(
            int[] bounds, Parallelism parallelism, C[] parts, Supplier<? extends C> newChunk) {
        parallelism.forEachBoundedChunk(bounds, (chunk, from, to) -> {
            C part = newChunk.get();
            SweepChunk swept = part; // a type variable has no private members
            swept.loss = swept.sweep(from, to);
            parts[chunk] = part;
        });
        double loss = 0;
        for (SweepChunk part : parts) {
            loss += part.loss;
        }
        return loss;
    }
}
