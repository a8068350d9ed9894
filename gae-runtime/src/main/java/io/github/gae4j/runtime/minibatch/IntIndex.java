// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import java.util.Arrays;

/**
 * Numbers distinct ints 0, 1, 2, … in order of first {@link #add}: the local numbering of a sampled subgraph's
 * nodes. Direct addressing over the key range (an int per possible key, 4 MB per million, zeroed once per index),
 * not a hash table: a batch of a 2-hop neighbourhood adds hundreds of thousands of nodes, and a random probe into a
 * table twice their size cost more than the array's allocation. No boxing; not thread-safe (one per batch).
 */
final class IntIndex {

    private static final int ABSENT = -1;

    /** {@code slots[key]} is the key's index + 1, 0 when absent. */
    private final int[] slots;

    private int[] order;
    private int size;

    /** An index of keys in {@code [0, range)}, sized for about {@code expected} of them (it grows past that). */
    IntIndex(int range, int expected) {
        slots = new int[range];
        order = new int[Math.max(16, expected)];
    }

    /** The index of {@code key}, numbering it next if it is new. */
    int add(int key) {
        int known = slots[key];
        if (known != 0) {
            return known - 1;
        }
        if (size == order.length) {
            order = Arrays.copyOf(order, order.length * 2);
        }
        order[size] = key;
        slots[key] = ++size;
        return size - 1;
    }

    /** The index of {@code key}, or -1 if it was never added (or lies outside the range). */
    int indexOf(int key) {
        return key >= 0 && key < slots.length ? slots[key] - 1 : ABSENT;
    }

    int size() {
        return size;
    }

    /** The key numbered {@code index}. */
    int key(int index) {
        return order[index];
    }

    /** The keys in the order they were numbered. */
    int[] keys() {
        return Arrays.copyOf(order, size);
    }
}
