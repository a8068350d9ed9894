// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import java.io.Serializable;

/**
 * Partial sums from one block for some nodes of another (ascending ids): Σ_v w_uv H_v / sqrt(d_v + 1) over the
 * sending block's v, one row per target u. A class, not a record: Kryo cannot serialise records.
 */
final class Partial implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int width;
    private final long[] targets;
    private final double[] sums;

    Partial(int width, long[] targets, double[] sums) {
        this.width = width;
        this.targets = targets;
        this.sums = sums;
    }

    int width() {
        return width;
    }

    long[] targets() {
        return targets;
    }

    double[] sums() {
        return sums;
    }
}
