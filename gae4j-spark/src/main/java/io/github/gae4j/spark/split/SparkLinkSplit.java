// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.split;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.io.TableException;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link split of gae-core's {@link LinkSplit}, computed on Spark without bringing edges to the driver: the
 * first floor(E · test) edges of a seeded random order are test, the next floor(E · validation) validation, the
 * rest train; as many negatives as positives for validation and test, node pairs i ≠ j that are no edge of the
 * whole graph, distinct from each other (test and validation negatives are disjoint).
 *
 * <p>The random order: each canonical edge's key is a seeded 64-bit hash of (src, dst) ({@code xxhash64}), ties
 * broken by (src, dst). Only the edges below a key threshold (the held-out fraction plus a margin, the smallest of
 * a few that holds enough edges, counted in one pass) are sorted and numbered; the rest are training edges unseen
 * by any sort.
 * Negatives: draw number d (0, 1, 2, ...) gives the pair of node indices (hash(seed, 1, d) mod N, hash(seed, 2, d)
 * mod N) over the node ids in ascending order (ids 0 .. N-1 are their own indices: no index table is built); draws that are self-pairs or edges are dropped, repeats keep their
 * first draw, and the first numTest pairs in draw order are test negatives, the next numVal validation ones. Draws
 * are generated on executors in ranges, more when too few survive. Both orders are functions of the seed and the
 * data alone: the same seed gives the same split whatever the partitioning. The split is not the same as
 * single-machine {@link LinkSplit}'s for a seed (another random stream), but it has the same counts and rules;
 * gae-core's {@link io.github.gae4j.core.graph.HashedLinkSplit} computes this very split on one machine (a model's
 * provenance records it as split method {@code hashed}, so {@code gae eval} rebuilds it). Change both or neither.
 *
 * <p>Intermediate tables (the numbered candidates, the node index, the numbered negatives) are persisted
 * ({@code MEMORY_AND_DISK}) so the tables returned are not recomputed by each use.
 */
public final class SparkLinkSplit {

    private static final Logger LOG = LoggerFactory.getLogger(SparkLinkSplit.class);

    private static final String KEY = "key";
    private static final String RANK = "rank";
    private static final String DRAW = "draw";
    private static final String INDEX = "idx";
    private static final double TWO_TO_64 = 0x1p64;
    private static final int MAX_ROUNDS = 40;
    private static final double[] MARGINS = {0.001, 0.004, 0.016, 0.064, 0.256, 1};

    private SparkLinkSplit() {}

    /** The reference fractions: 5 % validation, 10 % test. */
    public static SplitTables split(GraphTables graph, long seed) {
        return split(graph, 0.05, 0.10, seed);
    }

