// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.spark.graph.LocalGraph;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import scala.Tuple2;

/**
 * Builds one {@link Part} from the pieces its partition received, straight into the local graph's final arrays:
 * the driver counted each part's nodes, kept adjacency entries and pairs beforehand, so nothing grows and nothing
 * is copied whole (a part's features can be gigabytes). Nodes come first (they fix the local rows, sorted by id in
 * place), then the entries and pairs find their rows by binary search. A count that disagrees with the driver's is
 * a bug and fails loudly.
 */
final class PartAssembler implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PartIds ids;
    private final int[] caps;
    private final int width;
    private final int[] nodeCounts;
    private final long[] entryCounts;
    private final int[] pairCounts;
    private final boolean floatsWhenExact;

    /**
     * @param caps        the row cap at each hop (0 = whole rows); its length is the number of hops
     * @param nodeCounts  local nodes per part
     * @param entryCounts kept adjacency entries per part
     * @param pairCounts  training pairs per part
     * @param floatsWhenExact whether a part whose every feature value is a float holds them as floats
     */
    PartAssembler(
            PartIds ids,
            int[] caps,
            int width,
            int[] nodeCounts,
            long[] entryCounts,
            int[] pairCounts,
            boolean floatsWhenExact) {
        this.ids = ids;
        this.caps = caps.clone();
        this.width = width;
        this.nodeCounts = nodeCounts.clone();
        this.entryCounts = entryCounts.clone();
        this.pairCounts = pairCounts.clone();
        this.floatsWhenExact = floatsWhenExact;
    }

    /** The kept row length of a node at {@code distance} whose whole row has {@code length} entries. */
    int keptLength(int distance, int length) {
        if (distance >= caps.length) {
            return 0;
        }
        int cap = caps[distance];
        return cap > 0 ? Math.min(cap, length) : length;
    }

    /** The part of this partition (none when it received nothing). */
    Iterator<Part> assemble(Iterator<Tuple2<Integer, NodePiece>> nodes, Iterator<Tuple2<Integer, LinkPiece>> links) {
        if (!nodes.hasNext()) {
            if (links.hasNext()) {
                throw new IllegalStateException("Part " + links.next()._1() + " received links but no nodes");
            }
            return Collections.emptyIterator();
        }
        Tuple2<Integer, NodePiece> first = nodes.next();
        int part = first._1();
        Rows rows = new Rows(part, nodeCounts[part]);
        rows.add(first._2());
        nodes.forEachRemaining(t -> rows.add(t._2()));
        rows.sortById();
        Links built = new Links(part, rows);
        links.forEachRemaining(t -> built.add(t._2()));
        return Collections.singletonList(built.part()).iterator();
    }

    /** A part's nodes, in final arrays. */
    private final class Rows {
        final int part;
        final int n;
        final long[] nodeIds;
        final int[] distance;
        final int[] length;
        final double[] degree;
        float[] floats;
        double[] doubles;
        int filled;

        Rows(int part, int n) {
            this.part = part;
            this.n = n;
            long values = (long) n * width;
            if (values > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "Part %d holds %d nodes × %d features, more than one array can: use more blocks",
                        part,
                        n,
                        width));
            }
            nodeIds = new long[n];
            distance = new int[n];
            length = new int[n];
            degree = new double[n];
            if (floatsWhenExact) {
                floats = new float[(int) values];
            } else {
                doubles = new double[(int) values];
            }
        }

        void add(NodePiece piece) {
            if (filled + piece.size() > n) {
                throw countMismatch(part, "nodes", filled + piece.size(), n);
            }
            if (!piece.isFloat() && floats != null) {
                doubles = NodePiece.widen(floats, floats.length);
                floats = null;
            }
            for (int i = 0; i < piece.size(); i++) {
                nodeIds[filled + i] = piece.id(i);
                distance[filled + i] = piece.distance(i);
                length[filled + i] = piece.length(i);
                degree[filled + i] = piece.degree(i);
            }
            int at = filled * width;
            int len = piece.size() * width;
            if (floats != null) {
                System.arraycopy(piece.floatRows(), 0, floats, at, len);
            } else if (piece.isFloat()) {
                float[] from = piece.floatRows();
                for (int p = 0; p < len; p++) {
                    doubles[at + p] = from[p];
                }
            } else {
                System.arraycopy(piece.doubleRows(), 0, doubles, at, len);
            }
            filled += piece.size();
        }

        /** Sorts every array by node id in place (following the permutation's cycles: no second copy). */
        void sortById() {
            if (filled != n) {
                throw countMismatch(part, "nodes", filled, n);
            }
            long[] sorted = nodeIds.clone();
            Arrays.sort(sorted);
            int[] target = new int[n];
            for (int i = 0; i < n; i++) {
                if (i > 0 && sorted[i] == sorted[i - 1]) {
                    throw new IllegalStateException(
                            String.format(Locale.ROOT, "Part %d received node %d twice", part, sorted[i]));
                }
                target[i] = Arrays.binarySearch(sorted, nodeIds[i]);
            }
            float[] floatRow = new float[width];
            double[] doubleRow = new double[width];
            for (int i = 0; i < n; i++) {
                while (target[i] != i) {
                    int j = target[i];
                    swap(i, j, floatRow, doubleRow);
                    target[i] = target[j];
                    target[j] = j;
                }
            }
        }

        private void swap(int i, int j, float[] floatRow, double[] doubleRow) {
            long id = nodeIds[i];
            nodeIds[i] = nodeIds[j];
            nodeIds[j] = id;
            int d = distance[i];
            distance[i] = distance[j];
            distance[j] = d;
            int l = length[i];
            length[i] = length[j];
            length[j] = l;
            double g = degree[i];
            degree[i] = degree[j];
            degree[j] = g;
            if (floats != null) {
                System.arraycopy(floats, i * width, floatRow, 0, width);
                System.arraycopy(floats, j * width, floats, i * width, width);
                System.arraycopy(floatRow, 0, floats, j * width, width);
            } else {
                System.arraycopy(doubles, i * width, doubleRow, 0, width);
                System.arraycopy(doubles, j * width, doubles, i * width, width);
                System.arraycopy(doubleRow, 0, doubles, j * width, width);
            }
        }

        int rowOf(long id, String what) {
            int r = Arrays.binarySearch(nodeIds, id);
            if (r < 0) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT, "Part %d: %s node %d is not in the part's local graph", part, what, id));
            }
            return r;
        }
    }

    /** A part's adjacency rows and pairs, filled as the pieces arrive. */
    private final class Links {
        final int part;
        final Rows rows;
        final int[] rowPtr;
        final int[] next;
        final int[] cols;
        double[] weights;
        final long[] pairs;
        int pairCount;

        Links(int part, Rows rows) {
            this.part = part;
            this.rows = rows;
            int n = rows.n;
            rowPtr = new int[n + 1];
            long m = 0;
            for (int i = 0; i < n; i++) {
                m += keptLength(rows.distance[i], rows.length[i]);
                if (m > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "Part %d holds more adjacency entries than one array can: use more blocks",
                            part));
                }
                rowPtr[i + 1] = (int) m;
            }
            if (m != entryCounts[part]) {
                throw countMismatch("adjacency entries", m, entryCounts[part]);
            }
            next = Arrays.copyOf(rowPtr, n);
            cols = new int[(int) m];
            pairs = new long[pairCounts[part]];
        }

        void add(LinkPiece piece) {
            for (int k = 0; k < piece.size(); k++) {
                int a = rows.rowOf(piece.from(k), piece.isPairs() ? "the pair's source" : "a row's");
                int b = rows.rowOf(piece.to(k), piece.isPairs() ? "the pair's target" : "a neighbour");
                if (piece.isPairs()) {
                    if (pairCount == pairs.length) {
                        throw countMismatch("pairs", pairCount + 1L, pairs.length);
                    }
                    // Local rows keep the ids' order, so packed rows sort as the (source, target) ids do.
                    pairs[pairCount++] = (long) a << 32 | b;
                } else {
                    int p = next[a]++;
                    if (p >= rowPtr[a + 1]) {
                        throw new IllegalStateException(String.format(
                                Locale.ROOT,
                                "Part %d: node %d received more entries than its kept row holds",
                                part,
                                piece.from(k)));
                    }
                    cols[p] = b;
                    double w = piece.weight(k);
                    if (w != 1.0 && weights == null) {
                        weights = new double[cols.length];
                        Arrays.fill(weights, 1.0);
                    }
                    if (weights != null) {
                        weights[p] = w;
                    }
                }
            }
        }

        Part part() {
            int n = rows.n;
            for (int i = 0; i < n; i++) {
                if (next[i] != rowPtr[i + 1]) {
                    throw countMismatch(
                            "entries of node " + rows.nodeIds[i], next[i] - rowPtr[i], rowPtr[i + 1] - rowPtr[i]);
                }
                sortRow(rowPtr[i], rowPtr[i + 1]);
            }
            if (pairCount != pairs.length) {
                throw countMismatch("pairs", pairCount, pairs.length);
            }
            double[] rowScale = new double[n];
            for (int i = 0; i < n; i++) {
                rowScale[i] = scale(i);
            }
            long[] nodeIds = rows.nodeIds;
            LocalGraph graph = rows.floats != null
                    ? new LocalGraph(nodeIds, rowPtr, cols, weights, rows.degree, rowScale, width, rows.floats)
                    : new LocalGraph(nodeIds, rowPtr, cols, weights, rows.degree, rowScale, width, rows.doubles);
            Arrays.sort(pairs);
            long[] src = new long[pairs.length];
            long[] dst = new long[pairs.length];
            for (int k = 0; k < pairs.length; k++) {
                src[k] = nodeIds[(int) (pairs[k] >>> 32)];
                dst[k] = nodeIds[(int) pairs[k]];
            }
            long[] owned =
                    Arrays.stream(nodeIds).filter(id -> ids.partOf(id) == part).toArray();
            return new Part(part, graph, owned, src, dst);
        }

        /** Off-diagonal scale of row i: whole degree over kept weight for a capped row, else 1. */
        private double scale(int i) {
            int d = rows.distance[i];
            if (d >= caps.length || caps[d] <= 0 || rows.length[i] <= caps[d]) {
                return 1.0;
            }
            double kept = 0;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                kept += weights == null ? 1.0 : weights[p];
            }
            return kept == 0 ? 1.0 : rows.degree[i] / kept;
        }

        /** Orders a row's entries by column (= by neighbour id), weights alongside. */
        private void sortRow(int from, int to) {
            if (weights == null) {
                Arrays.sort(cols, from, to);
                return;
            }
            long[] keyed = new long[to - from];
            for (int p = from; p < to; p++) {
                keyed[p - from] = (long) cols[p] << 32 | (p - from);
            }
            Arrays.sort(keyed);
            double[] w = Arrays.copyOfRange(weights, from, to);
            for (int q = 0; q < keyed.length; q++) {
                cols[from + q] = (int) (keyed[q] >>> 32);
                weights[from + q] = w[(int) keyed[q]];
            }
        }

        private IllegalStateException countMismatch(String what, long got, long expected) {
            return PartAssembler.countMismatch(part, what, got, expected);
        }
    }

    private static IllegalStateException countMismatch(int part, String what, long got, long expected) {
        return new IllegalStateException(
                String.format(Locale.ROOT, "Part %d received %d %s, the driver counted %d", part, got, what, expected));
    }
}
