// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.split.SplitTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Single-machine graphs and splits as gae-spark's tables, for tests that compare the two: node {@code i} of the
 * gae4j graph has id {@code i} (a long), so results map back by index.
 */
public final class TestTables {

    /**
     * Skips the rest of a test that reads Parquet through gae-datasets' tables loader when the parquet-java on this
     * class path is older than 1.14 (no {@code LocalInputFile}): under {@code -Pspark-3.5} Spark's parquet-java
     * 1.13 replaces the loader's 1.17 here. {@code gae} itself always runs the loader with its own 1.17.
     */
    public static void assumeTablesLoaderCanReadParquet() {
        boolean present;
        try {
            Class.forName("org.apache.parquet.io.LocalInputFile", false, TestTables.class.getClassLoader());
            present = true;
        } catch (ClassNotFoundException e) {
            present = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                present,
                "parquet-java on this class path is older than 1.14 (Spark 3.5 ships 1.13): the tables loader reads"
                        + " Parquet with its own 1.17 in gae, not with Spark's");
    }

    public static final StructType EDGES = new StructType()
            .add(GraphTables.SRC, DataTypes.LongType, false)
            .add(GraphTables.DST, DataTypes.LongType, false)
            .add(GraphTables.WEIGHT, DataTypes.DoubleType, false);
    public static final StructType PAIRS = new StructType()
            .add(GraphTables.SRC, DataTypes.LongType, false)
            .add(GraphTables.DST, DataTypes.LongType, false);
    public static final StructType FEATURES = new StructType()
            .add(GraphTables.ID, DataTypes.LongType, false)
            .add(GraphTables.FEATURES, DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private TestTables() {}

    /** The graph's undirected edges (each once, src < dst, weight 1) and its dense features. */
    public static GraphTables of(SparkSession spark, Graph graph) {
        Features x = graph.features().orElseThrow(() -> new IllegalArgumentException("The graph has no features"));
        return new GraphTables(edges(spark, graph.upperTriangleEdges(), true), features(spark, x), x.dim());
    }

    /** The single-machine split as tables: its training edges, its validation and test pairs, the graph's features. */
    public static SplitTables of(SparkSession spark, LinkSplit split) {
        Graph train = split.trainGraph();
        Features x = train.features().orElseThrow(() -> new IllegalArgumentException("The graph has no features"));
        GraphTables graph =
                new GraphTables(edges(spark, train.upperTriangleEdges(), true), features(spark, x), x.dim());
        return new SplitTables(
                graph.edges(),
                edges(spark, split.valPositives(), false),
                edges(spark, split.valNegatives(), false),
                edges(spark, split.testPositives(), false),
                edges(spark, split.testNegatives(), false),
                graph);
    }

    /** Pairs as a table, each with src < dst; with {@code weighted} a weight column of 1. */
    public static Dataset<Row> edges(SparkSession spark, EdgeList pairs, boolean weighted) {
        List<Row> rows = new ArrayList<>(pairs.size());
        for (int k = 0; k < pairs.size(); k++) {
            long a = Math.min(pairs.src(k), pairs.dst(k));
            long b = Math.max(pairs.src(k), pairs.dst(k));
            rows.add(weighted ? RowFactory.create(a, b, 1.0) : RowFactory.create(a, b));
        }
        return spark.createDataFrame(rows, weighted ? EDGES : PAIRS);
    }

    /** One row per node: id i, its features as doubles. */
    public static Dataset<Row> features(SparkSession spark, Features x) {
        Matrix dense = x.toDense();
        List<Row> rows = new ArrayList<>(dense.rows());
        for (int i = 0; i < dense.rows(); i++) {
            double[] row = new double[dense.cols()];
            for (int j = 0; j < row.length; j++) {
                row[j] = dense.get(i, j);
            }
            rows.add(RowFactory.create((long) i, row));
        }
        return spark.createDataFrame(rows, FEATURES);
    }
}
