// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import io.github.gae4j.core.error.GaeException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * Cuts one block's edges, sorted by (target block, target, source), into {@link TargetPiece}s as they stream by:
 * a piece holds targets of one block only, at most {@code maxTargets} of them (so its partial sums fit a record)
 * and, unless a single target alone has more, at most {@code maxEntries} entries. A target is never split, so its
 * sum from this block is added in one order (ascending source), whatever the budget.
 */
final class PieceCutter implements Iterator<TargetPiece> {

    private final Iterator<Tuple2<EdgeKey, Double>> edges;
    private final int sourceBlock;
    private final long[] ids;
    private final double[] invSqrt;
    private final int maxTargets;
    private final int maxEntries;
    private Tuple2<EdgeKey, Double> pending;
    private int number;

    /**
     * @param ids     the block's node ids, ascending
     * @param invSqrt their 1/sqrt(d + 1)
     */
    PieceCutter(
            Iterator<Tuple2<EdgeKey, Double>> edges,
            int sourceBlock,
            long[] ids,
            double[] invSqrt,
            int maxTargets,
            int maxEntries) {
        this.edges = edges;
        this.sourceBlock = sourceBlock;
        this.ids = ids;
        this.invSqrt = invSqrt;
        this.maxTargets = maxTargets;
        this.maxEntries = maxEntries;
        this.pending = edges.hasNext() ? edges.next() : null;
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public TargetPiece next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        int targetBlock = pending._1().targetBlock();
        long[] targets = new long[16];
        int[] start = new int[17];
        int[] sources = new int[16];
        double[] scaled = new double[16];
        int t = 0;
        int m = 0;
        while (pending != null && pending._1().targetBlock() == targetBlock) {
            EdgeKey edge = pending._1();
            if (t == 0 || edge.target() != targets[t - 1]) {
                if (t == maxTargets || m >= maxEntries) {
                    break;
                }
                if (t == targets.length) {
                    targets = Arrays.copyOf(targets, 2 * t);
                    start = Arrays.copyOf(start, 2 * t + 1);
                }
                targets[t] = edge.target();
                start[t] = m;
                t++;
            }
            int row = Arrays.binarySearch(ids, edge.source());
            if (row < 0) {
                throw new GaeException(String.format(
                        Locale.ROOT,
                        "Table 'edges', column 'src': node %d has no row in table 'features'",
                        edge.source()));
            }
            if (m == sources.length) {
                sources = Arrays.copyOf(sources, 2 * m);
                scaled = Arrays.copyOf(scaled, 2 * m);
            }
            sources[m] = row;
            scaled[m] = pending._2() * invSqrt[row];
            m++;
            pending = edges.hasNext() ? edges.next() : null;
        }
        start[t] = m;
        return new TargetPiece(
                sourceBlock,
                targetBlock,
                number++,
                Arrays.copyOf(targets, t),
                Arrays.copyOf(start, t + 1),
                Arrays.copyOf(sources, m),
                Arrays.copyOf(scaled, m));
    }
}
