// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.io;

import java.util.Arrays;

/** A growable double array. */
public final class DoubleList {

    private double[] data;
    private int size;

    public DoubleList(int capacity) {
        data = new double[Math.max(capacity, 8)];
    }

    public void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1) + 1);
        }
        data[size++] = v;
    }

    public double get(int k) {
        return data[k];
    }

    public int size() {
        return size;
    }

    public double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
