// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.spark.graph.NodeBlocks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The exact per-node top-k over all pairs, blocked: nodes are hashed into B blocks; each block pair (i &lt;= j) is one
 * task that holds the two blocks' embeddings and the known links between them, scores every pair as a dense block
 * product, and keeps a bounded heap per node; the heaps of a node's B block pairs are then merged. Memory per task is
 * O((N/B)·(d + k)); the embeddings are shuffled B times. Exact: every candidate pair is scored once (from each side for
 * a directed decoder), with the decoder's own logits, and top-k merging loses nothing.
 */
final class AllPairsSearch {

    private AllPairsSearch() {}

    static JavaPairRDD<Long, BestTargets.Ranked> perNode(
            Dataset<Row> embeddings,
            Dataset<Row> known,
            DecoderCarrier decoder,
            int k,
            int blockCount,
            int partitions,
            long seed) {
        int width = EmbeddingTable.width(embeddings);
        NodeBlocks blocks = new NodeBlocks(blockCount, seed);
        int b = blockCount;
        JavaPairRDD<Integer, Tuple2<Long, double[]>> replicated = EmbeddingTable.rows(embeddings, width)
                .flatMapToPair(node -> {
                    int own = blocks.blockOf(node._1());
                    List<Tuple2<Integer, Tuple2<Long, double[]>>> out = new ArrayList<>(b);
                    for (int other = 0; other < b; other++) {
                        out.add(new Tuple2<>(pairKey(own, other, b), node));
                    }
                    return out.iterator();
                });
        JavaPairRDD<Integer, long[]> knownByPair = KnownTable.pairs(known)
                .mapToPair(pair -> new Tuple2<>(pairKey(blocks.blockOf(pair[0]), blocks.blockOf(pair[1]), b), pair));
        JavaPairRDD<Long, BestTargets.Ranked> partial = replicated
                .cogroup(knownByPair, new HashPartitioner(partitions))
                .flatMapToPair(group -> scoreBlockPair(
                        group._1() / b,
                        group._1() % b,
                        group._2()._1(),
                        group._2()._2(),
                        blocks,
                        decoder,
                        k,
                        width));
        return partial.reduceByKey((x, y) -> BestTargets.merge(x, y, k), partitions);
    }

    /** The key of the unordered block pair {a, b}: min·B + max. */
    static int pairKey(int a, int b, int blockCount) {
        return Math.min(a, b) * blockCount + Math.max(a, b);
    }

    /** Scores block pair (bi, bj), bi &lt;= bj: every node's best targets in the other block (in its own if bi = bj). */
    static Iterator<Tuple2<Long, BestTargets.Ranked>> scoreBlockPair(
            int bi,
            int bj,
            Iterable<Tuple2<Long, double[]>> members,
            Iterable<long[]> knownPairs,
            NodeBlocks blocks,
            DecoderCarrier decoder,
            int k,
            int width) {
        List<Tuple2<Long, double[]>> nodes = new ArrayList<>();
        members.forEach(nodes::add);
        // Rows of block bi first, then bj; by id within each, so a task's work does not depend on shuffle order.
        nodes.sort(Comparator.<Tuple2<Long, double[]>>comparingInt(t -> blocks.blockOf(t._1()) == bi ? 0 : 1)
                .thenComparingLong(Tuple2::_1));
        int n = nodes.size();
        int ni = bi == bj
                ? n
                : (int) nodes.stream().filter(t -> blocks.blockOf(t._1()) == bi).count();
        long[] ids = new long[n];
        double[] data = new double[n * width];
        Map<Long, Integer> local = new HashMap<>(2 * n);
        for (int r = 0; r < n; r++) {
            ids[r] = nodes.get(r)._1();
            System.arraycopy(nodes.get(r)._2(), 0, data, r * width, width);
            if (local.put(ids[r], r) != null) {
                throw new GaeException(String.format(
                        Locale.ROOT,
                        "The %s table has node_id %d more than once: one row per node",
                        EmbeddingTable.TABLE,
                        ids[r]));
            }
        }
        Set<Long> known = new HashSet<>();
        for (long[] pair : knownPairs) {
            Integer a = local.get(pair[0]);
            Integer c = local.get(pair[1]);
            if (a != null && c != null) {
                known.add((long) a * n + c);
                known.add((long) c * n + a);
            }
        }
        BestTargets[] best = new BestTargets[n];
        for (int r = 0; r < n; r++) {
            best[r] = new BestTargets(k);
        }
        if (n > 0) {
            LocalScores scores = new LocalScores(decoder, Matrix.wrapRowMajor(n, width, data));
            double[] row = new double[n];
            if (bi == bj) {
                for (int u = 0; u < n; u++) {
                    offerRow(scores, u, 0, n, row, ids, known, best, false);
                }
            } else {
                boolean directed = scores.directed();
                for (int u = 0; u < ni; u++) {
                    offerRow(scores, u, ni, n, row, ids, known, best, !directed);
                }
                if (directed) {
                    for (int u = ni; u < n; u++) {
                        offerRow(scores, u, 0, ni, row, ids, known, best, false);
                    }
                }
            }
        }
        List<Tuple2<Long, BestTargets.Ranked>> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (best[r].size() > 0) {
                out.add(new Tuple2<>(ids[r], best[r].ranked()));
            }
        }
        return out.iterator();
    }

    /**
     * Scores local row {@code u} against rows [from, to) and offers each candidate (not u, not a known link) to u's
     * heap, and with {@code symmetric} to the target's heap too (an undirected decoder's logit is the same both ways).
     */
    private static void offerRow(
            LocalScores scores,
            int u,
            int from,
            int to,
            double[] row,
            long[] ids,
            Set<Long> known,
            BestTargets[] best,
            boolean symmetric) {
        scores.from(u, from, to, row);
        long n = ids.length;
        for (int v = from; v < to; v++) {
            if (v == u || known.contains(u * n + v)) {
                continue;
            }
            best[u].offer(row[v], ids[v]);
            if (symmetric) {
                best[v].offer(row[v], ids[u]);
            }
        }
    }
}
