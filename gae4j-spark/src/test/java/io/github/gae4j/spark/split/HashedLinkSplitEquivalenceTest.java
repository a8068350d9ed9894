// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.split;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.HashedLinkSplit;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.XxHash64;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.io.GraphTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * gae-core's {@link HashedLinkSplit} is {@link SparkLinkSplit} on one machine: the same pairs in every part, so
 * {@code gae eval} and {@code gae predict} rebuild a Spark-trained model's split exactly (no training edge among
 * their test edges). Checked on graphs whose ids are 0 .. N-1 (Spark's path without an index table), sparse, and
 * negative or near the ends of the long range (with edge weights), each with 1 and 4 partitions.
 */
@ExtendWith(SharedSpark.class)
class HashedLinkSplitEquivalenceTest {

    /** A graph as its two tables' rows and as gae-core's graph (node i = the i-th smallest id). */
    private record Case(long[] ids, List<Row> edges, Map<List<Long>, Double> weights, Graph graph) {

        /** {@code e} random edges over these ids (node k gets ids[k] before sorting); weights random or 1. */
        static Case of(long[] idsGiven, int e, boolean weighted, long rngSeed) {
            long[] ids = idsGiven.clone();
            Arrays.sort(ids);
            int n = ids.length;
            SplittableRandom rng = new SplittableRandom(rngSeed);
            Set<List<Integer>> seen = new HashSet<>();
            List<Row> rows = new ArrayList<>();
            Map<List<Long>, Double> weights = new HashMap<>();
            int[] s = new int[e];
            int[] d = new int[e];
            while (seen.size() < e) {
                int a = rng.nextInt(n);
                int b = rng.nextInt(n);
                if (a == b || !seen.add(List.of(Math.min(a, b), Math.max(a, b)))) {
                    continue;
                }
                int k = seen.size() - 1;
                s[k] = Math.min(a, b);
                d[k] = Math.max(a, b);
                double w = weighted ? 0.5 + rng.nextInt(8) : 1.0;
                rows.add(RowFactory.create(ids[s[k]], ids[d[k]], w));
                weights.put(List.of(ids[s[k]], ids[d[k]]), w);
            }
            Graph graph = Graph.builder(n).edges(s, d).numericNodeIds(ids).build();
            return new Case(ids, rows, weights, graph);
        }

        GraphTables tables(SparkSession spark, int partitions) {
            List<Row> nodes = new ArrayList<>();
            for (long id : ids) {
                nodes.add(RowFactory.create(id, new double[] {0}));
            }
            return new GraphTables(
                    spark.createDataFrame(edges, TestTables.EDGES)
                            .repartition(partitions)
                            .persist(),
                    spark.createDataFrame(nodes, TestTables.FEATURES)
                            .repartition(partitions)
                            .persist(),
                    1);
        }

        /** The pairs as ids, smaller first. */
        Set<List<Long>> idPairs(EdgeList pairs) {
            Set<List<Long>> set = new HashSet<>();
            for (int k = 0; k < pairs.size(); k++) {
                set.add(List.of(
                        Math.min(ids[pairs.src(k)], ids[pairs.dst(k)]),
                        Math.max(ids[pairs.src(k)], ids[pairs.dst(k)])));
            }
            assertThat(set).hasSize(pairs.size());
            return set;
        }
    }

    /** The tables compared per split: the five parts, the training graph's edges, and its nodes. */
    private static final int PARTS = 7;

    private static void assertSameSplit(SparkSession spark, Case c, long seed) {
        LinkSplit local = HashedLinkSplit.of(c.graph(), 0.05, 0.10, seed);
        Set<List<Long>> train = c.idPairs(local.trainPositives());
        List<Set<List<Long>>> expected = List.of(
                train,
                c.idPairs(local.valPositives()),
                c.idPairs(local.valNegatives()),
                c.idPairs(local.testPositives()),
                c.idPairs(local.testNegatives()),
                train);
        int[] partitionCounts = {1, 4};
        // Both splits' six tables, and the node table training sees, in one job: per partition count train, val+,
        // val-, test+, test-, the graph training sees (the training edges with their weights), and its nodes (as
        // pairs id, id).
        List<GraphTables> inputs = new ArrayList<>();
        Dataset<Row> tagged = null;
        for (int p = 0; p < partitionCounts.length; p++) {
            GraphTables tables = c.tables(spark, partitionCounts[p]);
            inputs.add(tables);
            SplitTables split = SparkLinkSplit.split(tables, 0.05, 0.10, seed);
            List<Dataset<Row>> parts = List.of(
                    split.train(),
                    split.valPositives().withColumn("weight", lit(0.0)),
                    split.valNegatives().withColumn("weight", lit(0.0)),
                    split.testPositives().withColumn("weight", lit(0.0)),
                    split.testNegatives().withColumn("weight", lit(0.0)),
                    split.graph().edges(),
                    split.graph()
                            .features()
                            .select(col("id").as("src"), col("id").as("dst"), lit(0.0).as("weight")));
            for (int k = 0; k < PARTS; k++) {
                Dataset<Row> part = parts.get(k)
                        .select(
                                col("src"),
                                col("dst"),
                                col("weight"),
                                lit(p * PARTS + k).as("part"));
                tagged = tagged == null ? part : tagged.union(part);
            }
        }
        List<Set<List<Long>>> actual = new ArrayList<>();
        int[] sizes = new int[partitionCounts.length * PARTS];
        for (int t = 0; t < sizes.length; t++) {
            actual.add(new HashSet<>());
        }
        for (Row r : tagged.collectAsList()) {
            int t = r.getInt(3);
            int k = t % PARTS;
            List<Long> pair = List.of(r.getLong(0), r.getLong(1));
            actual.get(t).add(pair);
            sizes[t]++;
            if (k == 0 || k == 5) {
                assertThat(r.getDouble(2))
                        .as("weight of %s", pair)
                        .isEqualTo(c.weights().get(pair));
            }
        }
        for (int p = 0; p < partitionCounts.length; p++) {
            for (int k = 0; k < PARTS; k++) {
                int t = p * PARTS + k;
                assertThat(actual.get(t)).as("table %d holds no pair twice", k).hasSize(sizes[t]);
                if (k < PARTS - 1) {
                    assertThat(actual.get(t))
                            .as("table %d with %d partitions, seed %d", k, partitionCounts[p], seed)
                            .isEqualTo(expected.get(k));
                }
            }
            // Training sees every node.
            assertThat(sizes[p * PARTS + PARTS - 1]).isEqualTo(c.ids().length);
        }
        for (GraphTables tables : inputs) {
            tables.edges().unpersist();
            tables.features().unpersist();
        }
    }

    @Test
    void idsZeroToNMinusOne(SparkSession spark) {
        long[] ids = new long[300];
        Arrays.setAll(ids, i -> i);
        assertSameSplit(spark, Case.of(ids, 1200, false, 1), 3);
    }

    /** Ids 7k + 3, some nodes without an edge. */
    @Test
    void sparseIds(SparkSession spark) {
        long[] ids = new long[400];
        Arrays.setAll(ids, i -> 7L * i + 3);
        assertSameSplit(spark, Case.of(ids, 900, false, 2), 7);
    }

    /** Ids spread over the whole long range, negative ones included; weighted edges; a negative seed. */
    @Test
    void negativeAndExtremeIdsWithWeights(SparkSession spark) {
        SplittableRandom rng = new SplittableRandom(5);
        Set<Long> distinct = new HashSet<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L));
        while (distinct.size() < 250) {
            distinct.add(rng.nextLong());
        }
        long[] ids = distinct.stream().mapToLong(Long::longValue).toArray();
        assertSameSplit(spark, Case.of(ids, 1000, true, 3), -11);
    }

    /** Spark SQL's xxhash64 and pmod over long columns are gae-core's XxHash64 and floorMod, bit for bit. */
    @Test
    void sparkSqlXxhash64IsXxHash64(SparkSession spark) {
        long[] seeds = {0, 1, 42, -7, Long.MIN_VALUE, Long.MAX_VALUE};
        List<Row> values = new ArrayList<>();
        for (long v = -300; v < 300; v++) {
            values.add(RowFactory.create(v, v << 40 ^ 0x5DEECE66DL));
        }
        for (long v : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1}) {
            values.add(RowFactory.create(v, -v));
        }
        StructType schema = new StructType().add("a", DataTypes.LongType, false).add("b", DataTypes.LongType, false);
        Dataset<Row> table = spark.createDataFrame(values, schema);
        for (long seed : seeds) {
            List<Row> hashed = table.select(
                            col("a"),
                            col("b"),
                            xxhash64(col("a")),
                            xxhash64(lit(seed), col("a"), col("b")),
                            xxhash64(lit(seed), lit(2L), col("a")),
                            pmod(xxhash64(lit(seed), lit(1L), col("a")), lit(977L)),
                            xxhash64(lit(seed), shiftleft(col("a"), 33)))
                    .collectAsList();
            assertThat(hashed).hasSize(values.size());
            for (Row r : hashed) {
                long a = r.getLong(0);
                long b = r.getLong(1);
                assertThat(r.getLong(2)).as("xxhash64(%d)", a).isEqualTo(XxHash64.sparkXxhash64(a));
                assertThat(r.getLong(3)).isEqualTo(XxHash64.sparkXxhash64(seed, a, b));
                assertThat(r.getLong(4)).isEqualTo(XxHash64.sparkXxhash64(seed, 2, a));
                assertThat(r.getLong(5)).isEqualTo(Math.floorMod(XxHash64.sparkXxhash64(seed, 1, a), 977L));
                assertThat(r.getLong(6)).isEqualTo(XxHash64.sparkXxhash64(seed, a << 33));
            }
        }
    }
}
