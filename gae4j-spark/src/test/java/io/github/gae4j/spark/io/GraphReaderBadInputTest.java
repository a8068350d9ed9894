// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.io;

import static io.github.gae4j.spark.io.GraphReaderTest.csv;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input is a TableException naming the table and the column, with counts and examples. */
@ExtendWith(SharedSpark.class)
class GraphReaderBadInputTest {

    @TempDir
    Path tmp;

    @Test
    void missingColumnsAreNamedWithThePresentOnes(SparkSession spark) throws IOException {
        String edges = csv(tmp, "e.csv", "source,dst", "1,2");
        assertThatThrownBy(() -> GraphReader.edges(GraphReader.readTable(spark, edges), edges))
                .isInstanceOf(TableException.class)
                .hasMessage("Table '" + edges + "', column 'src': missing (required: src, dst); present columns:"
                        + " [source, dst]");
        String nodes = csv(tmp, "n.csv", "id,x,y", "1,2,3");
        assertThatThrownBy(() -> GraphReader.features(GraphReader.readTable(spark, nodes), nodes))
                .isInstanceOf(TableException.class)
                .hasMessageStartingWith("Table '" + nodes + "': has no feature columns: expected 'features'")
                .hasMessageEndingWith("present: [id, x, y]");
    }

    @Test
    void nullAndNonIntegerIdsAreCounted(SparkSession spark) throws IOException {
        String edges = csv(tmp, "e.csv", "src,dst", "1,2", "2,", "3,", "4,5");
        assertThatThrownBy(() -> GraphReader.edges(GraphReader.readTable(spark, edges), edges))
                .isInstanceOf(TableException.class)
                .hasMessage("Table '" + edges + "', column 'dst': 2 of 4 rows have a null id");
        String words = csv(tmp, "w.csv", "src,dst", "1,2", "abc,2", "1.5,3", "7,8");
        assertThatThrownBy(() -> GraphReader.edges(GraphReader.readTable(spark, words), words))
                .isInstanceOf(TableException.class)
                .hasMessageStartingWith("Table '" + words + "', column 'src': 2 of 4 rows are not integer ids (e.g. '")
                .hasMessageEndingWith("'); node ids must be whole numbers (long)");
        StructType schema = new StructType().add("id", DataTypes.LongType).add("f0", DataTypes.DoubleType);
        Dataset<Row> nodes =
                spark.createDataFrame(List.of(RowFactory.create(null, 1.0), RowFactory.create(2L, 1.0)), schema);
        assertThatThrownBy(() -> GraphReader.features(nodes, "nodes"))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'nodes', column 'id': 1 of 2 rows have a null id");
    }

    @Test
    void duplicateFeatureIdsAreCountedWithExamples(SparkSession spark) throws IOException {
        String nodes = csv(tmp, "n.csv", "id,f0", "1,0", "2,0", "1,1", "3,0", "3,1", "3,2", "4,0");
        assertThatThrownBy(() -> GraphReader.features(GraphReader.readTable(spark, nodes), nodes))
                .isInstanceOf(TableException.class)
                .hasMessage("Table '" + nodes + "', column 'id': 2 ids appear more than once (5 of 7 rows; e.g. 1,"
                        + " 3); each node needs exactly one feature row");
    }

    @Test
    void edgeIdsWithoutFeatureRowsAreCountedWithExamples(SparkSession spark) throws IOException {
        String edges = csv(tmp, "e.csv", "src,dst", "1,2", "2,9", "7,1", "8,9", "10,1");
        String nodes = csv(tmp, "n.csv", "id,f0", "1,0", "2,0");
        assertThatThrownBy(() -> GraphReader.read(spark, edges, nodes))
                .isInstanceOf(TableException.class)
                .hasMessage("Table '" + edges + "', column 'src, dst': 4 node ids have no row in the features table '"
                        + nodes + "' (e.g. 7, 8, 9); every node needs features");
    }

    @Test
    void differingWidthsAreCountedPerWidth(SparkSession spark) throws IOException {
        String nodes = csv(tmp, "n.csv", "id,features", "1,1 0", "2,1 0 0", "3,0 1", "4,1", "5,0;1");
        assertThatThrownBy(() -> GraphReader.features(GraphReader.readTable(spark, nodes), nodes))
                .isInstanceOf(TableException.class)
                .hasMessage("Table '" + nodes + "', column 'features': feature rows differ in width (width=rows:"
                        + " {1=1, 2=3, 3=1}); every node needs the same number of features");
        String words = csv(tmp, "w.csv", "id,f0,f1", "1,0,1", "2,x,1", "3,1,");
        assertThatThrownBy(() -> GraphReader.features(GraphReader.readTable(spark, words), words))
                .isInstanceOf(TableException.class)
                .hasMessageStartingWith("Table '" + words + "', column 'f0..f1': 2 of 3 rows have a missing or"
                        + " non-numeric feature value (e.g. id ");
    }

