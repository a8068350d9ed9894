// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import java.util.Arrays;

/**
 * One source node's best targets so far: a bounded heap on primitive arrays, in the order single-machine search ranks
 * a source's candidates ({@code ScoredPair.RANKING} with the source fixed): logit descending ({@link
 * Double#compare}), then target id ascending. Results travel as {@link Ranked} lists, best first, which {@link
 * #merge} combines: the top k of a union is the top k of the parts' top k, whatever the order of merging, so the
 * result does not depend on partitioning.
 */
final class BestTargets {

    private final int capacity;
    private final double[] logits;
    private final long[] targets;
    private int size;

    BestTargets(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.logits = new double[capacity];
        this.targets = new long[capacity];
    }

    int size() {
        return size;
    }

    /** Keeps (logit, target) if it is among the best {@code capacity} offered so far. */
    void offer(double logit, long target) {
        if (size < capacity) {
            logits[size] = logit;
            targets[size] = target;
            siftUp(size++);
        } else if (worse(logits[0], targets[0], logit, target)) {
            logits[0] = logit;
            targets[0] = target;
            siftDown();
        }
    }

    /** The kept pairs, best first. */
    Ranked ranked() {
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(logits[b], logits[a]);
            return c != 0 ? c : Long.compare(targets[a], targets[b]);
        });
        long[] t = new long[size];
        double[] l = new double[size];
        for (int i = 0; i < size; i++) {
            t[i] = targets[order[i]];
            l[i] = logits[order[i]];
        }
        return new Ranked(t, l);
    }

    /** The best {@code k} of two lists, each best first (targets distinct across both), best first. */
    static Ranked merge(Ranked a, Ranked b, int k) {
        int n = Math.min(k, a.size() + b.size());
        long[] t = new long[n];
        double[] l = new double[n];
        int i = 0;
        int j = 0;
        for (int o = 0; o < n; o++) {
            boolean takeA = j >= b.size()
                    || (i < a.size() && worse(b.logits()[j], b.targets()[j], a.logits()[i], a.targets()[i]));
            if (takeA) {
                t[o] = a.targets()[i];
                l[o] = a.logits()[i++];
            } else {
                t[o] = b.targets()[j];
                l[o] = b.logits()[j++];
            }
        }
        return new Ranked(t, l);
    }

    /** Whether (la, ta) ranks after (lb, tb): lower logit, or the same logit and a larger target id. */
    static boolean worse(double la, long ta, double lb, long tb) {
        int c = Double.compare(la, lb);
        return c != 0 ? c < 0 : ta > tb;
    }

    private boolean worse(int i, int j) {
        return worse(logits[i], targets[i], logits[j], targets[j]);
    }

    private void swap(int i, int j) {
        double l = logits[i];
        logits[i] = logits[j];
        logits[j] = l;
        long t = targets[i];
        targets[i] = targets[j];
        targets[j] = t;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown() {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left + 1 < size && worse(left + 1, left) ? left + 1 : left;
            if (!worse(worst, i)) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    /**
     * A source's targets and their logits, best first. A plain serialisable class, not a record: Spark's Kryo cannot
     * serialise records.
     */
    static final class Ranked implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final long[] targets;
        private final double[] logits;

        Ranked(long[] targets, double[] logits) {
            this.targets = targets;
            this.logits = logits;
        }

        long[] targets() {
            return targets;
        }

        double[] logits() {
            return logits;
        }

        int size() {
            return targets.length;
        }
    }
}
