// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import java.util.List;

/**
 * A bounded heap of the best pairs seen so far, in {@link ScoredPair#RANKING} order, on primitive arrays: no object
 * per candidate. The root is the worst kept pair, so a candidate that does not beat it is rejected in O(1). Not
 * thread-safe: one per worker.
 */
final class TopHeap {

    private final int capacity;
    private final double[] logits;
    private final int[] sources;
    private final int[] targets;
    private int size;

    TopHeap(int capacity) {
        this.capacity = capacity;
        this.logits = new double[capacity];
        this.sources = new int[capacity];
        this.targets = new int[capacity];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /**
     * The logit a candidate must reach to be considered: the worst kept logit once the heap is full, else -∞. A
     * candidate strictly below it ranks after every kept pair (equal logits still need {@link #offer}'s tie-break).
     */
    double threshold() {
        return size == capacity && capacity > 0 ? logits[0] : Double.NEGATIVE_INFINITY;
    }

    /** Keeps (logit, source, target) if it is among the best {@code capacity} offered so far. */
    void offer(double logit, int source, int target) {
        if (size < capacity) {
            int i = size++;
            set(i, logit, source, target);
            siftUp(i);
        } else if (capacity > 0 && worse(logits[0], sources[0], targets[0], logit, source, target)) {
            set(0, logit, source, target);
            siftDown(0);
        }
    }

    /** Appends the kept pairs to {@code out}, in no particular order. */
    void addTo(List<ScoredPair> out) {
        for (int i = 0; i < size; i++) {
            out.add(new ScoredPair(sources[i], targets[i], logits[i]));
        }
    }

    /** Whether (la, sa, ta) ranks after (lb, sb, tb) in {@link ScoredPair#RANKING}. */
    private static boolean worse(double la, int sa, int ta, double lb, int sb, int tb) {
        int c = Double.compare(la, lb);
        if (c != 0) {
            return c < 0;
        }
        return sa != sb ? sa > sb : ta > tb;
    }

    private boolean worse(int i, int j) {
        return worse(logits[i], sources[i], targets[i], logits[j], sources[j], targets[j]);
    }

    private void set(int i, double logit, int source, int target) {
        logits[i] = logit;
        sources[i] = source;
        targets[i] = target;
    }

    private void swap(int i, int j) {
        double l = logits[i];
        int s = sources[i];
        int t = targets[i];
        logits[i] = logits[j];
        sources[i] = sources[j];
        targets[i] = targets[j];
        set(j, l, s, t);
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

    private void siftDown(int i) {
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
}
