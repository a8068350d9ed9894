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

    IntIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        order = new int[Math.max(16, expected)];
        mask = capacity - 1;
    }

    /** The index of {@code key}, numbering it next if it is new. Keys are non-negative. */
    int add(int key) {
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
