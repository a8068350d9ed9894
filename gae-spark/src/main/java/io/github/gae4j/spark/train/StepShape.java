// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import java.io.Serializable;

/**
 * What every part needs to know of a step to cut its share: the step's index in the epoch ({@code index}, which
 * seeds its negatives), its round and its index there ({@code step} of {@code steps}), the epoch's executed steps
 * ({@code epochSteps}), the step's positives over all parts ({@code positives}) and the graph's node count.
 */
public record StepShape(
        int epoch, int index, int round, int step, int steps, int epochSteps, long positives, long nodes)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The slice {@code [from, to)} of {@code n} items that step {@code step} of {@code steps} takes. */
    static int from(int n, int step, int steps) {
        return (int) ((long) n * step / steps);
    }
}
