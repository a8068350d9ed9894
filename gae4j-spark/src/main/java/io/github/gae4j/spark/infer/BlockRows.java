// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import io.github.gae4j.core.error.GaeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * One block's rows as a task holds them while it propagates: its {@link RowChunk}s in order (each of
 * {@code chunkRows} rows but the last), addressed by block row, and the block's ids for finding a node's row. A
 * task needs its whole block at once (any of its rows may feed any neighbour), which is what the block count
 * bounds; the chunks keep every single array small.
 */
final class BlockRows {

    private final List<RowChunk> chunks;
    private final int chunkRows;
    private final int width;
    private final long[] ids;

    private BlockRows(List<RowChunk> chunks, int chunkRows, int width, long[] ids) {
        this.chunks = chunks;
        this.chunkRows = chunkRows;
        this.width = width;
        this.ids = ids;
    }

    /** The chunks of one partition (one block), in the order they were cut. */
    static BlockRows of(Iterator<RowChunk> part, int chunkRows) {
        List<RowChunk> chunks = new ArrayList<>();
        int rows = 0;
        int width = 0;
        while (part.hasNext()) {
            RowChunk c = part.next();
            if (c.first() != rows
                    || (chunks.size() > 0 && chunks.get(chunks.size() - 1).rowCount() != chunkRows)) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT, "Chunk at row %d after %d rows in chunks of %d", c.first(), rows, chunkRows));
            }
            chunks.add(c);
            rows += c.rowCount();
            width = c.width();
        }
        long[] ids = new long[rows];
        for (RowChunk c : chunks) {
            System.arraycopy(c.ids(), 0, ids, c.first(), c.rowCount());
        }
        return new BlockRows(chunks, chunkRows, width, ids);
    }

    int width() {
        return width;
    }

    int rowCount() {
        return ids.length;
    }

    long[] ids() {
        return ids;
    }

    /** The values of the chunk that holds block row {@code row}. */
    double[] chunkOf(int row) {
        return chunks.get(row / chunkRows).rows();
    }

    /** Where block row {@code row} starts in {@link #chunkOf}'s array. */
    int offsetOf(int row) {
        return (row % chunkRows) * width;
    }

    double invSqrt(int row) {
        return chunks.get(row / chunkRows).invSqrt()[row % chunkRows];
    }

    /** The block row of node {@code id}, failing clearly when the block has no such node. */
    int rowOf(long id, String missing) {
        int row = Arrays.binarySearch(ids, id);
        if (row < 0) {
            throw new GaeException(String.format(Locale.ROOT, missing, id));
        }
        return row;
    }

    /**
     * Â·H on this block's rows from the partial sums sent to it, in key order (by source block): H_u / (d_u + 1) +
     * Σ partials / sqrt(d_u + 1), chunk by chunk as the caller takes them.
     */
    Iterator<RowChunk> combine(Iterator<Partial> received) {
        int w = width;
        double[][] sums = new double[chunks.size()][];
        for (int c = 0; c < sums.length; c++) {
            sums[c] = new double[chunks.get(c).rows().length];
        }
        while (received.hasNext()) {
            Partial part = received.next();
            if (chunks.isEmpty() || part.width() != w) {
                // No rows here: the first target names a node that is in no block (no features row).
                if (chunks.isEmpty()) {
                    rowOf(part.targets()[0], ENDPOINT_WITHOUT_ROW);
                }
                throw new IllegalStateException(
                        String.format(Locale.ROOT, "Partial sums of width %d for rows of width %d", part.width(), w));
            }
            long[] to = part.targets();
            double[] values = part.sums();
            for (int t = 0; t < to.length; t++) {
                int row = rowOf(to[t], ENDPOINT_WITHOUT_ROW);
                double[] into = sums[row / chunkRows];
                int at = offsetOf(row);
                for (int j = 0; j < w; j++) {
                    into[at + j] += values[t * w + j];
                }
            }
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < chunks.size();
            }

            @Override
            public RowChunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RowChunk h = chunks.get(next);
                double[] sum = sums[next];
                sums[next] = null;
                next++;
                double[] rows = h.rows();
                double[] inv = h.invSqrt();
                double[] out = new double[rows.length];
                for (int i = 0; i < h.rowCount(); i++) {
                    double self = inv[i] * inv[i];
                    for (int j = 0; j < w; j++) {
                        int k = i * w + j;
                        out[k] = self * rows[k] + inv[i] * sum[k];
                    }
                }
                return h.withRows(w, out);
            }
        };
    }

    static final String ENDPOINT_WITHOUT_ROW =
            "Table 'edges': node %d is an edge's endpoint but has no row in table 'features'";
}
