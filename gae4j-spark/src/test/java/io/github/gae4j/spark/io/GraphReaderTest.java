// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class GraphReaderTest {

    @TempDir
    Path tmp;

    static String csv(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file.toString();
    }

    /** CSV edges without weights: self-loops dropped, duplicates and reversed rows merged; f0..fk features. */
    @Test
    void csvTablesBecomeCanonical(SparkSession spark) throws IOException {
        String edges = csv(tmp, "edges.csv", "src,dst,label", "1,2,a", "2,1,b", "3,3,c", "2,3,d", "1,2,e", " 4 ,1,f");
        String features = csv(tmp, "nodes.csv", "f1,id,f0,f2", "0.5,1,1,0", "1,2,0,0", "0,3,2.5,1", "1e-3,4,-1,0");
        GraphTables graph = GraphReader.read(spark, edges, features);
        assertThat(graph.featureWidth()).isEqualTo(3);
        assertThat(edgeMap(graph.edges())).isEqualTo(Map.of("1-2", 1.0, "2-3", 1.0, "1-4", 1.0));
        assertThat(featureMap(graph.features()))
                .isEqualTo(Map.of(
                        1L, List.of(1.0, 0.5, 0.0),
                        2L, List.of(0.0, 1.0, 0.0),
                        3L, List.of(2.5, 0.0, 1.0),
                        4L, List.of(-1.0, 0.001, 0.0)));
        assertThat(graph.edges().schema()).isEqualTo(io.github.gae4j.spark.TestTables.EDGES.asNullable());
    }

    /** Parquet: integer ids, a weight (largest kept on merge), array<float> features; text features in CSV. */
    @Test
    void parquetArraysAndTextFeaturesAreRead(SparkSession spark) {
        StructType edgeSchema = new StructType()
                .add("src", DataTypes.IntegerType)
                .add("dst", DataTypes.IntegerType)
                .add("weight", DataTypes.FloatType);
        String edges = tmp.resolve("edges.parquet").toString();
        spark.createDataFrame(
                        List.of(
                                RowFactory.create(2, 1, 0.5f),
                                RowFactory.create(1, 2, 2.0f),
                                RowFactory.create(3, 2, 1.5f)),
                        edgeSchema)
                .write()
                .parquet(edges);
        StructType featureSchema = new StructType()
                .add("id", DataTypes.LongType)
                .add("features", DataTypes.createArrayType(DataTypes.FloatType));
        String features = tmp.resolve("features").toString();
        spark.createDataFrame(
                        List.of(
                                RowFactory.create(1L, new float[] {1, 2}),
                                RowFactory.create(2L, new float[] {3, 4}),
                                RowFactory.create(3L, new float[] {0.25f, 0})),
                        featureSchema)
                .write()
                .parquet(features);
        GraphTables graph = GraphReader.read(spark, edges, features);
        assertThat(edgeMap(graph.edges())).isEqualTo(Map.of("1-2", 2.0, "2-3", 1.5));
        assertThat(featureMap(graph.features())).containsEntry(3L, List.of(0.25, 0.0));

        Dataset<Row> text = spark.createDataFrame(
                List.of(RowFactory.create("1", "0.5 1;0"), RowFactory.create("2", "  1 ; 2  3 ")),
                new StructType().add("id", DataTypes.StringType).add("features", DataTypes.StringType));
        assertThat(featureMap(GraphReader.features(text, "text")))
                .isEqualTo(Map.of(1L, List.of(0.5, 1.0, 0.0), 2L, List.of(1.0, 2.0, 3.0)));
    }

    /** Sparse columns indices/values/size are densified. */
    @Test
    void sparseFeaturesAreDensified(SparkSession spark) {
        Dataset<Row> raw = sparse(
                spark,
                RowFactory.create(5L, new int[] {3, 0}, new double[] {2, 1}, 4),
                RowFactory.create(6L, new int[] {}, new double[] {}, 4));
        assertThat(featureMap(GraphReader.features(raw, "sparse")))
                .isEqualTo(Map.of(5L, List.of(1.0, 0.0, 0.0, 2.0), 6L, List.of(0.0, 0.0, 0.0, 0.0)));
    }

    @Test
    void theWriterRefusesToReplaceAPathWithoutForce(SparkSession spark) {
        String out = tmp.resolve("z.parquet").toString();
        Dataset<Row> one = spark.range(3).toDF("node_id");
        TableWriter.parquet(one, out, false);
        assertThatThrownBy(() -> TableWriter.parquet(spark.range(5).toDF("node_id"), out, false))
                .isInstanceOf(ConfigException.class)
                .hasMessage(out + ": exists; pass --force to replace it (--out)");
        assertThat(spark.read().parquet(out).count()).isEqualTo(3);
        TableWriter.parquet(spark.range(5).toDF("node_id"), out, true);
        assertThat(spark.read().parquet(out).count()).isEqualTo(5);
    }

    @Test
    void theFormatFollowsTheName() {
        assertThat(GraphReader.Format.of("s3a://b/edges.CSV")).isEqualTo(GraphReader.Format.CSV);
        assertThat(GraphReader.Format.of("/d/edges.csv.gz")).isEqualTo(GraphReader.Format.CSV);
        assertThat(GraphReader.Format.of("/d/edges/")).isEqualTo(GraphReader.Format.PARQUET);
        assertThat(GraphReader.Format.of("/d/edges.parquet")).isEqualTo(GraphReader.Format.PARQUET);
    }

    /** A sparse feature table: id, indices, values, size. */
    static Dataset<Row> sparse(SparkSession spark, Row... rows) {
        StructType schema = new StructType()
                .add("id", DataTypes.LongType)
                .add("indices", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("values", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("size", DataTypes.IntegerType);
        return spark.createDataFrame(List.of(rows), schema);
    }

    static Map<String, Double> edgeMap(Dataset<Row> edges) {
        Map<String, Double> map = new TreeMap<>();
        for (Row r : edges.collectAsList()) {
            map.put(r.getLong(0) + "-" + r.getLong(1), r.getDouble(2));
        }
        return map;
    }

    static Map<Long, List<Double>> featureMap(Dataset<Row> features) {
        Map<Long, List<Double>> map = new TreeMap<>();
        for (Row r : features.collectAsList()) {
            map.put(r.getLong(0), r.getList(1));
        }
        return map;
    }
}
