// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.error.GaeException;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Some nodes of one part, as one map task gathered them (one shuffle record instead of one per node): ids, halo
 * distances, whole-graph adjacency row lengths and degrees, and feature rows. The rows are kept as floats while
 * every value is exactly a float (half the bytes to shuffle and hold), as doubles from the first value that is not.
 * Serialised without the spare capacity.
 */
final class NodePiece implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int width;
    private int size;
    private long[] ids = new long[16];
    private int[] distances = new int[16];
    private int[] lengths = new int[16];
    private double[] degrees = new double[16];
    private float[] floats;
    private double[] doubles;

    NodePiece(int width) {
        this.width = width;
        this.floats = new float[16 * width];
    }

    int size() {
        return size;
    }

    long id(int i) {
        return ids[i];
    }

    int distance(int i) {
        return distances[i];
    }

    int length(int i) {
        return lengths[i];
    }

    double degree(int i) {
        return degrees[i];
    }

    /** Whether the rows are floats ({@link #floatRows}) or doubles ({@link #doubleRows}). */
    boolean isFloat() {
        return floats != null;
    }

    float[] floatRows() {
        return floats;
    }

    double[] doubleRows() {
        return doubles;
    }

    /** Adds a node; {@code row} is its feature list (the features table's array of doubles). */
    void add(long id, int distance, int length, double degree, List<?> row) {
        if (row.size() != width) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Table 'features', column 'features': node %d has %d values, expected %d",
                    id,
                    row.size(),
                    width));
        }
        grow(size + 1);
        ids[size] = id;
        distances[size] = distance;
        lengths[size] = length;
        degrees[size] = degree;
        int base = size * width;
        for (int j = 0; j < width; j++) {
            double v = ((Number) row.get(j)).doubleValue();
            if (floats != null && (float) v != v) {
                doubles = widen(floats, floats.length);
                floats = null;
            }
            if (floats != null) {
                floats[base + j] = (float) v;
            } else {
                doubles[base + j] = v;
            }
        }
        size++;
    }

    static double[] widen(float[] values, int length) {
        double[] out = new double[length];
        for (int p = 0; p < length; p++) {
            out[p] = values[p];
        }
        return out;
    }

    private void grow(int capacity) {
        if (capacity > ids.length) {
            int n = Math.max(capacity, ids.length * 2);
            ids = Arrays.copyOf(ids, n);
            distances = Arrays.copyOf(distances, n);
            lengths = Arrays.copyOf(lengths, n);
            degrees = Arrays.copyOf(degrees, n);
            if (floats != null) {
                floats = Arrays.copyOf(floats, n * width);
            } else {
                doubles = Arrays.copyOf(doubles, n * width);
            }
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        ids = Arrays.copyOf(ids, size);
        distances = Arrays.copyOf(distances, size);
        lengths = Arrays.copyOf(lengths, size);
        degrees = Arrays.copyOf(degrees, size);
        if (floats != null) {
            floats = Arrays.copyOf(floats, size * width);
        } else {
            doubles = Arrays.copyOf(doubles, size * width);
        }
        out.defaultWriteObject();
    }
}
