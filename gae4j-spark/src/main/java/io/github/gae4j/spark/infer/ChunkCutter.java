// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import io.github.gae4j.core.error.GaeException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * Cuts one block's nodes, sorted by id, into {@link RowChunk}s of {@code chunkRows} rows as they stream by (the
 * last shorter), failing on a repeated id.
 */
final class ChunkCutter implements Iterator<RowChunk> {

    private final Iterator<Tuple2<Long, Tuple2<Double, double[]>>> nodes;
    private final int width;
    private final int chunkRows;
    private int first;
    private long last;

    /** @param nodes ids with (whole-graph weighted degree, features), ascending ids */
    ChunkCutter(Iterator<Tuple2<Long, Tuple2<Double, double[]>>> nodes, int width, int chunkRows) {
        this.nodes = nodes;
        this.width = width;
        this.chunkRows = chunkRows;
    }

    @Override
    public boolean hasNext() {
        return nodes.hasNext();
    }

    @Override
    public RowChunk next() {
        if (!nodes.hasNext()) {
            throw new NoSuchElementException();
        }
        long[] ids = new long[chunkRows];
        double[] invSqrt = new double[chunkRows];
        double[] rows = new double[chunkRows * width];
        int n = 0;
        while (n < chunkRows && nodes.hasNext()) {
            Tuple2<Long, Tuple2<Double, double[]>> node = nodes.next();
            long id = node._1();
            if (first + n > 0 && id == last) {
                throw new GaeException(
                        String.format(Locale.ROOT, "Table 'features', column 'id': node %d has more than one row", id));
            }
            last = id;
            ids[n] = id;
            invSqrt[n] = 1.0 / Math.sqrt(node._2()._1() + 1.0);
            System.arraycopy(node._2()._2(), 0, rows, n * width, width);
            n++;
        }
        RowChunk chunk = n == chunkRows
                ? new RowChunk(first, ids, invSqrt, width, rows)
                : new RowChunk(
                        first, Arrays.copyOf(ids, n), Arrays.copyOf(invSqrt, n), width, Arrays.copyOf(rows, n * width));
        first += n;
        return chunk;
    }
}
