// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.graph.LocalGraph;
import io.github.gae4j.spark.io.GraphTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The parts Spark builds equal a plain-Java construction from the definition: seeds (owned nodes, pairs' ends),
 * layers through rows capped by the (seed, node, neighbour) hash, kept rows to depth hops − 1, border rows after,
 * whole-graph degrees, capped rows scaled by degree / kept weight, pairs and owned nodes sorted.
 */
@ExtendWith(SharedSpark.class)
class PartBuilderTest {

    private static final long SEED = 11;

    @Test
    void weightedGraphWithCappedHalosAndRoundsMatchesTheDefinition(SparkSession spark) {
        Graph g = Graph.random(70, 260, true, false, 5);
        DistributedSettings settings = DistributedSettings.of(2).withRounds(2).withHaloCaps(3, 2);
        List<Part> parts = check(spark, g, settings, true);
        // Floats only where every value is one: these are doubles.
        assertThat(parts).allSatisfy(p -> assertThat(p.graph().floatFeatures()).isFalse());
        assertThat(parts).anySatisfy(p -> assertThat(p.graph().weights()).isNotNull());
        assertThat(parts.stream().flatMapToDouble(p -> Arrays.stream(p.graph().rowScale())))
                .anySatisfy(s -> assertThat(s).isGreaterThan(1.0));
    }

    @Test
    void unitGraphWithFloatFeaturesAndWholeRowsIsHeldAsFloats(SparkSession spark) {
        Graph g = Graph.random(60, 150, false, true, 6);
        List<Part> parts = check(spark, g, DistributedSettings.of(3), true);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.graph().floatFeatures()).isTrue();
            assertThat(p.graph().weights()).isNull();
            assertThat(p.graph().rowScale()).containsOnly(1.0);
        });
    }

    @Test
    void smallPartsKeepDoublesEvenWhenTheValuesAreFloats(SparkSession spark) {
        Graph g = Graph.random(40, 80, false, true, 7);
        List<Part> parts = check(spark, g, DistributedSettings.of(2), null);
        assertThat(parts).allSatisfy(p -> assertThat(p.graph().floatFeatures()).isFalse());
    }

    private static List<Part> check(SparkSession spark, Graph g, DistributedSettings settings, Boolean floats) {
        int hops = 2;
        PartSet set = PartBuilder.training(g.edges(spark), g.tables(spark), settings, hops, SEED, floats);
        try {
            List<Part> parts = new ArrayList<>(set.parts().collect());
            parts.sort(Comparator.comparingInt(Part::id));
            PartIds ids = PartIds.of(settings, SEED);
            assertThat(parts).extracting(Part::id).doesNotHaveDuplicates();
            assertThat(set.nodeCount()).isEqualTo(g.n);
            for (Part part : parts) {
                compare(part, g, ids, settings, hops);
                assertThat(set.pairCounts()[part.id()]).isEqualTo(part.pairCount());
                assertThat(set.ownedCounts()[part.id()]).isEqualTo(part.ownedCount());
            }
            assertThat(parts.stream().mapToInt(Part::ownedCount).sum()).isEqualTo(g.n);
            assertThat(parts.stream().mapToInt(Part::pairCount).sum()).isEqualTo(g.src.length);
            return parts;
        } finally {
            set.release();
        }
    }

    private static void compare(Part part, Graph g, PartIds ids, DistributedSettings settings, int hops) {
        int k = part.id();
        Map<Long, Integer> distance = new HashMap<>();
        List<long[]> pairs = new ArrayList<>();
        for (int e = 0; e < g.src.length; e++) {
            if (ids.partOf(g.src[e]) == k) {
                pairs.add(new long[] {g.src[e], g.dst[e]});
                distance.put(g.src[e], 0);
                distance.put(g.dst[e], 0);
            }
        }
        TreeSet<Long> owned = new TreeSet<>();
        for (long id = 0; id < g.n; id++) {
            if (ids.partOf(id) == k) {
                owned.add(id);
                distance.put(id, 0);
            }
        }
        for (int h = 0; h < hops; h++) {
            int depth = h;
            List<Long> layer = distance.entrySet().stream()
                    .filter(e -> e.getValue() == depth)
                    .map(Map.Entry::getKey)
                    .toList();
            for (long u : layer) {
                for (long v : g.kept(u, settings.capAt(h)).keySet()) {
                    distance.putIfAbsent(v, h + 1);
                }
            }
        }
        long[] nodes =
                distance.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        LocalGraph local = part.graph();
        assertThat(local.nodeIds()).as("part %d nodes", k).containsExactly(nodes);
        for (int i = 0; i < nodes.length; i++) {
            int d = distance.get(nodes[i]);
            TreeMap<Long, Double> row = d < hops ? g.kept(nodes[i], settings.capAt(d)) : new TreeMap<>();
            int from = local.rowPtr()[i];
            int to = local.rowPtr()[i + 1];
            long[] neighbours = new long[to - from];
            for (int p = from; p < to; p++) {
                neighbours[p - from] = nodes[local.cols()[p]];
                double w = local.weights() == null ? 1.0 : local.weights()[p];
                assertThat(w).isEqualTo(row.get(neighbours[p - from]));
            }
            assertThat(neighbours)
                    .as("row of node %d in part %d", nodes[i], k)
                    .containsExactly(
                            row.keySet().stream().mapToLong(Long::longValue).toArray());
            double degree = g.adjacency.getOrDefault(nodes[i], new TreeMap<>()).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            assertThat(local.degrees()[i]).isCloseTo(degree, within(1e-12));
            double kept = row.values().stream().mapToDouble(Double::doubleValue).sum();
            boolean capped = d < hops
                    && settings.capAt(d) > 0
                    && g.adjacency.getOrDefault(nodes[i], new TreeMap<>()).size() > settings.capAt(d);
            assertThat(local.rowScale()[i]).isCloseTo(capped ? degree / kept : 1.0, within(1e-12));
            double[] x = new double[g.width];
            double[] all = local.features().toDense().data();
            System.arraycopy(all, i * g.width, x, 0, g.width);
            assertThat(x).containsExactly(g.features[(int) nodes[i]]);
        }
        pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        assertThat(part.pairSrcIds())
                .containsExactly(pairs.stream().mapToLong(p -> p[0]).toArray());
        assertThat(part.pairDstIds())
                .containsExactly(pairs.stream().mapToLong(p -> p[1]).toArray());
        assertThat(part.owned())
                .containsExactly(owned.stream().mapToLong(Long::longValue).toArray());
    }

    /** A random graph on ids 0..n−1 with weights and features, and its rows as the definition caps them. */
    private static final class Graph {
        final int n;
        final int width = 3;
        final long[] src;
        final long[] dst;
        final double[] weight;
        final double[][] features;
        final Map<Long, TreeMap<Long, Double>> adjacency = new HashMap<>();

        private Graph(int n, long[] src, long[] dst, double[] weight, double[][] features) {
            this.n = n;
            this.src = src;
            this.dst = dst;
            this.weight = weight;
            this.features = features;
            for (int e = 0; e < src.length; e++) {
                adjacency.computeIfAbsent(src[e], u -> new TreeMap<>()).put(dst[e], weight[e]);
                adjacency.computeIfAbsent(dst[e], u -> new TreeMap<>()).put(src[e], weight[e]);
            }
        }

        /** Node 0 is a hub (rows longer than any cap); the last two nodes have no edges. */
        static Graph random(int n, int m, boolean weighted, boolean floatFeatures, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            TreeSet<Long> keys = new TreeSet<>();
            for (int v = 1; v < n - 2; v += 2) {
                keys.add((long) v);
            }
            while (keys.size() < m) {
                long a = random.nextInt(n - 2);
                long b = random.nextInt(n - 2);
                if (a != b) {
                    keys.add(Math.min(a, b) * n + Math.max(a, b));
                }
            }
            long[] src = new long[keys.size()];
            long[] dst = new long[keys.size()];
            double[] w = new double[keys.size()];
            int e = 0;
            for (long key : keys) {
                src[e] = key / n;
                dst[e] = key % n;
                w[e++] = weighted && random.nextBoolean() ? 0.25 + random.nextDouble() : 1.0;
            }
            double[][] x = new double[n][3];
            for (double[] row : x) {
                for (int j = 0; j < row.length; j++) {
                    double v = random.nextGaussian();
                    row[j] = floatFeatures ? (float) v : v;
                }
            }
            return new Graph(n, src, dst, w, x);
        }

        /** Node u's row at a hop capped at {@code cap}: the cap neighbours with the smallest (hash, id). */
        TreeMap<Long, Double> kept(long u, int cap) {
            TreeMap<Long, Double> whole = adjacency.getOrDefault(u, new TreeMap<>());
            if (cap <= 0 || whole.size() <= cap) {
                return whole;
            }
            List<Long> order = new ArrayList<>(whole.keySet());
            order.sort(Comparator.<Long>comparingLong(v -> PartBuilder.capKey(SEED, u, v))
                    .thenComparingLong(v -> v));
            TreeMap<Long, Double> out = new TreeMap<>();
            for (long v : order.subList(0, cap)) {
                out.put(v, whole.get(v));
            }
            return out;
        }

        Dataset<Row> edges(SparkSession spark) {
            List<Row> rows = new ArrayList<>();
            for (int e = 0; e < src.length; e++) {
                rows.add(RowFactory.create(src[e], dst[e], weight[e]));
            }
            return spark.createDataFrame(rows, TestTables.EDGES);
        }

        GraphTables tables(SparkSession spark) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(RowFactory.create((long) i, features[i]));
            }
            return new GraphTables(edges(spark), spark.createDataFrame(rows, TestTables.FEATURES), width);
        }
    }
}
