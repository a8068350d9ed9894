// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.io.GraphTables;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkSbmTest {

    private static final SparkSbm.Settings SMALL = new SparkSbm.Settings(
            300, 1500, 6, 16, SparkSbm.DEFAULT_WITHIN_SHARE, SparkSbm.DEFAULT_FEATURE_NOISE, 7L, 3);

    /** The small graph generated in 1 and in 5 partitions: edges and features, collected. */
    private List<Row> edges1;

    private List<Row> features1;
    private List<Row> edges5;
    private List<Row> features5;

    @BeforeAll
    void generate(SparkSession spark) {
        try (SparkSbm.Generated g = SparkSbm.generate(spark, SMALL.withPartitions(1))) {
            assertEquals(16, g.tables().featureWidth());
            edges1 = g.tables().edges().collectAsList();
            features1 = g.tables().features().collectAsList();
        }
        try (SparkSbm.Generated g = SparkSbm.generate(spark, SMALL.withPartitions(5))) {
            edges5 = g.tables().edges().collectAsList();
            features5 = g.tables().features().collectAsList();
        }
    }

    @Test
    void exactCountCanonicalPairsAndTheSameGraphWhateverThePartitionCount() {
        assertEquals(edges(edges1), edges(edges5), "edges differ between 1 and 5 partitions");
        assertEquals(features(features1), features(features5), "features differ between 1 and 5 partitions");
        assertEquals(1500, edges1.size());
        assertEquals(1500, new HashSet<>(edges(edges1)).size(), "duplicate pairs");
        assertEquals(300, features1.size());
        for (Row e : edges1) {
            long src = e.getLong(0);
            long dst = e.getLong(1);
            assertTrue(src < dst && src >= 0 && dst < 300, e.toString());
            assertEquals(1.0, e.getDouble(2));
        }
    }

    @Test
    void edgesAndFeaturesCarryTheCommunities() {
        long inside = edges5.stream()
                .filter(r -> SparkSbm.communityOf(r.getLong(0), 300, 6) == SparkSbm.communityOf(r.getLong(1), 300, 6))
                .count();
        // 0.9 of the slots fall inside; duplicates are a little more frequent there. Chance would give 1/6.
        assertTrue(inside >= 0.85 * 1500, "intra-community share " + inside / 1500.0);
        {
            List<Row> rows = features5;
            double[][] means = new double[6][16];
            int[] sizes = new int[6];
            for (Row r : rows) {
                int c = (int) SparkSbm.communityOf(r.getLong(0), 300, 6);
                List<Double> x = r.getList(1);
                assertEquals(16, x.size());
                sizes[c]++;
                for (int j = 0; j < 16; j++) {
                    means[c][j] += x.get(j);
                    assertEquals((double) (float) (double) x.get(j), x.get(j), "float precision");
                }
            }
            for (int c = 0; c < 6; c++) {
                assertEquals(50, sizes[c]);
                for (int j = 0; j < 16; j++) {
                    means[c][j] /= sizes[c];
                }
            }
            int right = 0;
            for (Row r : rows) {
                List<Double> x = r.getList(1);
                int best = -1;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < 6; c++) {
                    double d = 0;
                    for (int j = 0; j < 16; j++) {
                        d += (x.get(j) - means[c][j]) * (x.get(j) - means[c][j]);
                    }
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
                right += best == SparkSbm.communityOf(r.getLong(0), 300, 6) ? 1 : 0;
            }
            assertTrue(right >= 0.9 * 300, "nearest-centroid accuracy " + right / 300.0);
        }
    }

    @Test
    void denseGraphsStillGetTheExactCount(SparkSession spark) {
        // One block of 30 nodes (435 pairs), 100 edges: many duplicate slots, and no outside to draw from.
        SparkSbm.Settings single = new SparkSbm.Settings(30, 100, 1, 2, 0.9, 1.0, 3L, 2);
        try (SparkSbm.Generated g = SparkSbm.generate(spark, single)) {
            List<String> edges = edges(g.tables());
            assertEquals(100, edges.size());
            assertEquals(100, Set.copyOf(edges).size());
            assertTrue(g.slots() > 100);
        }
    }

    @Test
    void impossibleSizesAreRejectedWithTheOption() {
        ConfigException tooMany =
                assertThrows(ConfigException.class, () -> new SparkSbm.Settings(40, 400, 2, 1, 0.9, 1.0, 3L, 2));
        assertTrue(tooMany.getMessage().contains("'edges' (400)"), tooMany.getMessage());
        ConfigException blocks =
                assertThrows(ConfigException.class, () -> new SparkSbm.Settings(40, 10, 41, 1, 0.9, 1.0, 3L, 2));
        assertTrue(blocks.getMessage().contains("--blocks"), blocks.getMessage());
    }

    private static List<String> edges(GraphTables t) {
        return edges(t.edges().collectAsList());
    }

    private static List<String> edges(List<Row> rows) {
        return rows.stream()
                .map(r -> r.getLong(0) + " " + r.getLong(1) + " " + r.getDouble(2))
                .sorted()
                .toList();
    }

    private static List<String> features(List<Row> rows) {
        return rows.stream()
                .map(r -> r.getLong(0) + " " + r.getList(1))
                .sorted()
                .toList();
    }
}