    /**
     * Splits the graph's edges with these fractions.
     *
     * @throws ConfigException when the fractions are not 0 <= val, 0 < test, val + test < 1
     * @throws TableException  when the graph has too few edges, or is too dense for the negatives
     */
    public static SplitTables split(GraphTables graph, double valFraction, double testFraction, long seed) {
        int minimum;
        try {
            minimum = LinkSplit.minimumEdges(valFraction, testFraction);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        Dataset<Row> edges = graph.edges();
        // One pass counts the edges and the edges under a few key thresholds, from the tightest (what the
        // fractions hold out plus 0.1 %) to all: the smallest that holds enough edges bounds the edges to sort.
        double fraction = valFraction + testFraction;
        long[] thresholds = new long[MARGINS.length];
        Column[] counts = new Column[MARGINS.length + 1];
        counts[0] = org.apache.spark.sql.functions.count(lit(1));
        for (int k = 0; k < MARGINS.length; k++) {
            double q = fraction + MARGINS[k];
            thresholds[k] = q >= 1 ? Long.MAX_VALUE : (long) (Long.MIN_VALUE + q * TWO_TO_64);
            counts[k + 1] = org.apache.spark.sql.functions.sum(org.apache
                    .spark
                    .sql
                    .functions
                    .when(key(seed).leq(lit(thresholds[k])), 1L)
                    .otherwise(0L));
        }
        Row counted = edges.agg(counts[0], java.util.Arrays.copyOfRange(counts, 1, counts.length))
                .head();
        long e = counted.getLong(0);
        Row ids = graph.features()
                .agg(
                        org.apache.spark.sql.functions.count(lit(1)),
                        min(GraphTables.ID),
                        org.apache.spark.sql.functions.max(GraphTables.ID))
                .head();
        long n = ids.getLong(0);
        // Ids 0 .. n-1 (ids are unique) are their own index: no sort and no joins to map drawn indices to ids.
        boolean dense = n > 0 && ids.getLong(1) == 0 && ids.getLong(2) == n - 1;
        long numTest = (long) Math.floor(e * testFraction);
        long numVal = (long) Math.floor(e * valFraction);
        if (numTest == 0 || e - numTest - numVal == 0) {
            throw new TableException(
                    "edges",
                    null,
                    String.format(
                            Locale.ROOT,
                            "%d edge%s: too few for a link split with %.0f%% test edges, which needs at least %d"
                                    + " edges",
                            e,
                            e == 1 ? "" : "s",
                            100 * testFraction,
                            minimum));
        }
        long held = numTest + numVal;
        double pairs = n * (double) (n - 1) / 2;
        long nonEdges = pairs > Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE : n * (n - 1) / 2 - e;
        if (nonEdges < held) {
            throw new TableException(
                    "edges",
                    null,
                    String.format(
                            Locale.ROOT,
                            "the graph (%d nodes, %d edges) is too dense to sample %d negative pairs (only %d"
                                    + " non-edges)",
                            n,
                            e,
                            held,
                            nonEdges));
        }
        SparkSession spark = edges.sparkSession();
        long threshold = Long.MAX_VALUE;
        for (int k = MARGINS.length - 1; k >= 0; k--) {
            if (counted.getLong(k + 1) >= held) {
                threshold = thresholds[k];
            }
        }
        Dataset<Row> ranked = ranked(spark, edges, threshold, seed);
        Dataset<Row> test = ranked.filter(col(RANK).lt(numTest)).select(GraphTables.SRC, GraphTables.DST);
        Dataset<Row> val =
                ranked.filter(col(RANK).geq(numTest).and(col(RANK).lt(held))).select(GraphTables.SRC, GraphTables.DST);
        Dataset<Row> train = edges.filter(key(seed).gt(lit(threshold)))
                .select(GraphTables.SRC, GraphTables.DST, GraphTables.WEIGHT)
                .union(ranked.filter(col(RANK).geq(held)).select(GraphTables.SRC, GraphTables.DST, GraphTables.WEIGHT));

        Dataset<Row> negatives = negatives(spark, graph, n, dense, e, held, seed);
        Dataset<Row> testNeg = negatives.filter(col(RANK).lt(numTest)).select(GraphTables.SRC, GraphTables.DST);
        Dataset<Row> valNeg = negatives
                .filter(col(RANK).geq(numTest).and(col(RANK).lt(held)))
                .select(GraphTables.SRC, GraphTables.DST);
        LOG.info(
                "Link split (seed {}): {} nodes, {} edges: train {}, validation {}+{}, test {}+{}",
                seed,
                n,
                e,
                e - held,
                numVal,
                numVal,
                numTest,
                numTest);
        return new SplitTables(
                train, val, valNeg, test, testNeg, new GraphTables(train, graph.features(), graph.featureWidth()));
    }

    /** The seeded order key of a canonical edge. */
    private static Column key(long seed) {
        return xxhash64(lit(seed), col(GraphTables.SRC), col(GraphTables.DST));
    }

    /**
     * The edges whose key is at most {@code threshold}, sorted by (key, src, dst) and numbered: columns src, dst,
     * weight, rank. Persisted.
     */
    private static Dataset<Row> ranked(SparkSession spark, Dataset<Row> edges, long threshold, long seed) {
        StructType schema = new StructType()
                .add(GraphTables.SRC, DataTypes.LongType, false)
                .add(GraphTables.DST, DataTypes.LongType, false)
                .add(GraphTables.WEIGHT, DataTypes.DoubleType, false)
                .add(RANK, DataTypes.LongType, false);
        JavaRDD<Row> numbered = edges.filter(key(seed).leq(lit(threshold)))
                .select(key(seed).as(KEY), col(GraphTables.SRC), col(GraphTables.DST), col(GraphTables.WEIGHT))
                .orderBy(KEY, GraphTables.SRC, GraphTables.DST)
                .toJavaRDD()
                .zipWithIndex()
                .map(t -> RowFactory.create(t._1().getLong(1), t._1().getLong(2), t._1().getDouble(3), t._2()));
        return spark.createDataFrame(numbered, schema).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Node ids in ascending order, numbered from 0: columns idx, id. Persisted. */
    private static Dataset<Row> index(SparkSession spark, GraphTables graph) {
        StructType schema =
                new StructType().add(INDEX, DataTypes.LongType, false).add(GraphTables.ID, DataTypes.LongType, false);
        JavaRDD<Row> indexed = graph.features()
                .select(GraphTables.ID)
                .orderBy(GraphTables.ID)
                .toJavaRDD()
                .zipWithIndex()
                .map(t -> RowFactory.create(t._2(), t._1().getLong(0)));
        return spark.createDataFrame(indexed, schema).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * Negative pairs numbered in draw order: columns src, dst, draw, rank; at least {@code held} of them. Persisted.
     */
    private static Dataset<Row> negatives(
            SparkSession spark, GraphTables graph, long n, boolean dense, long e, long held, long seed) {
        Dataset<Row> index = dense ? null : index(spark, graph);
        double accept = Math.max(1e-9, (n * (double) (n - 1) - 2.0 * e) / ((double) n * n));
        long draws = (long) Math.ceil(held / accept * 1.1) + 64;
        try {
            for (int round = 0; round <= MAX_ROUNDS; round++) {
                Dataset<Row> pairs = spark.range(0, draws)
                        .select(
                                col("id").as(DRAW),
                                pmod(xxhash64(lit(seed), lit(1L), col("id")), lit(n))
                                        .as("a"),
                                pmod(xxhash64(lit(seed), lit(2L), col("id")), lit(n))
                                        .as("b"))
                        .filter(col("a").notEqual(col("b")));
                if (index != null) {
                    pairs = pairs.join(index.withColumnRenamed(GraphTables.ID, "x"), col("a").equalTo(col(INDEX)))
                            .select(col(DRAW), col("x").as("a"), col("b"))
                            .join(index.withColumnRenamed(GraphTables.ID, "x"), col("b").equalTo(col(INDEX)))
                            .select(col(DRAW), col("a"), col("x").as("b"));
                }
                Dataset<Row> drawn = pairs.select(
                                least(col("a"), col("b")).as(GraphTables.SRC),
                                greatest(col("a"), col("b")).as(GraphTables.DST),
                                col(DRAW))
                        .join(graph.edges(), new String[] {GraphTables.SRC, GraphTables.DST}, "left_anti")
                        .groupBy(GraphTables.SRC, GraphTables.DST)
                        .agg(min(DRAW).as(DRAW))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                long found = drawn.count();
                if (found >= held) {
                    StructType schema = new StructType()
                            .add(GraphTables.SRC, DataTypes.LongType, false)
                            .add(GraphTables.DST, DataTypes.LongType, false)
                            .add(DRAW, DataTypes.LongType, false)
                            .add(RANK, DataTypes.LongType, false);
                    JavaRDD<Row> numbered = drawn.orderBy(DRAW)
                            .toJavaRDD()
                            .zipWithIndex()
                            .map(t ->
                                    RowFactory.create(t._1().getLong(0), t._1().getLong(1), t._1().getLong(2), t._2()));
                    Dataset<Row> result = spark.createDataFrame(numbered, schema)
                            .filter(col(RANK).lt(held))
                            .persist(StorageLevel.MEMORY_AND_DISK());
                    result.count();
                    drawn.unpersist();
                    return result;
                }
                LOG.debug("Negative draws: {} distinct non-edges from {} draws, {} needed", found, draws, held);
                drawn.unpersist();
                draws = Math.multiplyExact(draws, 2);
            }
        } finally {
            if (index != null) {
                index.unpersist();
            }
        }
        throw new TableException(
                "edges", null, "could not draw " + held + " distinct negative pairs: the graph is too dense");
    }
}
