// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import java.io.Serializable;

/**
 * A run of consecutive rows of one block's nodes at some step: the block's rows in id order are cut into chunks of
 * a fixed number of rows (the last may be shorter), so that no record Spark holds, caches or ships grows with the
 * block (a whole block of a 10M-node graph is gigabytes, past Java's 2 GB array and serialisation limits). Carries
 * the nodes' ids and 1/sqrt(d + 1) (d: whole-graph weighted degree) next to the rows, for the propagation.
 */
final class RowChunk implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int first;
    private final long[] ids;
    private final double[] invSqrt;
    private final int width;
    private final double[] rows;

    /**
     * @param first the block row of this chunk's first row
     * @param rows  row-major, {@code ids.length × width}
     */
    RowChunk(int first, long[] ids, double[] invSqrt, int width, double[] rows) {
        if (rows.length != ids.length * width || invSqrt.length != ids.length) {
            throw new IllegalArgumentException("A chunk of " + ids.length + " rows of width " + width + " has "
                    + rows.length + " values and " + invSqrt.length + " scales");
        }
        this.first = first;
        this.ids = ids;
        this.invSqrt = invSqrt;
        this.width = width;
        this.rows = rows;
    }

    /** The same nodes with other rows. */
    RowChunk withRows(int newWidth, double[] newRows) {
        return new RowChunk(first, ids, invSqrt, newWidth, newRows);
    }

    int first() {
        return first;
    }

    long[] ids() {
        return ids;
    }

    double[] invSqrt() {
        return invSqrt;
    }

    int width() {
        return width;
    }

    double[] rows() {
        return rows;
    }

    int rowCount() {
        return ids.length;
    }
}
