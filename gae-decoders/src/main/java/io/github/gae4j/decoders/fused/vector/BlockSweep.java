// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused.vector;

import io.github.gae4j.decoders.fused.SweepChunk;

/**
 * The blocked sweep of one chunk, shared by every Vector API kernel whatever its decoder and precision: column
 * blocks of {@code block} columns (so the column side's block stays in L2 across the chunk's rows) swept by blocks
 * of {@value #R} rows, either over the triangle j ≥ i (decoders whose pair terms are symmetric in the distance or
 * the dot product: a row block starts at the vector holding its diagonal) or over all columns.
 *
 * <p>Per row block a subclass supplies three steps: the logits into its block buffer ({@link #logits}), each row's
 * activation, which turns the logits into gradient weights in place and adds the row's loss ({@link #activateRow}),
 * and the gradient updates ({@link #gradients}). The default activation hands the row's vectors ("tiles") to two
 * hooks, {@link #plainTiles} for the run of tiles that need no weights and {@link #edgeTile} for the tiles at the
 * diagonal and past the last node, in the order {@link #triangleRow} and {@link #squareRow} fix. The hooks run
 * once per row block or row, so their virtual calls cost nothing measurable; the vector code lives in small static
 * methods below them, since C2 inlines vector code only in small methods and vectors must not cross a call that is
 * not inlined. {@link FloatBlockSweep} and {@link DoubleBlockSweep} are the bilinear sweeps (x_ij = a_i · b_j) of
 * each precision.
 *
 * <p>Load these classes only when {@code jdk.incubator.vector} is in the boot layer (see
 * {@code fused.FusedKernels}).
 */
public abstract class BlockSweep extends SweepChunk {

    /** Rows per register block. */
    public static final int R = 4;

    private final boolean triangle;
    private final int lanes;
    private final int block;
    private final int n;
    private final int np;

    /**
     * @param triangle whether to sweep the triangle j ≥ i only
     * @param lanes    the vector length: row blocks of the triangle start at whole vectors
     * @param block    columns per column block, a multiple of {@code lanes}
     * @param np       columns (and rows) padded to a multiple of {@code lanes} and of {@value #R}
     */
    protected BlockSweep(boolean triangle, int lanes, int block, int n, int np) {
        this.triangle = triangle;
        this.lanes = lanes;
        this.block = block;
        this.n = n;
        this.np = np;
    }

    /** Logits of rows i0..i0+3 against columns [jFrom, jTo) (whole vectors) into the block buffer (row r at r·block). */
    protected abstract void logits(int i0, int jFrom, int jTo);

    /** The gradient updates of rows i0..i0+3 and columns [jFrom, jTo) (all j &lt; n) from the weights. */
    protected abstract void gradients(int i0, int jFrom, int jTo);

    /**
     * {@code tiles} whole vectors of logits at the block buffer's offset {@code off}, from column {@code jb}, every
     * pair with weight 1 (in the triangle: j &gt; i, j &lt; n): replaces them by their gradient weights and returns
     * their loss.
     */
    protected abstract double plainTiles(int off, int jb, int tiles);

    /**
     * One vector of logits at offset {@code off}, columns jb.., of row i: weights 1 for i &lt; j &lt; n, ½ on the
     * diagonal j = i (the triangle counts each off-diagonal pair for two), 0 for j &lt; i, j ≥ n or i ≥ n;
     * i = −1 for a full row (weight 1 for every j &lt; n). Replaces them by their weighted gradient weights and
     * returns their weighted loss.
     */
    protected abstract double edgeTile(int off, int jb, int i);

    /** Sets {@code count} weights of the block buffer from offset {@code off} to zero (rows past the last node). */
    protected abstract void clearWeights(int off, int count);

    /** Adds row i of this chunk's column-side gradient buffer (its first f entries) into {@code out} from {@code o}. */
    public abstract void addColumnGradient(int i, double[] out, int o);

    /**
     * Row i, columns [jFrom, jTo), at the block buffer's offset {@code base}: replaces the logits by the pairs'
     * gradient weights and returns {@code loss} plus the row's loss. By default {@link #triangleRow} or
     * {@link #squareRow}, as the sweep goes.
     */
    protected double activateRow(double loss, int base, int jFrom, int jTo, int i) {
        return triangle ? triangleRow(loss, base, jFrom, jTo, i) : squareRow(loss, base, jFrom, jTo, i);
    }

    /**
     * A row of the triangle: the tiles that touch the diagonal or the end take {@link #edgeTile} (first those
     * before the plain run, then those after it), the run between them one {@link #plainTiles} call; returns
     * {@code loss + (Σ edges + plain)}, the summation order of every triangle kernel.
     */
    protected final double triangleRow(double loss, int base, int jFrom, int jTo, int i) {
        int l = lanes;
        int plainFrom = Math.max(jFrom, (i / l + 1) * l);
        int plainTo = Math.max(plainFrom, Math.min(jTo, n / l * l));
        double row = 0;
        for (int jb = jFrom; jb < plainFrom && jb < jTo; jb += l) {
            row += edgeTile(base + jb - jFrom, jb, i);
        }
        for (int jb = plainTo; jb < jTo; jb += l) {
            row += edgeTile(base + jb - jFrom, jb, i);
        }
        if (plainFrom >= plainTo) {
            return loss + row;
        }
        return loss + (row + plainTiles(base + plainFrom - jFrom, plainFrom, (plainTo - plainFrom) / l));
    }

    /**
     * A full row: the plain run of whole vectors below n first, then the tiles past it; a padding row (i ≥ n) gets
     * zero weights and no loss. The plain part and each edge are added to {@code loss} in that order.
     */
    protected final double squareRow(double loss, int base, int jFrom, int jTo, int i) {
        if (i >= n) {
            clearWeights(base, jTo - jFrom);
            return loss;
        }
        int l = lanes;
        int plainTo = Math.max(jFrom, Math.min(jTo, n / l * l));
        if (plainTo > jFrom) {
            loss += plainTiles(base, jFrom, (plainTo - jFrom) / l);
        }
        for (int jb = plainTo; jb < jTo; jb += l) {
            loss += edgeTile(base + jb - jFrom, jb, -1);
        }
        return loss;
    }

    @Override
    protected final double sweep(int from, int to) {
        if (from >= to) {
            return 0;
        }
        int l = lanes;
        double loss = 0;
        for (int jBlock = triangle ? from / l * l : 0; jBlock < np; jBlock += block) {
            int jEnd = Math.min(jBlock + block, np);
            int jLast = Math.min(jEnd, n);
            for (int i0 = from; i0 < to && (!triangle || i0 < jEnd); i0 += R) {
                int jFrom = triangle ? Math.max(jBlock, i0 / l * l) : jBlock;
                logits(i0, jFrom, jEnd);
                for (int r = 0; r < R; r++) {
                    loss = activateRow(loss, r * block, jFrom, jEnd, i0 + r);
                }
                if (jLast > jFrom) {
                    gradients(i0, jFrom, jLast);
                }
            }
        }
        return loss;
    }
}
