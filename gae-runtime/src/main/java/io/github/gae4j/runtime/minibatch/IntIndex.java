// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import java.util.Arrays;

/**
 * Numbers distinct ints 0, 1, 2, … in order of first {@link #add}: the local numbering of a sampled subgraph's
 * nodes. Open addressing on primitive arrays, so a batch of a million nodes costs no boxing; not thread-safe (one
 * per batch).
 */
final class IntIndex {

    private static final int EMPTY = -1;

    private int[] keys;
    private int[] slots;
    private int[] order;
    private int size;
    private int mask;
    /** Direct mode: {@code direct[key]} is the key's index + 1, 0 when absent; null in hashed mode. */
    private final int[] direct;

    /**
     * An index of keys in {@code [0, range)} by direct addressing: an int per possible key (4 MB per million),
     * zeroed once, instead of a hash probe per add. The sampler's choice: a batch of a 2-hop neighbourhood adds
     * hundreds of thousands of nodes, and a random probe into a hash table twice their size cost more than the
     * table's allocation.
     */
    static IntIndex direct(int range, int expected) {
        return new IntIndex(range, expected);
    }

    private IntIndex(int range, int expected) {
        direct = new int[range];
        keys = new int[0];
        slots = new int[0];
        order = new int[Math.max(16, expected)];
    }

    IntIndex(int expected) {
        direct = null;
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        order = new int[Math.max(16, expected)];
        mask = capacity - 1;
    }

    /** The index of {@code key}, numbering it next if it is new. Keys are non-negative. */
    int add(int key) {
        if (direct != null) {
            int known = direct[key];
            if (known != 0) {
                return known - 1;
            }
            if (size == order.length) {
                order = Arrays.copyOf(order, order.length * 2);
            }
            order[size] = key;
            direct[key] = ++size;
            return size - 1;
        }
        int i = mix(key) & mask;
        while (slots[i] != EMPTY) {
            if (keys[i] == key) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        if (size == order.length) {
            order = Arrays.copyOf(order, order.length * 2);
        }
        keys[i] = key;
        slots[i] = size;
        order[size] = key;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** The index of {@code key}, or -1 if it was never added. */
    int indexOf(int key) {
        if (direct != null) {
            return key >= 0 && key < direct.length ? direct[key] - 1 : EMPTY;
        }
        int i = mix(key) & mask;
        while (slots[i] != EMPTY) {
            if (keys[i] == key) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        return EMPTY;
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

    private void grow() {
        int[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new int[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(slots, EMPTY);
        mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldSlots[k] != EMPTY) {
                int i = mix(oldKeys[k]) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                slots[i] = oldSlots[k];
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
