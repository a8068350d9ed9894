// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;

/** Directed weighted edges gathered for one block (a Spark combiner), in plain growable arrays. */
final class EdgeRows implements Serializable {

    private static final long serialVersionUID = 1L;

    private int size;
    private long[] src = new long[16];
    private long[] dst = new long[16];
    private double[] weight = new double[16];

    int size() {
        return size;
    }

    long src(int k) {
        return src[k];
    }

    long dst(int k) {
        return dst[k];
    }

    double weight(int k) {
        return weight[k];
    }

    EdgeRows add(long from, long to, double w) {
        grow(size + 1);
        src[size] = from;
        dst[size] = to;
        weight[size] = w;
        size++;
        return this;
    }

    EdgeRows merge(EdgeRows other) {
        grow(size + other.size);
        System.arraycopy(other.src, 0, src, size, other.size);
        System.arraycopy(other.dst, 0, dst, size, other.size);
        System.arraycopy(other.weight, 0, weight, size, other.size);
        size += other.size;
        return this;
    }

    private void grow(int capacity) {
        if (capacity > src.length) {
            int n = Math.max(capacity, src.length * 2);
            src = Arrays.copyOf(src, n);
            dst = Arrays.copyOf(dst, n);
            weight = Arrays.copyOf(weight, n);
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        src = Arrays.copyOf(src, size);
        dst = Arrays.copyOf(dst, size);
        weight = Arrays.copyOf(weight, size);
        out.defaultWriteObject();
    }
}
