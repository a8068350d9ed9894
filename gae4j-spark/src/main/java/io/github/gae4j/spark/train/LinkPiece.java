// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Some links of one part, as one map task gathered them: either adjacency entries (a node, a neighbour its kept
 * row holds, the weight) or the part's training pairs (source, target; no weights). Serialised without the spare
 * capacity.
 */
final class LinkPiece implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean pairs;
    private int size;
    private long[] from = new long[16];
    private long[] to = new long[16];
    private double[] weights;

    private LinkPiece(boolean pairs) {
        this.pairs = pairs;
        this.weights = pairs ? null : new double[16];
    }

    static LinkPiece entries() {
        return new LinkPiece(false);
    }

    static LinkPiece pairs() {
        return new LinkPiece(true);
    }

    boolean isPairs() {
        return pairs;
    }

    int size() {
        return size;
    }

    long from(int k) {
        return from[k];
    }

    long to(int k) {
        return to[k];
    }

    double weight(int k) {
        return weights[k];
    }

    void add(long a, long b, double w) {
        if (size == from.length) {
            int n = size * 2;
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            if (weights != null) {
                weights = Arrays.copyOf(weights, n);
            }
        }
        from[size] = a;
        to[size] = b;
        if (weights != null) {
            weights[size] = w;
        }
        size++;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        from = Arrays.copyOf(from, size);
        to = Arrays.copyOf(to, size);
        if (weights != null) {
            weights = Arrays.copyOf(weights, size);
        }
        out.defaultWriteObject();
    }
}
