// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import java.io.Serializable;

/** The rows of one block's nodes at some step (row-major, in the block's id order), as Spark ships them. */
final class BlockState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int width;
    private final double[] rows;

    BlockState(int width, double[] rows) {
        this.width = width;
        this.rows = rows;
    }

    int width() {
        return width;
    }

    double[] rows() {
        return rows;
    }

    int rowCount() {
        return rows.length / width;
    }
}
