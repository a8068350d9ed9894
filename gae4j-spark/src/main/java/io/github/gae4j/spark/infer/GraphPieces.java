// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.github.gae4j.spark.graph.NodeBlocks;
import io.github.gae4j.spark.io.GraphTables;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * The tables both ways of inference start from: the edges in both directions, each node's whole-graph weighted
 * degree (Â's values are the whole graph's), and block-keyed combiners of node rows and edges, partitioned so that
 * block {@code b} lives in partition {@code b}.
 */
final class GraphPieces {

    static final String BLOCK = "block";
    static final String DEGREE = "degree";
    static final String TAG = "tag";

    private GraphPieces() {}

    /** Every node of the features table: {@code id}, {@code degree} (0 without edges), {@code features}. */
    static Dataset<Row> nodes(GraphTables graph, Dataset<Row> directed) {
        Dataset<Row> degrees = directed.groupBy(col(GraphTables.SRC).as("degree_id"))
                .agg(sum(col(GraphTables.WEIGHT)).as(DEGREE));
        return graph.features()
                .join(degrees, col(GraphTables.ID).equalTo(col("degree_id")), "left_outer")
                .select(col(GraphTables.ID), coalesce(col(DEGREE), lit(0.0)).as(DEGREE), col(GraphTables.FEATURES));
    }

    /** The block of a long column's node. */
    static Column blockOf(NodeBlocks blocks, Column id) {
        UserDefinedFunction udf = functions.udf((UDF1<Long, Integer>) blocks::blockOf, DataTypes.IntegerType);
        return udf.apply(id);
    }

    /**
     * Rows {@code block}, {@code id}, {@code degree}, {@code tag} (int), {@code features} gathered per block, each
     * block's nodes ordered by id.
     */
    static JavaPairRDD<Integer, NodeRows> nodeRows(Dataset<Row> rows, int width, Partitioner partitioner) {
        Dataset<Row> selected =
                rows.select(col(BLOCK), col(GraphTables.ID), col(DEGREE), col(TAG), col(GraphTables.FEATURES));
        return selected.javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getInt(0), r))
                .aggregateByKey(
                        new NodeRows(width),
                        partitioner,
                        (buffer, r) -> buffer.add(r, 4, r.getLong(1), r.getDouble(2), r.getInt(3)),
                        NodeRows::merge)
                .mapValues(NodeRows::sorted);
    }

    /** Rows {@code block}, {@code src}, {@code dst}, {@code weight} gathered per block. */
    static JavaPairRDD<Integer, EdgeRows> edgeRows(Dataset<Row> rows, Partitioner partitioner) {
        Dataset<Row> selected =
                rows.select(col(BLOCK), col(GraphTables.SRC), col(GraphTables.DST), col(GraphTables.WEIGHT));
        return selected.javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getInt(0), r))
                .aggregateByKey(
                        new EdgeRows(),
                        partitioner,
                        (buffer, r) -> buffer.add(r.getLong(1), r.getLong(2), r.getDouble(3)),
                        EdgeRows::merge);
    }
}
