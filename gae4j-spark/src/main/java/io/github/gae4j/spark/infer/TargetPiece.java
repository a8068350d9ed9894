// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import java.io.Serializable;

/**
 * A bounded piece of one block's share of a propagation H ← Â·H (Â_uv = w_uv / sqrt((d_u + 1)(d_v + 1)), whole-
 * graph weighted degrees d): some of the block's distinct neighbours u, all in one target block, ascending, and
 * for each the block's rows v that feed it with w_uv / sqrt(d_v + 1). {@link #push} sums them into one row per u
 * (a hub's many contributions from this block become one row before the shuffle).
 */
final class TargetPiece implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int sourceBlock;
    private final int targetBlock;
    private final int number;
    private final long[] targets;
    /** Per target, where its entries start (one more entry). */
    private final int[] start;
    /** Per entry, the source's row in its block and w_uv / sqrt(d_v + 1); within a target by ascending source. */
    private final int[] sources;

    private final double[] scaled;

    TargetPiece(
            int sourceBlock, int targetBlock, int number, long[] targets, int[] start, int[] sources, double[] scaled) {
        this.sourceBlock = sourceBlock;
        this.targetBlock = targetBlock;
        this.number = number;
        this.targets = targets;
        this.start = start;
        this.sources = sources;
        this.scaled = scaled;
    }

    int targetBlock() {
        return targetBlock;
    }

    /** The shuffle key of this piece's partial sums ({@link PartialKeys}). */
    long key() {
        return PartialKeys.of(targetBlock, sourceBlock, number);
    }

    int entries() {
        return sources.length;
    }

    int targetCount() {
        return targets.length;
    }

    /** The partial sums of this piece's targets over the block's rows {@code h}. */
    Partial push(BlockRows h) {
        int w = h.width();
        double[] sums = new double[targets.length * w];
        for (int t = 0; t < targets.length; t++) {
            int to = t * w;
            for (int p = start[t]; p < start[t + 1]; p++) {
                double[] rows = h.chunkOf(sources[p]);
                int from = h.offsetOf(sources[p]);
                double a = scaled[p];
                for (int j = 0; j < w; j++) {
                    sums[to + j] += a * rows[from + j];
                }
            }
        }
        return new Partial(w, targets, sums);
    }
}