    @Test
    void badSparseEntriesAreCounted(SparkSession spark) {
        Dataset<Row> raw = GraphReaderTest.sparse(
                spark,
                RowFactory.create(5L, new int[] {4, 0}, new double[] {2, 1}, 4),
                RowFactory.create(6L, new int[] {1}, new double[] {1}, 4));
        assertThatThrownBy(() -> GraphReader.features(raw, "sparse"))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'sparse', column 'indices, values, size': 1 rows have an index outside [0, size)"
                        + " (e.g. id 5)");
        Dataset<Row> nullValue = GraphReaderTest.sparse(
                spark,
                RowFactory.create(5L, new int[] {0}, new double[] {1}, 2),
                RowFactory.create(6L, new int[] {0, 1}, new Double[] {1.0, null}, 2));
        assertThatThrownBy(() -> GraphReader.features(nullValue, "sparse"))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'sparse', column 'indices, values, size': 1 rows have a null or non-numeric value"
                        + " (e.g. id 6)");
    }

    /** NaN and ±Infinity are counted with example ids in every feature form: array, text, sparse, f0..fk. */
    @Test
    void nonFiniteFeatureValuesAreCountedWithExampleIds(SparkSession spark) throws IOException {
        StructType schema = new StructType()
                .add("id", DataTypes.LongType)
                .add("features", DataTypes.createArrayType(DataTypes.DoubleType));
        Dataset<Row> arrays = spark.createDataFrame(
                List.of(
                        RowFactory.create(1L, new double[] {0, 1}),
                        RowFactory.create(2L, new double[] {Double.NaN, 1}),
                        RowFactory.create(3L, new double[] {0, Double.NEGATIVE_INFINITY}),
                        RowFactory.create(4L, new double[] {1, 1})),
                schema);
        assertThatThrownBy(() -> GraphReader.features(arrays, "arrays"))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'arrays', column 'features': 2 of 4 rows have a feature value that is NaN or"
                        + " infinite (e.g. ids 2, 3; id 2 has NaN at value 0); features must be finite numbers");
        String text = csv(tmp, "t.csv", "id,features", "1,0 1", "2,1 Infinity", "3,1 0");
        assertThatThrownBy(() -> GraphReader.features(GraphReader.readTable(spark, text), text))
                .isInstanceOf(TableException.class)
                .hasMessage("Table '" + text + "', column 'features': 1 of 3 rows have a feature value that is NaN"
                        + " or infinite (e.g. ids 2; id 2 has Infinity at value 1); features must be finite numbers");
        Dataset<Row> sparse = GraphReaderTest.sparse(
                spark,
                RowFactory.create(5L, new int[] {2}, new double[] {Double.POSITIVE_INFINITY}, 3),
                RowFactory.create(6L, new int[] {1}, new double[] {1}, 3));
        assertThatThrownBy(() -> GraphReader.features(sparse, "sparse"))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'sparse', column 'values': 1 of 2 rows have a feature value that is NaN or"
                        + " infinite (e.g. ids 5; id 5 has Infinity at value 2); features must be finite numbers");
        String columns = csv(tmp, "c.csv", "id,f0,f1", "1,0,1", "2,1,NaN", "3,-inf,0", "4,nan,1");
        assertThatThrownBy(() -> GraphReader.features(GraphReader.readTable(spark, columns), columns))
                .isInstanceOf(TableException.class)
                .hasMessage("Table '" + columns + "', column 'f0..f1': 3 of 4 rows have a feature value that is NaN"
                        + " or infinite (e.g. ids 2, 3, 4; id 2 has NaN at column f1); features must be finite"
                        + " numbers");
    }

    /** Weights must be finite and positive, as for gae's own edge files (an edge of weight 0 is no edge). */
    @Test
    void nonFiniteAndNonPositiveWeightsAreCounted(SparkSession spark) throws IOException {
        StructType schema = new StructType()
                .add("src", DataTypes.LongType)
                .add("dst", DataTypes.LongType)
                .add("weight", DataTypes.DoubleType);
        Dataset<Row> nan = spark.createDataFrame(
                List.of(
                        RowFactory.create(1L, 2L, 1.0),
                        RowFactory.create(2L, 3L, Double.NaN),
                        RowFactory.create(3L, 4L, Double.POSITIVE_INFINITY)),
                schema);
        assertThatThrownBy(() -> GraphReader.edges(nan, "nan"))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'nan', column 'weight': 2 of 3 rows have a weight that is not a finite number"
                        + " (e.g. 'NaN, Infinity')");
        String zero = csv(tmp, "z.csv", "src,dst,weight", "1,2,1", "2,3,0", "3,4,-0.5", "4,5,2", "5,6,-0.0");
        assertThatThrownBy(() -> GraphReader.edges(GraphReader.readTable(spark, zero), zero))
                .isInstanceOf(TableException.class)
                .hasMessage("Table '" + zero + "', column 'weight': 3 of 5 rows have a weight <= 0 (e.g. 2-3: 0,"
                        + " 3-4: -0.5, 5-6: -0.0); edge weights must be positive (drop the rows of absent edges)");
    }
}
