package io.github.gae4j.datasets.linqs;

import java.util.Arrays;

/** A growable double array. */
final class DoubleList {

    private double[] data;
    private int size;

    DoubleList(int capacity) {
        data = new double[Math.max(capacity, 8)];
    }

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1) + 1);
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
