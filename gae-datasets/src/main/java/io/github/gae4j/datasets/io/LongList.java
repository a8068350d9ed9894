// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.io;

import java.util.Arrays;

/** A growable long array. */
public final class LongList {

    private long[] data;
    private int size;

    public LongList(int capacity) {
        data = new long[Math.max(capacity, 8)];
    }

    public void add(long v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1) + 1);
        }
        data[size++] = v;
    }

    public long get(int k) {
        return data[k];
    }

    public int size() {
        return size;
    }

    public long[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
