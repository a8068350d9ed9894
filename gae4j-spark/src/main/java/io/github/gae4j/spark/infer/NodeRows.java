// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import io.github.gae4j.core.error.GaeException;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * The nodes of one block as they are gathered (a Spark combiner): ids, whole-graph degrees, a small integer tag
 * (the halo depth; 0 where unused) and rows of a fixed width, in plain growable arrays; {@link #sorted} orders them
 * by id. Serialised without the spare capacity.
 */
final class NodeRows implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int width;
    private int size;
    private long[] ids = new long[16];
    private double[] degrees = new double[16];
    private int[] tags = new int[16];
    private double[] rows;

    NodeRows(int width) {
        this.width = width;
        this.rows = new double[16 * width];
    }

    int width() {
        return width;
    }

    int size() {
        return size;
    }

    long id(int i) {
        return ids[i];
    }

    double degree(int i) {
        return degrees[i];
    }

    int tag(int i) {
        return tags[i];
    }

    double[] rows() {
        return rows;
    }

    /** Adds a node whose row is {@code row} (a feature list of the features table), checking its width. */
    NodeRows add(long id, double degree, int tag, List<Double> row) {
        double[] values = values(id, row, width);
        grow(size + 1);
        ids[size] = id;
        degrees[size] = degree;
        tags[size] = tag;
        System.arraycopy(values, 0, rows, size * width, width);
        size++;
        return this;
    }

    /** Node {@code id}'s feature list as values, failing clearly on a width other than {@code width} or a null. */
    static double[] values(long id, List<Double> row, int width) {
        if (row.size() != width) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Table 'features', column 'features': node %d has %d values, the model expects %d",
                    id,
                    row.size(),
                    width));
        }
        double[] out = new double[width];
        for (int j = 0; j < width; j++) {
            Double v = row.get(j);
            if (v == null) {
                throw new GaeException(String.format(
                        Locale.ROOT, "Table 'features', column 'features': node %d has a null value at %d", id, j));
            }
            out[j] = v;
        }
        return out;
    }

    /** Adds the row of {@code row}'s {@code features} column ({@code id}, {@code degree} and a tag given). */
    NodeRows add(Row row, int featuresField, long id, double degree, int tag) {
        return add(id, degree, tag, row.getList(featuresField));
    }

    NodeRows merge(NodeRows other) {
        grow(size + other.size);
        System.arraycopy(other.ids, 0, ids, size, other.size);
        System.arraycopy(other.degrees, 0, degrees, size, other.size);
        System.arraycopy(other.tags, 0, tags, size, other.size);
        System.arraycopy(other.rows, 0, rows, size * width, other.size * width);
        size += other.size;
        return this;
    }

    /** These nodes ordered by id (a new object with exact-size arrays), failing on a repeated id. */
    NodeRows sorted() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        NodeRows out = new NodeRows(width);
        out.ids = new long[size];
        out.degrees = new double[size];
        out.tags = new int[size];
        out.rows = new double[size * width];
        for (int k = 0; k < size; k++) {
            int i = order[k];
            if (k > 0 && ids[i] == out.ids[k - 1]) {
                throw new GaeException(String.format(
                        Locale.ROOT, "Table 'features', column 'id': node %d has more than one row", ids[i]));
            }
            out.ids[k] = ids[i];
            out.degrees[k] = degrees[i];
            out.tags[k] = tags[i];
            System.arraycopy(rows, i * width, out.rows, k * width, width);
        }
        out.size = size;
        return out;
    }

    /** The ids in order (for a sorted instance: ascending). */
    long[] ids() {
        return Arrays.copyOf(ids, size);
    }

    private void grow(int capacity) {
        if (capacity > ids.length) {
            int n = Math.max(capacity, ids.length * 2);
            ids = Arrays.copyOf(ids, n);
            degrees = Arrays.copyOf(degrees, n);
            tags = Arrays.copyOf(tags, n);
            rows = Arrays.copyOf(rows, n * width);
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        ids = Arrays.copyOf(ids, size);
        degrees = Arrays.copyOf(degrees, size);
        tags = Arrays.copyOf(tags, size);
        rows = Arrays.copyOf(rows, size * width);
        out.defaultWriteObject();
    }
}
