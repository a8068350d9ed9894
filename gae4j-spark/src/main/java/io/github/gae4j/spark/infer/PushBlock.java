// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.spark.graph.NodeBlocks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import scala.Tuple2;

/**
 * One block's share of a propagation H ← Â·H, where Â_uv = w_uv / sqrt((d_u + 1)(d_v + 1)) and Â_uu = 1 / (d_u + 1)
 * with whole-graph weighted degrees d. The block owns some nodes (ascending ids) and the edges leaving them; it
 * {@linkplain #push pushes} one partial sum per distinct neighbour, Σ_v w_uv H_v / sqrt(d_v + 1) over its own v (a
 * hub's many contributions from this block become one row before the shuffle), grouped by the neighbour's block;
 * the owner of u {@linkplain #combine combines} them with its own row: H_u / (d_u + 1) + Σ partials / sqrt(d_u + 1).
 */
final class PushBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int block;
    private final long[] ids;
    private final double[] invSqrt;
    /** Distinct neighbours of this block's nodes, ordered by (their block, id): the slots of the partial sums. */
    private final long[] targets;
    /** The distinct blocks of the targets, ascending, and where each one's slots start (one more entry). */
    private final int[] destBlocks;

    private final int[] destStart;
    /** Per own row, its entries: slot and w_uv / sqrt(d_v + 1), ordered by slot. */
    private final int[] rowPtr;

    private final int[] slots;
    private final double[] scaled;

    private PushBlock(
            int block,
            long[] ids,
            double[] invSqrt,
            long[] targets,
            int[] destBlocks,
            int[] destStart,
            int[] rowPtr,
            int[] slots,
            double[] scaled) {
        this.block = block;
        this.ids = ids;
        this.invSqrt = invSqrt;
        this.targets = targets;
        this.destBlocks = destBlocks;
        this.destStart = destStart;
        this.rowPtr = rowPtr;
        this.slots = slots;
        this.scaled = scaled;
    }

    /** The block of {@code nodes} (sorted) and of {@code edges}, whose sources are among the nodes. */
    static PushBlock of(int block, NodeRows nodes, EdgeRows edges, NodeBlocks blocks) {
        long[] ids = nodes.ids();
        int n = ids.length;
        double[] invSqrt = new double[n];
        for (int i = 0; i < n; i++) {
            invSqrt[i] = 1.0 / Math.sqrt(nodes.degree(i) + 1.0);
        }
        int m = edges == null ? 0 : edges.size();
        long[] distinct = new long[m];
        for (int k = 0; k < m; k++) {
            distinct[k] = edges.dst(k);
        }
        Arrays.sort(distinct);
        int unique = 0;
        for (int k = 0; k < m; k++) {
            if (unique == 0 || distinct[k] != distinct[unique - 1]) {
                distinct[unique++] = distinct[k];
            }
        }
        long[] byId = Arrays.copyOf(distinct, unique);
        int[] blockOfTarget = new int[unique];
        Integer[] order = new Integer[unique];
        for (int t = 0; t < unique; t++) {
            blockOfTarget[t] = blocks.blockOf(byId[t]);
            order[t] = t;
        }
        Arrays.sort(
                order, Comparator.<Integer>comparingInt(t -> blockOfTarget[t]).thenComparingLong(t -> byId[t]));
        long[] targets = new long[unique];
        int[] slotOfId = new int[unique];
        List<Integer> dests = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int s = 0; s < unique; s++) {
            int t = order[s];
            targets[s] = byId[t];
            slotOfId[t] = s;
            if (dests.isEmpty() || dests.get(dests.size() - 1) != blockOfTarget[t]) {
                dests.add(blockOfTarget[t]);
                starts.add(s);
            }
        }
        starts.add(unique);
        int[] rowOf = new int[m];
        int[] slotOf = new int[m];
        int[] rowPtr = new int[n + 1];
        for (int k = 0; k < m; k++) {
            int row = Arrays.binarySearch(ids, edges.src(k));
            if (row < 0) {
                throw new GaeException(String.format(
                        Locale.ROOT,
                        "Table 'edges', column 'src': node %d has no row in table 'features'",
                        edges.src(k)));
            }
            rowOf[k] = row;
            slotOf[k] = slotOfId[Arrays.binarySearch(byId, edges.dst(k))];
            rowPtr[row + 1]++;
        }
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        Integer[] entries = new Integer[m];
        for (int k = 0; k < m; k++) {
            entries[k] = k;
        }
        Arrays.sort(entries, Comparator.<Integer>comparingInt(k -> rowOf[k]).thenComparingInt(k -> slotOf[k]));
        int[] slots = new int[m];
        double[] scaled = new double[m];
        for (int p = 0; p < m; p++) {
            int k = entries[p];
            slots[p] = slotOf[k];
            scaled[p] = edges.weight(k) * invSqrt[rowOf[k]];
        }
        return new PushBlock(
                block,
                ids,
                invSqrt,
                targets,
                dests.stream().mapToInt(Integer::intValue).toArray(),
                starts.stream().mapToInt(Integer::intValue).toArray(),
                rowPtr,
                slots,
                scaled);
    }

    long[] ids() {
        return ids;
    }

    int nodeCount() {
        return ids.length;
    }

    /** The partial sums of {@code h} (this block's rows) for every neighbour, one message per neighbour block. */
    List<Tuple2<Integer, Partial>> push(BlockState h) {
        int w = h.width();
        double[] rows = h.rows();
        double[] partial = new double[targets.length * w];
        for (int i = 0; i < ids.length; i++) {
            int from = i * w;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int to = slots[p] * w;
                double a = scaled[p];
                for (int j = 0; j < w; j++) {
                    partial[to + j] += a * rows[from + j];
                }
            }
        }
        List<Tuple2<Integer, Partial>> out = new ArrayList<>(destBlocks.length);
        for (int b = 0; b < destBlocks.length; b++) {
            int s = destStart[b];
            int e = destStart[b + 1];
            out.add(new Tuple2<>(
                    destBlocks[b],
                    new Partial(
                            block, w, Arrays.copyOfRange(targets, s, e), Arrays.copyOfRange(partial, s * w, e * w))));
        }
        return out;
    }

    /** Â·H on this block's rows, from its own rows {@code h} and the partial sums sent to it. */
    BlockState combine(BlockState h, Iterable<Partial> received) {
        int w = h.width();
        List<Partial> partials = new ArrayList<>();
        received.forEach(partials::add);
        partials.sort(Comparator.comparingInt(Partial::source));
        double[] sums = new double[ids.length * w];
        for (Partial part : partials) {
            if (part.width() != w) {
                throw new IllegalStateException(
                        String.format(Locale.ROOT, "Partial sums of width %d for rows of width %d", part.width(), w));
            }
            long[] to = part.targets();
            double[] values = part.sums();
            for (int t = 0; t < to.length; t++) {
                int row = Arrays.binarySearch(ids, to[t]);
                if (row < 0) {
                    throw new GaeException(String.format(
                            Locale.ROOT,
                            "Table 'edges': node %d is an edge's endpoint but has no row in table 'features'",
                            to[t]));
                }
                for (int j = 0; j < w; j++) {
                    sums[row * w + j] += values[t * w + j];
                }
            }
        }
        double[] rows = h.rows();
        double[] out = new double[rows.length];
        for (int i = 0; i < ids.length; i++) {
            double self = invSqrt[i] * invSqrt[i];
            for (int j = 0; j < w; j++) {
                int k = i * w + j;
                out[k] = self * rows[k] + invSqrt[i] * sums[k];
            }
        }
        return new BlockState(w, out);
    }

    /**
     * Partial sums from block {@code source} for some of the receiving block's nodes (a class, not a record: Kryo
     * cannot serialise records).
     */
    static final class Partial implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int source;
        private final int width;
        private final long[] targets;
        private final double[] sums;

        Partial(int source, int width, long[] targets, double[] sums) {
            this.source = source;
            this.width = width;
            this.targets = targets;
            this.sums = sums;
        }

        int source() {
            return source;
        }

        int width() {
            return width;
        }

        long[] targets() {
            return targets;
        }

        double[] sums() {
            return sums;
        }
    }
}
