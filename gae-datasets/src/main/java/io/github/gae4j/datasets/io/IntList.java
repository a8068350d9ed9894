// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.io;

import java.util.Arrays;

/** A growable int array. */
public final class IntList {

    private int[] data;
    private int size;

    public IntList(int capacity) {
        data = new int[Math.max(capacity, 8)];
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1) + 1);
        }
        data[size++] = v;
    }

    public int get(int k) {
        return data[k];
    }

    public int size() {
        return size;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
