// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused;

import io.github.gae4j.core.parallel.Parallelism;

/**
 * The frame every fused full-graph BCE kernel shares, whatever its decoder and precision: the N² ordered pairs are
 * swept as negatives in fixed chunks of rows, each chunk with buffers of its own ({@link SweepChunk}); a sparse pass
 * over the target's stored pairs then swaps their negative term for the weighted positive one; the gradients are
 * the chunks' buffers and the correction, combined in chunk order and scaled by c = norm / N², and the loss is c
 * times the sum. Chunk bounds depend on the problem only, so the results are bitwise identical for any thread count.
 *
 * <p>One instance is one kernel call: a subclass holds the call's prepared inputs (padded rows, norms, …) and its
 * output arrays, and supplies the steps. The decoder's own math lives in its chunk's sweep (a row loop in plain
 * Java, or the per-block hooks of {@code fused.vector.BlockSweep}); the frame holds no decoder math. Keep to the
 * order of operations of {@link #run}: each kernel's bits depend on it.
 *
 * @param <C> the chunk type
 */
public abstract class FullGraphSweep<C extends SweepChunk> {

    /** Row boundaries of the chunks ({@link KernelSupport#triangleBounds} or {@link KernelSupport#squareBounds}). */
    protected abstract int[] bounds();

    /** A chunk with buffers of its own; called in the worker thread that sweeps it. */
    protected abstract C newChunk();

    /** An array for {@code count} chunks (Java cannot create one of a type variable). */
    protected abstract C[] newChunks(int count);

    /**
     * What the sweep's loss counts for: 1, or 2 for a kernel that sweeps only the triangle j ≥ i of a symmetric
     * decoder and counts the diagonal with weight ½ (each off-diagonal pair stands for two).
     */
    protected double sweepWeight() {
        return 1.0;
    }

    /**
     * The positive pass (and whatever combining of the chunks' buffers must come before it): returns {@code loss}
     * plus the change of every stored pair from its negative term to pw · softplus(−x).
     */
    protected abstract double correct(double loss, C[] chunks, Parallelism parallelism);

    /** Writes the gradients, scaled by {@code c}, from the chunks (in chunk order) and the correction. */
    protected abstract void finish(C[] chunks, int[] bounds, double c, Parallelism parallelism);

    /** Runs one kernel call over {@code n} nodes and returns the loss. */
    public final double run(int n, double norm, Parallelism parallelism) {
        int[] bounds = bounds();
        C[] chunks = newChunks(bounds.length - 1);
        double loss = sweepWeight() * SweepChunk.sweepAll(bounds, parallelism, chunks, this::newChunk);
        loss = correct(loss, chunks, parallelism);
        double c = norm / ((double) n * n);
        finish(chunks, bounds, c, parallelism);
        return c * loss;
    }
}
