// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.io.TableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Per-node top-k over 2-hop candidates, all in joins and aggregations (nothing goes through the driver): the
 * training graph's neighbour pairs, capped per node by a seeded hash; first hops joined with second hops; known links
 * and self pairs removed by an anti-join; each node's candidates gathered with their embeddings and scored in one task
 * by the decoder's scorer, keeping a bounded heap.
 *
 * <p>Null ids would vanish in the joins (a null never equals anything) and KnownTable drops null pairs, so all three
 * tables are first checked for null ids: they are user input through {@link TopLinks}'s public methods, not only
 * GraphReader's checked tables. A node the graph names without an embedding row is neither a source nor a candidate,
 * as in all-pairs search, where the embeddings table is the node set.
 */
final class TwoHopSearch {

    private static final String U = "u";
    private static final String W = "w";
    private static final String X = "x";
    private static final String ZU = "zu";
    private static final String ZX = "zx";
    private static final String CANDIDATES = "candidates";

    private static final String GRAPH = "graph edges";
    private static final String KNOWN = "known links";

    private TwoHopSearch() {}

    /** Fails naming the table, the column and the count if any of {@code columns} holds a null id (one pass). */
    private static void requireIds(Dataset<Row> table, String name, String... columns) {
        EmbeddingTable.requireColumns(table, name, columns);
        Column[] counts = new Column[columns.length + 1];
        counts[0] = functions.count(functions.lit(1));
        for (int c = 0; c < columns.length; c++) {
            counts[c + 1] =
                    functions.count(functions.when(functions.col(columns[c]).isNull(), 1));
        }
        Row row = table.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length))
                .head();
        for (int c = 0; c < columns.length; c++) {
            long nulls = row.getLong(c + 1);
            if (nulls > 0) {
                throw new TableException(
                        name,
                        columns[c],
                        String.format(
                                Locale.ROOT,
                                "%d of %d rows have a null id; every row needs one (a null matches no node, so the"
                                        + " row would be lost)",
                                nulls,
                                row.getLong(0)));
            }
        }
    }

    static JavaPairRDD<Long, BestTargets.Ranked> perNode(
            Dataset<Row> embeddings,
            Dataset<Row> graph,
            Dataset<Row> known,
            DecoderCarrier decoder,
            int k,
            HopCaps caps) {
        int width = EmbeddingTable.width(embeddings);
        requireIds(embeddings, EmbeddingTable.TABLE, TopLinks.NODE_ID);
        requireIds(graph, GRAPH, GraphTables.SRC, GraphTables.DST);
        requireIds(known, KNOWN, GraphTables.SRC, GraphTables.DST);
        Dataset<Row> firstHops = capped(KnownTable.bothDirections(graph, GRAPH, U, W), U, W, caps.first(), caps.seed());
        Dataset<Row> secondHops =
                capped(KnownTable.bothDirections(graph, GRAPH, W, X), W, X, caps.second(), caps.seed() + 1);
        // Duplicates (a node reached through several first hops) are dropped in the scoring task, which sorts anyway.
        Dataset<Row> candidates = firstHops
                .select(functions.col(U), functions.col(W).as(X))
                .union(firstHops.join(secondHops, W).select(U, X))
                .where(functions.col(U).notEqual(functions.col(X)))
                .join(KnownTable.bothDirections(known, KNOWN, U, X), new String[] {U, X}, "left_anti");
        Dataset<Row> z = embeddings.select(TopLinks.NODE_ID, TopLinks.Z);
        Dataset<Row> gathered = candidates
                .join(z.toDF(X, ZX), X)
                .groupBy(U)
                .agg(functions
                        .collect_list(functions.struct(functions.col(X), functions.col(ZX)))
                        .as(CANDIDATES))
                .join(z.toDF(U, ZU), U)
                .select(U, ZU, CANDIDATES);
        return gathered.javaRDD()
                .mapToPair(row -> score(row, decoder, k, width))
                .filter(t -> t._2().size() > 0);
    }

    /**
     * Each {@code by} node's neighbours {@code other}, at most {@code cap} of them (0 = all): those with the smallest
     * hash of (seed, by, other), ties by id.
     */
    private static Dataset<Row> capped(Dataset<Row> pairs, String by, String other, int cap, long seed) {
        if (cap == 0) {
            return pairs;
        }
        pairs = pairs.distinct(); // each neighbour counts once against the cap
        Column hash = functions.xxhash64(functions.lit(seed), functions.col(by), functions.col(other));
        Column order = functions.row_number().over(Window.partitionBy(by).orderBy(hash, functions.col(other)));
        return pairs.withColumn("position", order)
                .where(functions.col("position").leq(cap))
                .select(by, other);
    }

    /** One node's candidates scored from its side: row 0 is the node, rows 1.. its distinct candidates by id. */
    private static Tuple2<Long, BestTargets.Ranked> score(Row row, DecoderCarrier decoder, int k, int width) {
        long u = EmbeddingTable.id(row, 0);
        List<Row> structs = new ArrayList<>(row.getList(2));
        structs.sort(Comparator.comparingLong(r -> r.getLong(0)));
        int distinct = 0;
        for (int i = 0; i < structs.size(); i++) {
            if (distinct == 0
                    || structs.get(i).getLong(0) != structs.get(distinct - 1).getLong(0)) {
                structs.set(distinct++, structs.get(i));
            }
        }
        structs.subList(distinct, structs.size()).clear();
        int n = distinct + 1;
        long[] ids = new long[n];
        double[] data = new double[n * width];
        ids[0] = u;
        System.arraycopy(EmbeddingTable.vector(row, 1, width, u), 0, data, 0, width);
        for (int r = 1; r < n; r++) {
            Row candidate = structs.get(r - 1);
            ids[r] = candidate.getLong(0);
            System.arraycopy(EmbeddingTable.vector(candidate, 1, width, ids[r]), 0, data, r * width, width);
        }
        double[] logits = new double[n];
        new LocalScores(decoder, Matrix.wrapRowMajor(n, width, data)).from(0, 1, n, logits);
        BestTargets best = new BestTargets(k);
        for (int r = 1; r < n; r++) {
            best.offer(logits[r], ids[r]);
        }
        return new Tuple2<>(u, best.ranked());
    }
}
