// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.spark.graph.LocalGraph;
import io.github.gae4j.spark.graph.NodeBlocks;
import io.github.gae4j.spark.io.GraphTables;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Builds {@link Part}s with Spark joins only, nothing through the driver: adjacency lists grouped by node (both
 * directions of each training edge, sorted by neighbour), the seeds of each part (its owned nodes and its pairs'
 * endpoints) expanded hop by hop through them (capped rows per hop when the settings cap them, the kept neighbours
 * drawn as a function of (seed, node)), distinct per part, the features joined at the end, then grouped by part
 * with a partitioner that puts part {@code k} in partition {@code k}.
 *
 * <p>Rows of nodes at distance below the hops are kept (complete without caps); nodes at the last hop are border
 * rows (no neighbours, only features and the whole graph's degree). With caps off, the neighbourhood sampler on a
 * part's local graph therefore reproduces the whole-graph sampler's subgraph of any batch drawn inside the part.
 */
public final class PartBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(PartBuilder.class);

    private PartBuilder() {}

    /** Training parts: each part owns its nodes and the training edges whose {@code src} it owns. */
    public static PartSet training(
            Dataset<Row> train, GraphTables graph, DistributedSettings settings, int hops, long seed) {
        PartIds ids = PartIds.of(settings, seed);
        JavaPairRDD<Integer, long[]> pairs = train.select(GraphTables.SRC, GraphTables.DST)
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(ids.partOf(r.getLong(0)), new long[] {r.getLong(0), r.getLong(1)}));
        int width = graph.featureWidth();
        StorageLevel level = StorageLevel.MEMORY_AND_DISK();
        JavaPairRDD<Long, Adjacency> adjacency = train.select(GraphTables.SRC, GraphTables.DST, GraphTables.WEIGHT)
                .javaRDD()
                .flatMapToPair(r -> {
                    long s = r.getLong(0);
                    long d = r.getLong(1);
                    long w = Double.doubleToLongBits(r.getDouble(2));
                    return List.of(new Tuple2<>(s, new long[] {d, w}), new Tuple2<>(d, new long[] {s, w}))
                            .iterator();
                })
                .groupByKey()
                .mapValues(Adjacency::of)
                .persist(level);
        JavaPairRDD<Long, Integer> seeds =
                pairs.flatMapToPair(t -> List.of(new Tuple2<>(t._2()[0], t._1()), new Tuple2<>(t._2()[1], t._1()))
                        .iterator());
        JavaPairRDD<Long, double[]> features = graph.features()
                .select(GraphTables.ID, GraphTables.FEATURES)
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getLong(0), doubles(r.getList(1))));
        JavaPairRDD<Integer, Long> owned = features.keys().mapToPair(id -> new Tuple2<>(ids.partOf(id), id));
        seeds = seeds.union(owned.mapToPair(Tuple2::swap));
        List<JavaPairRDD<Long, Integer>> layers = new ArrayList<>();
        JavaPairRDD<Long, Integer> visited = seeds.distinct().persist(level);
        layers.add(visited);
        for (int h = 0; h < hops; h++) {
            int cap = settings.capAt(h);
            JavaPairRDD<Long, Integer> next = layers.get(h)
                    .join(adjacency)
                    .flatMapToPair(t -> {
                        Adjacency row = t._2()._2().capped(cap, seed, t._1());
                        List<Tuple2<Long, Integer>> out = new ArrayList<>(row.neighbours.length);
                        for (long v : row.neighbours) {
                            out.add(new Tuple2<>(v, t._2()._1()));
                        }
                        return out.iterator();
                    })
                    .distinct()
                    .subtract(visited)
                    .persist(level);
            layers.add(next);
            visited = visited.union(next);
        }
        JavaPairRDD<Long, int[]> located = null;
        for (int h = 0; h <= hops; h++) {
            int distance = h;
            JavaPairRDD<Long, int[]> layer = layers.get(h).mapValues(p -> new int[] {p, distance});
            located = located == null ? layer : located.union(layer);
        }
        int[] caps = new int[hops];
        for (int h = 0; h < hops; h++) {
            caps[h] = settings.capAt(h);
        }
        JavaPairRDD<Integer, NodeEntry> entries = located.leftOuterJoin(adjacency)
                .join(features)
                .mapToPair(t -> {
                    long id = t._1();
                    int[] where = t._2()._1()._1();
                    Optional<Adjacency> row = t._2()._1()._2();
                    double[] x = t._2()._2();
                    return new Tuple2<>(where[0], NodeEntry.of(id, where[1], row, caps, seed, x));
                });
        PartPartitioner partitioner = new PartPartitioner(ids.count());
        JavaRDD<Part> parts = entries.cogroup(pairs, owned, partitioner)
                .map(t -> assemble(t._1(), t._2()._1(), t._2()._2(), t._2()._3(), width))
                .persist(level);
        List<int[]> counts = parts.map(p -> new int[] {p.id(), p.pairCount(), p.ownedCount()})
                .collect();
        adjacency.unpersist(false);
        layers.forEach(l -> l.unpersist(false));
        int[] pairCounts = new int[ids.count()];
        int[] ownedCounts = new int[ids.count()];
        for (int[] c : counts) {
            pairCounts[c[0]] = c[1];
            ownedCounts[c[0]] = c[2];
        }
        long nodes = features.count();
        LOG.info(
                "Built {} parts over {} nodes: pairs per part {}, owned nodes per part {}",
                ids.count(),
                nodes,
                Arrays.toString(pairCounts),
                Arrays.toString(ownedCounts));
        return new PartSet(parts, ids, pairCounts, ownedCounts, nodes);
    }

    private static double[] doubles(List<Object> values) {
        double[] out = new double[values.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = ((Number) values.get(k)).doubleValue();
        }
        return out;
    }

    private static Part assemble(
            int id, Iterable<NodeEntry> nodeEntries, Iterable<long[]> pairList, Iterable<Long> ownedIds, int width) {
        List<NodeEntry> nodes = new ArrayList<>();
        nodeEntries.forEach(nodes::add);
        nodes.sort(Comparator.comparingLong(e -> e.id));
        int n = nodes.size();
        long[] nodeIds = new long[n];
        for (int i = 0; i < n; i++) {
            nodeIds[i] = nodes.get(i).id;
        }
        int[] rowPtr = new int[n + 1];
        int entriesCount = 0;
        boolean unit = true;
        for (int i = 0; i < n; i++) {
            NodeEntry e = nodes.get(i);
            entriesCount += e.neighbours.length;
            for (double w : e.weights) {
                unit &= w == 1.0;
            }
        }
        int[] cols = new int[entriesCount];
        double[] weights = new double[entriesCount];
        double[] degrees = new double[n];
        double[] rowScale = new double[n];
        double[] features = new double[n * width];
        int out = 0;
        for (int i = 0; i < n; i++) {
            NodeEntry e = nodes.get(i);
            for (int k = 0; k < e.neighbours.length; k++) {
                int c = Arrays.binarySearch(nodeIds, e.neighbours[k]);
                if (c < 0) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "Part %d: neighbour %d of node %d is not in the part's local graph",
                            id,
                            e.neighbours[k],
                            e.id));
                }
                cols[out] = c;
                weights[out++] = e.weights[k];
            }
            rowPtr[i + 1] = out;
            degrees[i] = e.degree;
            rowScale[i] = e.rowScale;
            if (e.features.length != width) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "Table features, column features: node %d has %d values, expected %d",
                        e.id,
                        e.features.length,
                        width));
            }
            System.arraycopy(e.features, 0, features, i * width, width);
        }
        LocalGraph graph =
                new LocalGraph(nodeIds, rowPtr, cols, unit ? null : weights, degrees, rowScale, width, features);
        List<long[]> pairs = new ArrayList<>();
        pairList.forEach(pairs::add);
        pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        long[] src = new long[pairs.size()];
        long[] dst = new long[pairs.size()];
        for (int k = 0; k < src.length; k++) {
            src[k] = pairs.get(k)[0];
            dst[k] = pairs.get(k)[1];
        }
        List<Long> ownedList = new ArrayList<>();
        ownedIds.forEach(ownedList::add);
        long[] owned = ownedList.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Part(id, graph, owned, src, dst);
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

    /** A node's whole adjacency list: neighbours ascending, their weights, and the weighted degree. */
    static final class Adjacency implements Serializable {
        private static final long serialVersionUID = 1L;
        final long[] neighbours;
        final double[] weights;
        final double degree;

        Adjacency(long[] neighbours, double[] weights, double degree) {
            this.neighbours = neighbours;
            this.weights = weights;
            this.degree = degree;
        }

        static Adjacency of(Iterable<long[]> entries) {
            List<long[]> list = new ArrayList<>();
            entries.forEach(list::add);
            list.sort(Comparator.comparingLong(e -> e[0]));
            long[] nbrs = new long[list.size()];
            double[] ws = new double[list.size()];
            double degree = 0;
            for (int k = 0; k < nbrs.length; k++) {
                nbrs[k] = list.get(k)[0];
                ws[k] = Double.longBitsToDouble(list.get(k)[1]);
            }
            // The whole graph's degree sums in neighbour order, as a CSR row sum does.
            for (double w : ws) {
                degree += w;
            }
            return new Adjacency(nbrs, ws, degree);
        }

        /**
         * The row kept at a hop capped at {@code cap} (0 = all): the {@code cap} neighbours with the smallest hashes
         * of (seed, node, neighbour), in neighbour order; nested across caps, so a node's rows agree in every part.
         */
        Adjacency capped(int cap, long seed, long node) {
            if (cap <= 0 || neighbours.length <= cap) {
                return this;
            }
            long salt = NodeBlocks.mix(seed ^ NodeBlocks.mix(node));
            Integer[] order = new Integer[neighbours.length];
            long[] keys = new long[neighbours.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
                keys[k] = NodeBlocks.mix(salt + neighbours[k]);
            }
            Arrays.sort(order, Comparator.comparingLong((Integer k) -> keys[k]).thenComparingInt(k -> k));
            int[] kept = new int[cap];
            for (int k = 0; k < cap; k++) {
                kept[k] = order[k];
            }
            Arrays.sort(kept);
            long[] nbrs = new long[cap];
            double[] ws = new double[cap];
            for (int k = 0; k < cap; k++) {
                nbrs[k] = neighbours[kept[k]];
                ws[k] = weights[kept[k]];
            }
            return new Adjacency(nbrs, ws, degree);
        }
    }

    /** A node of a part: its distance from the part's seeds, its kept row, its whole degree, its features. */
    static final class NodeEntry implements Serializable {
        private static final long serialVersionUID = 1L;
        final long id;
        final long[] neighbours;
        final double[] weights;
        final double degree;
        final double rowScale;
        final double[] features;

        NodeEntry(long id, long[] neighbours, double[] weights, double degree, double rowScale, double[] features) {
            this.id = id;
            this.neighbours = neighbours;
            this.weights = weights;
            this.degree = degree;
            this.rowScale = rowScale;
            this.features = features;
        }

        static NodeEntry of(long id, int distance, Optional<Adjacency> row, int[] caps, long seed, double[] x) {
            if (!row.isPresent()) {
                return new NodeEntry(id, new long[0], new double[0], 0.0, 1.0, x);
            }
            Adjacency whole = row.get();
            if (distance >= caps.length) {
                return new NodeEntry(id, new long[0], new double[0], whole.degree, 1.0, x);
            }
            Adjacency kept = whole.capped(caps[distance], seed, id);
            double keptWeight = 0;
            for (double w : kept.weights) {
                keptWeight += w;
            }
            double scale = kept == whole || keptWeight == 0 ? 1.0 : whole.degree / keptWeight;
            return new NodeEntry(id, kept.neighbours, kept.weights, whole.degree, scale, x);
        }
    }
}
