// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.tables.TableFormat;
import io.github.gae4j.datasets.tables.TablesLoader;
import io.github.gae4j.spark.SharedSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real cross-check of gae-datasets' {@code tables} loader: tables written by Spark (snappy Parquet folders of
 * part files, and CSV) read by both {@link GraphReader} and {@link TablesLoader} give the same nodes, undirected
 * edges and features.
 */
@ExtendWith(SharedSpark.class)
class TablesLoaderAgreesWithGraphReaderTest {

    @TempDir
    Path tmp;

    @Test
    void parquetPartFoldersAsSparkWritesThem(SparkSession spark) {
        Random random = new Random(20);
        String edges = tmp.resolve("edges.parquet").toString();
        String features = tmp.resolve("features.parquet").toString();
        edgeTable(spark, random).repartition(2).write().parquet(edges);
        StructType nodeSchema = new StructType()
                .add("id", DataTypes.LongType)
                .add("features", DataTypes.createArrayType(DataTypes.DoubleType));
        List<Row> nodes = new ArrayList<>();
        for (long id : ids()) {
            nodes.add(RowFactory.create(id, new double[] {random.nextGaussian(), id * 0.5, -1.25}));
        }
        spark.createDataFrame(nodes, nodeSchema).repartition(3).write().parquet(features);

        io.github.gae4j.spark.TestTables.assumeTablesLoaderCanReadParquet();
        assertSameGraph(spark, edges, features, null);
    }

    @Test
    void csvWithNumberedFeatureColumns(SparkSession spark) {
        Random random = new Random(21);
        String edges = tmp.resolve("edges.csv").toString();
        String features = tmp.resolve("features.csv").toString();
        edgeTable(spark, random).repartition(2).write().option("header", "true").csv(edges);
        StructType nodeSchema = new StructType()
                .add("id", DataTypes.LongType)
                .add("f0", DataTypes.DoubleType)
                .add("f1", DataTypes.DoubleType);
        List<Row> nodes = new ArrayList<>();
        for (long id : ids()) {
            nodes.add(RowFactory.create(id, random.nextDouble() / 3, (double) id));
        }
        spark.createDataFrame(nodes, nodeSchema)
                .repartition(2)
                .write()
                .option("header", "true")
                .csv(features);

        assertSameGraph(spark, edges, features, TableFormat.CSV);
    }

    /** Node ids: large, sparse, not in order. */
    private static long[] ids() {
        long[] ids = new long[40];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = 7_000_000_000L - 97L * ((k * 13) % ids.length);
        }
        return ids;
    }

    /** Random edges among {@link #ids()} with self-loops, duplicates and reversed rows, and weights. */
    private static Dataset<Row> edgeTable(SparkSession spark, Random random) {
        long[] ids = ids();
        StructType schema = new StructType()
                .add("src", DataTypes.LongType)
                .add("dst", DataTypes.LongType)
                .add("weight", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < 150; k++) {
            long a = ids[random.nextInt(ids.length)];
            long b = ids[random.nextInt(ids.length)];
            rows.add(RowFactory.create(a, b, 1.0 + random.nextInt(3)));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static void assertSameGraph(SparkSession spark, String edges, String features, TableFormat format) {
        GraphTables spark4 = GraphReader.read(spark, edges, features);
        Set<String> sparkEdges = new TreeSet<>();
        for (Row r : spark4.edges().collectAsList()) {
            sparkEdges.add(r.getLong(0) + "-" + r.getLong(1));
        }
        Map<Long, List<Double>> sparkFeatures = new TreeMap<>();
        for (Row r : spark4.features().collectAsList()) {
            sparkFeatures.put(r.getLong(0), r.getList(1));
        }
        spark4.edges().unpersist();
        spark4.features().unpersist();

        Graph g = new TablesLoader(Path.of(edges), Path.of(features), format).load();

        Set<String> loaded = new TreeSet<>();
        EdgeList e = g.upperTriangleEdges();
        for (int k = 0; k < e.size(); k++) {
            long a = Long.parseLong(g.nodeIds().get(e.src(k)));
            long b = Long.parseLong(g.nodeIds().get(e.dst(k)));
            loaded.add(Math.min(a, b) + "-" + Math.max(a, b));
        }
        assertThat(g.nodeCount()).isEqualTo(sparkFeatures.size());
        assertThat(loaded).isEqualTo(sparkEdges);
        double[] x = g.features().orElseThrow().toDense().toRowMajor();
        int d = g.features().orElseThrow().dim();
        assertThat(d).isEqualTo(spark4.featureWidth());
        int node = 0;
        for (Map.Entry<Long, List<Double>> row : sparkFeatures.entrySet()) { // ascending ids: node order
            assertThat(g.nodeIds().get(node)).isEqualTo(String.valueOf(row.getKey()));
            for (int j = 0; j < d; j++) {
                assertThat(x[node * d + j])
                        .as("node %d feature %d", row.getKey(), j)
                        .isEqualTo(row.getValue().get(j));
            }
            node++;
        }
    }
}
