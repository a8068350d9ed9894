// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.split;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.datasets.linqs.LinqsLoader;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.io.TableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SparkLinkSplitTest {

    /** A random graph of 400 nodes (ids 7k + 3, not contiguous) and 1,600 edges. */
    private static GraphTables randomGraph(SparkSession spark, int partitions) {
        SplittableRandom rng = new SplittableRandom(11);
        Set<List<Long>> pairs = new HashSet<>();
        while (pairs.size() < 1600) {
            long a = 7L * rng.nextInt(400) + 3;
            long b = 7L * rng.nextInt(400) + 3;
            if (a != b) {
                pairs.add(List.of(Math.min(a, b), Math.max(a, b)));
            }
        }
        List<Row> edges = new ArrayList<>();
        for (List<Long> p : pairs) {
            edges.add(RowFactory.create(p.get(0), p.get(1), 1.0));
        }
        List<Row> nodes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            nodes.add(RowFactory.create(7L * i + 3, new double[] {i}));
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

    /**
     * Counts exact, parts disjoint, no leakage, negatives no edges; the same seed gives the same split with 1 and 4
     * partitions, another seed another one.
     */
    @Test
    void countsAreExactWithoutLeakageAndTheSplitDependsOnTheSeedAlone(SparkSession spark) {
        GraphTables graph = randomGraph(spark, 4);
        List<Set<List<Long>>> four = parts(SparkLinkSplit.split(graph, 0.05, 0.10, 7));
        Set<List<Long>> all = pairs(graph.edges());
        Set<List<Long>> train = four.get(0);
        Set<List<Long>> val = four.get(1);
        Set<List<Long>> valNeg = four.get(2);
        Set<List<Long>> test = four.get(3);
        Set<List<Long>> testNeg = four.get(4);
        assertThat(test).hasSize(160);
        assertThat(val).hasSize(80);
        assertThat(train).hasSize(1600 - 240);
        assertThat(testNeg).hasSize(160);
        assertThat(valNeg).hasSize(80);
        Set<List<Long>> union = new HashSet<>(train);
        union.addAll(val);
        union.addAll(test);
        assertThat(union).isEqualTo(all);
        assertThat(train).doesNotContainAnyElementsOf(val).doesNotContainAnyElementsOf(test);
        assertThat(val).doesNotContainAnyElementsOf(test);
        assertThat(valNeg).doesNotContainAnyElementsOf(testNeg).doesNotContainAnyElementsOf(all);
        assertThat(testNeg).doesNotContainAnyElementsOf(all);
        for (Set<List<Long>> negatives : List.of(valNeg, testNeg)) {
            for (List<Long> p : negatives) {
                assertThat(p.get(0)).isLessThan(p.get(1));
                assertThat((p.get(0) - 3) % 7).isZero();
                assertThat((p.get(1) - 3) % 7).isZero();
                assertThat(p.get(1)).isLessThan(7L * 400);
            }
        }

        List<Set<List<Long>>> one = parts(SparkLinkSplit.split(randomGraph(spark, 1), 0.05, 0.10, 7));
        assertThat(one).isEqualTo(four);
        List<Set<List<Long>>> other = parts(SparkLinkSplit.split(graph, 0.05, 0.10, 8));
        assertThat(other.get(1)).isNotEqualTo(four.get(1));
        assertThat(other.get(3)).isNotEqualTo(four.get(3));
        assertThat(other.get(4)).isNotEqualTo(four.get(4));
    }

    @Test
    void tooFewEdgesTooDenseGraphsAndBadFractionsFailClearly(SparkSession spark) {
        List<Row> edges = new ArrayList<>();
        List<Row> nodes = new ArrayList<>();
        for (long a = 0; a < 8; a++) {
            nodes.add(RowFactory.create(a, new double[] {1}));
            for (long b = a + 1; b < 8; b++) {
                edges.add(RowFactory.create(a, b, 1.0));
            }
        }
        GraphTables complete = new GraphTables(
                spark.createDataFrame(edges, TestTables.EDGES), spark.createDataFrame(nodes, TestTables.FEATURES), 1);
        assertThatThrownBy(() -> SparkLinkSplit.split(complete, 0.05, 0.10, 1))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'edges': the graph (8 nodes, 28 edges) is too dense to sample 3 negative pairs"
                        + " (only 0 non-edges)");
        GraphTables tiny = new GraphTables(
                spark.createDataFrame(edges.subList(0, 5), TestTables.EDGES),
                spark.createDataFrame(nodes, TestTables.FEATURES),
                1);
        assertThatThrownBy(() -> SparkLinkSplit.split(tiny, 0.05, 0.10, 1))
                .isInstanceOf(TableException.class)
                .hasMessage("Table 'edges': 5 edges: too few for a link split with 10% test edges, which needs at"
                        + " least 10 edges");
        assertThatThrownBy(() -> SparkLinkSplit.split(tiny, 0.5, 0.5, 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("validation + test < 1");
    }

    /** On Cora the counts are LinkSplit's: 5,278 edges give 527 test, 263 validation, as many negatives. */
    @Test
    void onCoraTheCountsAreLinkSplits(SparkSession spark) {
        Optional<Path> cora = DataDirectories.find()
                .map(r -> r.resolve("linqs").resolve("cora"))
                .filter(Files::isDirectory);
        Assumptions.assumeTrue(
                cora.isPresent(), "Cora not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Graph graph = new LinqsLoader(cora.get()).load();
        LinkSplit reference = LinkSplit.of(graph, 0.05, 0.10, 3);
        // The split reads edges and node ids only: one feature per node keeps the table small.
        List<Row> nodes = new ArrayList<>();
        for (int i = 0; i < graph.nodeCount(); i++) {
            nodes.add(RowFactory.create((long) i, new double[] {0}));
        }
        GraphTables tables = new GraphTables(
                TestTables.edges(spark, graph.upperTriangleEdges(), true),
                spark.createDataFrame(nodes, TestTables.FEATURES),
                1);
        SplitTables split = SparkLinkSplit.split(tables, 0.05, 0.10, 3);
        List<Set<List<Long>>> parts = parts(split);
        assertThat(parts.get(0)).hasSize(reference.trainPositives().size());
        assertThat(parts.get(1)).hasSize(reference.valPositives().size());
        assertThat(parts.get(2)).hasSize(reference.valNegatives().size());
        assertThat(parts.get(3)).hasSize(reference.testPositives().size());
        assertThat(parts.get(4)).hasSize(reference.testNegatives().size());
        assertThat(parts.get(3)).hasSize(527);
        assertThat(parts.get(1)).hasSize(263);
    }

    /** train, val+, val-, test+, test- as sets, collected in one job; no part holds a pair twice. */
    private static List<Set<List<Long>>> parts(SplitTables split) {
        Dataset<Row> tagged = split.train()
                .select(col("src"), col("dst"), lit(0))
                .union(split.valPositives().select(col("src"), col("dst"), lit(1)))
                .union(split.valNegatives().select(col("src"), col("dst"), lit(2)))
                .union(split.testPositives().select(col("src"), col("dst"), lit(3)))
                .union(split.testNegatives().select(col("src"), col("dst"), lit(4)));
        List<Set<List<Long>>> parts = new ArrayList<>();
        int[] sizes = new int[5];
        for (int k = 0; k < 5; k++) {
            parts.add(new HashSet<>());
        }
        for (Row r : tagged.collectAsList()) {
            parts.get(r.getInt(2)).add(List.of(r.getLong(0), r.getLong(1)));
            sizes[r.getInt(2)]++;
        }
        for (int k = 0; k < 5; k++) {
            assertThat(parts.get(k)).hasSize(sizes[k]);
        }
        return parts;
    }

    private static Set<List<Long>> pairs(Dataset<Row> table) {
        Set<List<Long>> pairs = new HashSet<>();
        for (Row r : table.select("src", "dst").collectAsList()) {
            pairs.add(List.of(r.getLong(0), r.getLong(1)));
        }
        return pairs;
    }
}
