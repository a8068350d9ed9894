// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import java.io.Serializable;

/**
 * What every part needs to know of a step to cut its share: the step's index in the epoch ({@code index}, which
 * seeds its negatives), its round and its index there ({@code step} of {@code steps}), the steps of the uncut
 * epoch ({@code epochSteps}, which scale node shares; a cap on the steps does not change it), the step's positives over all parts ({@code positives}) and the graph's node count. A plain
 * class, not a record: Spark's Kryo cannot rebuild records.
 */
public final class StepShape implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int index;
    private final int round;
    private final int step;
    private final int steps;
    private final int epochSteps;
    private final long positives;
    private final long nodes;

    public StepShape(int epoch, int index, int round, int step, int steps, int epochSteps, long positives, long nodes) {
        this.epoch = epoch;
        this.index = index;
        this.round = round;
        this.step = step;
        this.steps = steps;
        this.epochSteps = epochSteps;
        this.positives = positives;
        this.nodes = nodes;
    }

    public int epoch() {
        return epoch;
    }

    public int index() {
        return index;
    }

    public int round() {
        return round;
    }

    public int step() {
        return step;
    }

    public int steps() {
        return steps;
    }

    public int epochSteps() {
        return epochSteps;
    }

    public long positives() {
        return positives;
    }

    public long nodes() {
        return nodes;
    }

    /** The start of slice {@code step} of {@code steps} over {@code n} items: {@code n · step / steps}. */
    static int from(int n, int step, int steps) {
        return (int) ((long) n * step / steps);
    }
}
