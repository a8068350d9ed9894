// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.github.gae4j.spark.graph.NodeBlocks;
import io.github.gae4j.spark.graph.TaskMemory;
import io.github.gae4j.spark.io.GraphTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Builds {@link Part}s with Spark only, nothing through the driver but counts. The graph work is DataFrame joins
 * (rows stay in Spark's compact binary form; boxed tuples in RDD hash maps did not finish at 100M edges): the
 * training edges in both directions; each node's whole-graph row length and degree; the rows kept at each hop
 * (capped rows keep the neighbours with the smallest hashes of (seed, node, neighbour)); the seeds of each part
 * (its owned nodes and its pairs' endpoints) expanded hop by hop through the kept rows, each node at its smallest
 * distance. Each map task then gathers its rows per part into a few pieces ({@link NodePiece}, {@link LinkPiece}),
 * which are shuffled to partition {@code k} for part {@code k} and written there straight into the part's arrays
 * ({@link PartAssembler}).
 *
 * <p>Rows of nodes at distance below the hops are kept (complete without caps); nodes at the last hop are border
 * rows (no neighbours, only features and the whole graph's degree). With caps off, the neighbourhood sampler on a
 * part's local graph therefore reproduces the whole-graph sampler's subgraph of any batch drawn inside the part.
 */
public final class PartBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(PartBuilder.class);

    private static final String NODE = "node";
    private static final String NBR = "nbr";
    private static final String W = "w";
    private static final String PART = "part";
    private static final String DISTANCE = "distance";
    private static final String LENGTH = "length";
    private static final String DEGREE = "degree";
    private static final String KEY = "cap_key";
    private static final String POSITION = "position";

    private PartBuilder() {}

    /**
     * Training parts: each part owns its nodes and the training edges whose {@code src} it owns. A part holds its
     * features as floats when every value is exactly a float and, as doubles, the largest part's would take more than
     * a quarter of a task's memory ({@link TaskMemory}): half the memory, but a step about 20 % slower (measured at
     * 1M nodes: 554 against 458 ms).
     */
    public static PartSet training(
            Dataset<Row> train, GraphTables graph, DistributedSettings settings, int hops, long seed) {
        return training(train, graph, settings, hops, seed, null);
    }

    /** As {@link #training}, with the feature precision forced ({@code floats}: floats when exact; null: chosen). */
    static PartSet training(
            Dataset<Row> train, GraphTables graph, DistributedSettings settings, int hops, long seed, Boolean floats) {
        PartIds ids = PartIds.of(settings, seed);
        int partCount = ids.count();
        int width = graph.featureWidth();
        int[] caps = new int[hops];
        for (int h = 0; h < hops; h++) {
            caps[h] = settings.capAt(h);
        }
        List<Dataset<Row>> persisted = new ArrayList<>();
        UserDefinedFunction partOf = udf((UDF1<Long, Integer>) ids::partOf, DataTypes.IntegerType);
        Dataset<Row> edges = train.select(
                col(GraphTables.SRC),
                col(GraphTables.DST),
                col(GraphTables.WEIGHT).cast(DataTypes.DoubleType));
        // Not persisted: it is read twice (row lengths and degrees; the ranked rows), each a cheap projection.
        Dataset<Row> directed = GraphTables.bothDirections(train).toDF(NODE, NBR, W);
        // Unit weights sum exactly in any order; other weights are summed in ascending order, so the degree does
        // not depend on how Spark partitioned the rows.
        boolean weighted = !edges.filter(col(GraphTables.WEIGHT).notEqual(1.0)).isEmpty();
        Column degree =
                weighted ? expr("aggregate(array_sort(collect_list(w)), 0D, (acc, x) -> acc + x)") : sum(col(W));
        Dataset<Row> stats = persist(
                persisted, directed.groupBy(NODE).agg(count(lit(1)).cast("int").as(LENGTH), degree.as(DEGREE)));
        Dataset<Row> ranked = ranked(directed, caps, seed, persisted);
        // Not persisted either: a projection of the (persisted) training table.
        Dataset<Row> pairs = edges.select(
                col(GraphTables.SRC),
                col(GraphTables.DST),
                partOf.apply(col(GraphTables.SRC)).as(PART));
        Dataset<Row> seeds = pairs.select(col(GraphTables.SRC).as(NODE), col(PART))
                .union(pairs.select(col(GraphTables.DST).as(NODE), col(PART)))
                .union(graph.features()
                        .select(
                                col(GraphTables.ID).as(NODE),
                                partOf.apply(col(GraphTables.ID)).as(PART)))
                .distinct();
        List<Dataset<Row>> layers = new ArrayList<>();
        layers.add(persist(persisted, seeds));
        Dataset<Row> visited = layers.get(0);
        for (int h = 0; h < hops; h++) {
            Dataset<Row> kept = kept(ranked, caps[h]);
            Dataset<Row> next = layers.get(h)
                    .join(kept, NODE)
                    .select(col(NBR).as(NODE), col(PART))
                    .distinct()
                    .join(visited, new String[] {NODE, PART}, "left_anti");
            layers.add(persist(persisted, next));
            visited = visited.union(layers.get(h + 1));
        }
        Dataset<Row> located = null;
        for (int h = 0; h <= hops; h++) {
            Dataset<Row> layer = layers.get(h).withColumn(DISTANCE, lit(h));
            located = located == null ? layer : located.union(layer);
        }
        Dataset<Row> nodes = located.join(stats, new String[] {NODE}, "left_outer")
                .select(
                        col(PART),
                        col(NODE),
                        col(DISTANCE),
                        coalesce(col(LENGTH), lit(0)).as(LENGTH),
                        coalesce(col(DEGREE), lit(0.0)).as(DEGREE));
        PartAssembler assembler = counted(nodes, pairs, ids, caps, width, floats, train.sparkSession());
        Partitioner partitioner = new PartPartitioner(partCount);
        JavaPairRDD<Integer, NodePiece> nodePieces = nodes.join(
                        graph.features().select(col(GraphTables.ID).as(NODE), col(GraphTables.FEATURES)), NODE)
                .select(PART, NODE, DISTANCE, LENGTH, DEGREE, GraphTables.FEATURES)
                .javaRDD()
                .mapPartitionsToPair(rows -> nodePieces(rows, partCount, width))
                .partitionBy(partitioner);
        Dataset<Row> entries = null;
        for (int h = 0; h < hops; h++) {
            Dataset<Row> layerEntries =
                    layers.get(h).join(kept(ranked, caps[h]), NODE).select(PART, NODE, NBR, W);
            entries = entries == null ? layerEntries : entries.union(layerEntries);
        }
        JavaPairRDD<Integer, LinkPiece> pairPieces = pairs.select(PART, GraphTables.SRC, GraphTables.DST)
                .javaRDD()
                .mapPartitionsToPair(rows -> linkPieces(rows, partCount, true));
        JavaPairRDD<Integer, LinkPiece> linkPieces = entries == null
                ? pairPieces
                : entries.javaRDD()
                        .mapPartitionsToPair(rows -> linkPieces(rows, partCount, false))
                        .union(pairPieces);
        linkPieces = linkPieces.partitionBy(partitioner);
        JavaRDD<Part> parts =
                nodePieces.zipPartitions(linkPieces, assembler::assemble).persist(StorageLevel.MEMORY_AND_DISK());
        List<int[]> counts = parts.map(p -> new int[] {p.id(), p.pairCount(), p.ownedCount()})
                .collect();
        persisted.forEach(d -> d.unpersist(false));
        int[] pairCounts = new int[partCount];
        int[] ownedCounts = new int[partCount];
        long nodeCount = 0;
        for (int[] c : counts) {
            pairCounts[c[0]] = c[1];
            ownedCounts[c[0]] = c[2];
            nodeCount += c[2];
        }
        LOG.info(
                "Built {} parts over {} nodes: pairs per part {}, owned nodes per part {}",
                partCount,
                nodeCount,
                Arrays.toString(pairCounts),
                Arrays.toString(ownedCounts));
        return new PartSet(parts, ids, pairCounts, ownedCounts, nodeCount);
    }

    /**
     * Every directed entry with its position in its row's keeping order ({@code position}, from 1): a capped row
     * keeps the neighbours with the smallest hashes of (seed, node, neighbour), ties by neighbour. One order for
     * every cap, so rows are nested across hops and a node's row at a hop agrees in every part. Entries past the
     * largest cap are dropped (none when some hop keeps whole rows); without caps, no order is computed.
     */
    private static Dataset<Row> ranked(Dataset<Row> directed, int[] caps, long seed, List<Dataset<Row>> persisted) {
        int largest = 0;
        boolean whole = false;
        for (int cap : caps) {
            largest = Math.max(largest, cap);
            whole |= cap <= 0;
        }
        if (largest == 0) {
            return persist(persisted, directed);
        }
        UserDefinedFunction key =
                udf((UDF2<Long, Long, Long>) (node, nbr) -> capKey(seed, node, nbr), DataTypes.LongType);
        Dataset<Row> ranked = directed.withColumn(KEY, key.apply(col(NODE), col(NBR)))
                .withColumn(POSITION, row_number().over(Window.partitionBy(NODE).orderBy(col(KEY), col(NBR))));
        if (!whole) {
            ranked = ranked.where(col(POSITION).leq(largest));
        }
        return persist(persisted, ranked.select(NODE, NBR, W, POSITION));
    }

    /** The entries a hop capped at {@code cap} keeps (0: whole rows). */
    private static Dataset<Row> kept(Dataset<Row> ranked, int cap) {
        return cap > 0 ? ranked.where(col(POSITION).leq(cap)).select(NODE, NBR, W) : ranked.select(NODE, NBR, W);
    }

    /** The order in which a capped row keeps node {@code node}'s neighbours: smallest first. */
    static long capKey(long seed, long node, long nbr) {
        long salt = NodeBlocks.mix(seed ^ NodeBlocks.mix(node));
        return NodeBlocks.mix(salt + nbr);
    }

    /**
     * Counts each part's nodes, kept entries and pairs on the executors (small aggregates over persisted tables),
     * so the parts are assembled into arrays of the final size.
     */
    private static PartAssembler counted(
            Dataset<Row> nodes,
            Dataset<Row> pairs,
            PartIds ids,
            int[] caps,
            int width,
            Boolean floats,
            SparkSession spark) {
        Column keptLength = lit(0);
        for (int h = caps.length - 1; h >= 0; h--) {
            Column row = caps[h] > 0 ? least(col(LENGTH), lit(caps[h])) : col(LENGTH);
            keptLength = when(col(DISTANCE).equalTo(h), row).otherwise(keptLength);
        }
        int parts = ids.count();
        int[] nodeCounts = new int[parts];
        long[] entryCounts = new long[parts];
        int[] pairCounts = new int[parts];
        for (Row r : nodes.groupBy(PART)
                .agg(count(lit(1)), sum(keptLength.cast(DataTypes.LongType)))
                .collectAsList()) {
            nodeCounts[r.getInt(0)] = Math.toIntExact(r.getLong(1));
            entryCounts[r.getInt(0)] = r.getLong(2);
        }
        for (Row r : pairs.groupBy(PART).count().collectAsList()) {
            pairCounts[r.getInt(0)] = Math.toIntExact(r.getLong(1));
        }
        long largest = Arrays.stream(nodeCounts).max().orElse(0);
        long taskBytes = TaskMemory.bytesPerTask(spark.sparkContext());
        boolean floatsWhenExact = floats != null ? floats : largest * width * Double.BYTES > taskBytes / 4;
        LOG.info(
                "Largest part: {} nodes × {} features; {} MB per task: features held as {}",
                largest,
                width,
                taskBytes >> 20,
                floatsWhenExact ? "floats where every value is one" : "doubles");
        return new PartAssembler(ids, caps, width, nodeCounts, entryCounts, pairCounts, floatsWhenExact);
    }

    /** A map task's node rows ({@code part, node, distance, length, degree, features}) as one piece per part. */
    private static Iterator<Tuple2<Integer, NodePiece>> nodePieces(Iterator<Row> rows, int parts, int width) {
        NodePiece[] pieces = new NodePiece[parts];
        rows.forEachRemaining(r -> {
            int part = r.getInt(0);
            if (pieces[part] == null) {
                pieces[part] = new NodePiece(width);
            }
            pieces[part].add(r.getLong(1), r.getInt(2), r.getInt(3), r.getDouble(4), r.getList(5));
        });
        List<Tuple2<Integer, NodePiece>> out = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            if (pieces[k] != null) {
                out.add(new Tuple2<>(k, pieces[k]));
            }
        }
        return out.iterator();
    }

    /**
     * A map task's adjacency entries ({@code part, node, nbr, w}) or pairs ({@code part, src, dst}) as one piece
     * per part.
     */
    private static Iterator<Tuple2<Integer, LinkPiece>> linkPieces(Iterator<Row> rows, int parts, boolean pairs) {
        LinkPiece[] pieces = new LinkPiece[parts];
        rows.forEachRemaining(r -> {
            int part = r.getInt(0);
            if (pieces[part] == null) {
                pieces[part] = pairs ? LinkPiece.pairs() : LinkPiece.entries();
            }
            pieces[part].add(r.getLong(1), r.getLong(2), pairs ? 1.0 : r.getDouble(3));
        });
        List<Tuple2<Integer, LinkPiece>> out = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            if (pieces[k] != null) {
                out.add(new Tuple2<>(k, pieces[k]));
            }
        }
        return out.iterator();
    }

    private static Dataset<Row> persist(List<Dataset<Row>> persisted, Dataset<Row> table) {
        Dataset<Row> p = table.persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(p);
        return p;
    }

    /** Part {@code k} (an Integer key) to partition {@code k}. */
    static final class PartPartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int parts;

        PartPartitioner(int parts) {
            this.parts = parts;
        }

        @Override
        public int numPartitions() {
            return parts;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PartPartitioner p && p.parts == parts;
        }

        @Override
        public int hashCode() {
            return parts;
        }
    }
}
