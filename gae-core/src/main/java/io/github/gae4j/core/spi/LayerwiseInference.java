// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Layer-wise full-graph inference (see {@link LayerwiseEncoder}): the entry point that picks it when an encoder
 * offers it ({@link #encode}), and the helpers encoders build it from. An encoder writes each layer once, as a
 * function of a block of output rows built from the same operations as its autodiff layer ({@link #byRows}); each
 * block is forwarded in a pass of its own, so its intermediates are dropped before the next block.
 *
 * <p>Blocks are run one after another, each with all the pass's threads, and cut at fixed rows
 * ({@link #chunkRows()}), never by thread: the numbers do not depend on the thread count.
 */
public final class LayerwiseInference {

    /** Rows per block unless a caller says otherwise: 65,536 rows of a 32-wide layer are 16 MiB. */
    public static final int DEFAULT_CHUNK_ROWS = 65_536;

    private final Parallelism parallelism;
    private final int chunkRows;

    /**
     * @param parallelism the threads of every block's pass (borrowed)
     * @param chunkRows   rows per block, positive
     */
    public LayerwiseInference(Parallelism parallelism, int chunkRows) {
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism is null");
        this.chunkRows = requireChunkRows(chunkRows);
    }

    private static int requireChunkRows(int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("Layer-wise inference needs a positive block size, got " + chunkRows);
        }
        return chunkRows;
    }

    /**
     * The encoding evaluation uses: {@link LayerwiseEncoder#encodeLayerwise} when {@code encoder} offers it, else
     * {@code encoder.encode(input, Mode.EVAL)} (the full-graph forward pass, equally exact, more memory).
     */
    public static Encoding encode(Encoder encoder, GraphInput input, int chunkRows) {
        requireChunkRows(chunkRows);
        return encoder instanceof LayerwiseEncoder layerwise
                ? layerwise.encodeLayerwise(input, chunkRows)
                : encoder.encode(input, Mode.EVAL);
    }

    /**
     * A rows × cols leaf whose value is {@code compute} run with the forwarding pass's threads and
     * {@code chunkRows}; what {@link LayerwiseEncoder#encodeLayerwise} returns. It has no gradient.
     */
    public static Variable deferred(int rows, int cols, int chunkRows, Function<LayerwiseInference, Matrix> compute) {
        requireChunkRows(chunkRows);
        return new Deferred(rows, cols, chunkRows, Objects.requireNonNull(compute, "compute is null"));
    }

    public Parallelism parallelism() {
        return parallelism;
    }

    public int chunkRows() {
        return chunkRows;
    }

    /** The value of {@code v} in a pass of its own (its intermediates are dropped on return). */
    public Matrix evaluate(Variable v) {
        return new ComputationContext(parallelism).forward(v);
    }

    /** One layer's output for a block of rows. */
    @FunctionalInterface
    public interface RowBlock {
        /** Rows {@code rows} of the layer's output, {@code rows.count()} × the layer's width. */
        Variable rows(Rows rows);
    }

    /** The rows [from, to) of a block. */
    public record Rows(int from, int to) {

        public Rows {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Bad rows [%d, %d)", from, to));
            }
        }

        public int count() {
            return to - from;
        }

        /** These rows of {@code s} (Â, A): each multiplies to the bit as in {@code s}. */
        public SparseMatrix of(SparseMatrix s) {
            return s.rowSlice(from, to);
        }

        /** These rows of {@code m} as a constant (a copy, or {@code m} itself when they are all its rows). */
        public Constant of(Matrix m) {
            if (from == 0 && to == m.rows()) {
                return Constant.of(m);
            }
            double[] rows = new double[count() * m.cols()];
            System.arraycopy(m.data(), from * m.cols(), rows, 0, rows.length);
            return Constant.of(Matrix.wrapRowMajor(count(), m.cols(), rows));
        }
    }

    /**
     * A layer's rows × cols output, block by block: {@code block} gives the variable of each block of at most
     * {@link #chunkRows()} rows, forwarded in its own pass and copied into the output. {@code rowLocal} false (a
     * layer whose rows depend on each other: batch norm, attention over square patterns) runs one block of all rows.
     */
    public Matrix byRows(int rows, int cols, boolean rowLocal, RowBlock block) {
        int step = rowLocal ? chunkRows : Math.max(rows, 1);
        if (rows <= step) {
            return checked(block.rows(new Rows(0, rows)), rows, cols, 0);
        }
        Matrix out = Matrix.zeros(rows, cols);
        for (int from = 0; from < rows; from += step) {
            int to = Math.min(rows, from + step);
            Matrix part = checked(block.rows(new Rows(from, to)), to - from, cols, from);
            System.arraycopy(part.data(), 0, out.data(), from * cols, part.data().length);
        }
        return out;
    }

    private Matrix checked(Variable v, int rows, int cols, int from) {
        if (v.rows() != rows || v.cols() != cols) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT, "The block of rows from %d should be (%d, %d), got %s", from, rows, cols, v.render()));
        }
        return evaluate(v);
    }

    /** See {@link #deferred}. */
    private static final class Deferred extends Variable {

        private final int chunkRows;
        private final Function<LayerwiseInference, Matrix> compute;

        Deferred(int rows, int cols, int chunkRows, Function<LayerwiseInference, Matrix> compute) {
            super(rows, cols, false);
            this.chunkRows = chunkRows;
            this.compute = compute;
        }

        @Override
        public Matrix apply(ComputationContext ctx) {
            return compute.apply(new LayerwiseInference(ctx.parallelism(), chunkRows));
        }

        @Override
        public Matrix gradient(Variable parent, ComputationContext ctx) {
            throw new UnsupportedOperationException(
                    "Layer-wise inference is for evaluation and has no gradient; train through Encoder.encode");
        }

        @Override
        public String render() {
            return "Layerwise" + shape();
        }
    }
}
