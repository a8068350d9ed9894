// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import java.util.Arrays;
import java.util.List;

/**
 * One bounded heap of the best targets per slot (a node's position), flat on primitive arrays: nothing per candidate
 * is an object. Each slot's source is fixed, so its order is {@link ScoredPair#RANKING} restricted to one source:
 * logit descending, then target ascending. Not thread-safe: one per worker.
 */
final class NodeHeaps {

    /**
     * By slot, the logit a candidate must reach: the worst kept logit once the slot's heap is full, -∞ before, +∞ for
     * slots that keep nothing. A candidate strictly below it cannot enter.
     */
    final double[] thresholds;

    private final int capacity;
    private final double[] logits;
    private final int[] targets;
    private final int[] sizes;

    /** Heaps of {@code capacity} for the slots where {@code keeps} is true. */
    NodeHeaps(boolean[] keeps, int capacity) {
        int slots = keeps.length;
        this.capacity = capacity;
        this.thresholds = new double[slots];
        for (int i = 0; i < slots; i++) {
            thresholds[i] = keeps[i] && capacity > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        this.logits = new double[slots * capacity];
        this.targets = new int[slots * capacity];
        this.sizes = new int[slots];
    }

    /** Keeps (logit, target) in {@code slot} if it is among the best {@code capacity} offered there so far. */
    void offer(int slot, double logit, int target) {
        int base = slot * capacity;
        int size = sizes[slot];
        if (size < capacity) {
            logits[base + size] = logit;
            targets[base + size] = target;
            siftUp(base, size);
            sizes[slot] = ++size;
        } else if (worse(logits[base], targets[base], logit, target)) {
            logits[base] = logit;
            targets[base] = target;
            siftDown(base, size);
        } else {
            return;
        }
        if (size == capacity) {
            thresholds[slot] = logits[base];
        }
    }

    /** Appends the pairs kept in {@code slot}, with {@code source} as their source, in no particular order. */
    void addTo(int slot, int source, List<ScoredPair> out) {
        int base = slot * capacity;
        for (int i = 0; i < sizes[slot]; i++) {
            out.add(new ScoredPair(source, targets[base + i], logits[base + i]));
        }
    }

    private static boolean worse(double la, int ta, double lb, int tb) {
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
        int t = targets[i];
        targets[i] = targets[j];
        targets[j] = t;
    }

    private void siftUp(int base, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(base + i, base + parent)) {
                return;
            }
            swap(base + i, base + parent);
            i = parent;
        }
    }

    private void siftDown(int base, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left + 1 < size && worse(base + left + 1, base + left) ? left + 1 : left;
            if (!worse(base + worst, base + i)) {
                return;
            }
            swap(base + i, base + worst);
            i = worst;
        }
    }

    @Override
    public String toString() {
        return "NodeHeaps[slots=" + sizes.length + ", capacity=" + capacity + ", sizes="
                + Arrays.stream(sizes).sum() + "]";
    }
}
