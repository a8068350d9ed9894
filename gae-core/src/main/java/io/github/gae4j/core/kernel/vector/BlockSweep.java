package io.github.gae4j.core.kernel.vector;

import io.github.gae4j.core.kernel.SweepChunk;

/**
 * The blocked sweep of one chunk, shared by every Vector API kernel whatever its precision: column
 * blocks of {@code block} columns (so the column side's block stays in L2 across the chunk's rows)
 * swept by blocks of {@value #R} rows, either over the triangle j ≥ i (symmetric decoders: a row
 * block starts at the vector holding its diagonal) or over all columns.
 *
 * <p>Per row block a subclass supplies three steps: the logits into its block buffer
 * ({@link #logits}), each row's activation, the decoder's own math, which turns the logits into
 * gradient weights in place and adds the row's loss ({@link #activateRow}), and the gradient
 * updates ({@link #gradients}). The hooks run once per row block, so their virtual calls cost
 * nothing measurable; the vector code lives in small static methods below them, since C2 inlines
 * vector code only in small methods and vectors must not cross a call that is not inlined.
 */
abstract class BlockSweep extends SweepChunk {

    /** Rows per register block. */
    static final int R = 4;

    private final boolean triangle;
    private final int lanes;
    private final int block;
    private final int n;
    private final int np;

    /**
     * @param lanes  the vector length: row blocks of the triangle start at whole vectors
     * @param block  columns per column block, a multiple of {@code lanes}
     * @param np     columns (and rows) padded to a multiple of {@code lanes} and of {@value #R}
     */
    BlockSweep(boolean triangle, int lanes, int block, int n, int np) {
        this.triangle = triangle;
        this.lanes = lanes;
        this.block = block;
        this.n = n;
        this.np = np;
    }

    /** Logits of rows i0..i0+3 against columns [jFrom, jTo) (whole vectors) into the block buffer (row r at r·block). */
    abstract void logits(int i0, int jFrom, int jTo);

    /**
     * Row i, columns [jFrom, jTo), at the block buffer's offset {@code base}: replaces the logits by
     * the pair's gradient weights and returns {@code loss} plus the row's loss (added in that order,
     * which fixes the summation order of every kernel).
     */
    abstract double activateRow(double loss, int base, int jFrom, int jTo, int i);

    /** The gradient updates of rows i0..i0+3 and columns [jFrom, jTo) (all j &lt; n) from the weights. */
    abstract void gradients(int i0, int jFrom, int jTo);

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
