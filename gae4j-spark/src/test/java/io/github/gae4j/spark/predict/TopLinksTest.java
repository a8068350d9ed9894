// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.datasets.synthetic.StochasticBlockModel;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.PredictorOptions;
import io.github.gae4j.runtime.predict.ScoredPair;
import io.github.gae4j.runtime.predict.SearchMode;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.model.ModelCarrier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed top-k against single-machine {@link LinkPredictor} on a 2,000-node SBM graph with features and a GAE
 * trained for a few epochs: all-pairs equals the exact per-node top-k; 2-hop without caps equals the exact top-k
 * restricted to 2-hop candidates (computed here on the driver); neither depends on the partitioning.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopLinksTest {

    static final StructType EMBEDDINGS = new StructType()
            .add(TopLinks.NODE_ID, DataTypes.LongType, false)
            .add(TopLinks.Z, DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private static final int K = 10;
    private static final long SEED = 7L;

    private LinkSplit split;
    private Matrix z;
    private PairScorer scorer;
    private DecoderCarrier decoder;
    private Dataset<Row> embeddings;
    private Dataset<Row> trainEdges;

    @BeforeAll
    void trainOnTheDriver(SparkSession spark) {
        Graph graph = StochasticBlockModel.builder()
                .nodes(2000)
                .communities(40)
                .pIn(0.12)
                .pOut(0.0006)
                .featureDim(32)
                .seed(SEED)
                .build()
                .generate();
        split = LinkSplit.of(graph, SEED);
        TrainerConfig config =
                TrainerConfig.builder().epochs(20).seed(SEED).evalEvery(0).build();
        ModelCarrier carrier =
                ModelCarrier.of(new ModelDescription(ModelSpec.gae(), config), 32, graph.nodeCount(), SEED);
        GraphAutoencoder model = carrier.assemble();
        try (Parallelism parallelism = Parallelism.of(2)) {
            new Trainer(config, parallelism).fit(model, split);
            z = model.embed(GraphInput.of(split.trainGraph()), parallelism);
        }
        scorer = model.decoder().scorer(z);
        decoder = DecoderCarrier.of(carrier, model);
        embeddings = embeddingTable(spark, z);
        trainEdges = TestTables.edges(spark, split.trainPositives(), true);
    }

    @Test
    void allPairsEqualsTheSingleMachineExactTopK() {
        Map<String, List<Link>> expected = singleMachine(split.trainGraph(), z, scorer, split.trainPositives());
        List<Row> distributed = TopLinks.allPairs(embeddings, trainEdges, decoder, K, new Blocking(4, 3, SEED))
                .collectAsList();
        assertSameLinks(distributed, expected, z.rows());

        // Other blocks, partitions and input partitioning: the same rows, bit for bit.
        List<Row> other = TopLinks.allPairs(
                        embeddings.repartition(5), trainEdges.repartition(3), decoder, K, new Blocking(3, 7, 99))
                .collectAsList();
        assertThat(other).isEqualTo(distributed);

        // The graph's top links (gae predict --top): each pair once, ranked over the whole graph.
        List<Link> graphTop =
                predictor(split.trainGraph(), z, scorer, split.trainPositives()).topK(50);
        assertSameGraphTop(
                TopLinks.allPairsGraphTop(embeddings, trainEdges, decoder, 50, new Blocking(4, 3, SEED))
                        .collectAsList(),
                graphTop);
    }

    @Test
    void twoHopWithoutCapsEqualsTheExactTopKAmongTwoHopCandidates() {
        int n = z.rows();
        List<Set<Integer>> twoHop = twoHopCandidates(n, split.trainPositives());
        Map<String, List<Link>> exact = singleMachine(split.trainGraph(), z, scorer, split.trainPositives());
        Map<String, List<Link>> expected = new java.util.LinkedHashMap<>();
        long inside = 0;
        long wholly = 0;
        for (int u = 0; u < n; u++) {
            List<ScoredPair> ranked = new ArrayList<>();
            for (int x : twoHop.get(u)) {
                ranked.add(new ScoredPair(u, x, scorer.logit(u, x)));
            }
            ranked.sort(ScoredPair.RANKING);
            List<Link> top = new ArrayList<>();
            for (ScoredPair p : ranked.subList(0, Math.min(K, ranked.size()))) {
                top.add(new Link(String.valueOf(u), String.valueOf(p.target()), p.probability()));
            }
            expected.put(String.valueOf(u), top);
            Set<Integer> near = twoHop.get(u);
            long hits = exact.get(String.valueOf(u)).stream()
                    .filter(l -> near.contains(Integer.parseInt(l.target())))
                    .count();
            inside += hits;
            wholly += hits == K ? 1 : 0;
        }
        double meanCandidates = twoHop.stream().mapToInt(Set::size).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "2-hop candidates: %.1f per node on average (of %d); exact top-%d links within 2 hops: %.1f%%, nodes"
                        + " whose whole exact top-%d lies within 2 hops: %.1f%%%n",
                meanCandidates,
                n - 1,
                K,
                100.0 * inside / ((long) K * n),
                K,
                100.0 * wholly / n);

        // Equal to the one reference, so independent of partitioning (the capped test reruns on other partitions).
        List<Row> distributed = TopLinks.twoHop(
                        embeddings.repartition(7), trainEdges.repartition(5), trainEdges, decoder, K, HopCaps.off())
                .collectAsList();
        assertSameLinks(distributed, expected, n);
    }

    @Test
    void cappedTwoHopKeepsToTheNeighbourhoodAndIsDeterministic() {
        int n = z.rows();
        List<Set<Integer>> twoHop = twoHopCandidates(n, split.trainPositives());
        HopCaps caps = new HopCaps(3, 4, 11L);
        List<Row> capped = TopLinks.twoHop(embeddings, trainEdges, trainEdges, decoder, K, caps)
                .collectAsList();
        List<Row> again = TopLinks.twoHop(
                        embeddings.repartition(3), trainEdges.repartition(6), trainEdges, decoder, K, caps)
                .collectAsList();
        assertThat(again).isEqualTo(capped);
        assertThat(capped).isNotEmpty();
        for (Row row : capped) {
            int u = (int) row.getLong(0);
            int x = (int) row.getLong(1);
            assertThat(twoHop.get(u)).contains(x);
            assertThat(row.getDouble(2)).isCloseTo(ScoredPair.probability(scorer.logit(u, x)), within(1e-12));
        }
        // At most c1 first hops of c2 + 1 nodes each: the lists are no longer than that.
        assertThat(countPerSource(capped, n)).allMatch(c -> c <= Math.min(K, 3 * (4 + 1)));
    }

    @Test
    void writesParquetAndRefusesToOverwriteWithoutForce(@TempDir Path dir) {
        Dataset<Row> links = TopLinks.allPairs(
                embeddings.where(TopLinks.NODE_ID + " < 100"), trainEdges, decoder, 3, new Blocking(1, 1, SEED));
        String out = dir.resolve("links.parquet").toString();
        TopLinks.write(links, out, false);
        List<Row> read =
                links.sparkSession().read().parquet(out).orderBy("src", "rank").collectAsList();
        assertThat(read).isEqualTo(links.collectAsList());
        assertThatThrownBy(() -> TopLinks.write(links, out, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(out)
                .hasMessageContaining("--force");
        TopLinks.write(links.limit(5), out, true);
        assertThat(links.sparkSession().read().parquet(out).count()).isEqualTo(5);
    }

    /**
     * Decoders with weights (mlp) and directed ones (source-target: an asymmetric inner product; gravity: neither),
     * untrained on a small graph, with weights moved off their initial values so that shipping them matters.
     */
    @Test
    void allPairsEqualsTheSingleMachineTopKForDecodersWithWeightsOrDirection(SparkSession spark) {
        Graph graph = StochasticBlockModel.builder()
                .nodes(300)
                .communities(6)
                .pIn(0.08)
                .pOut(0.002)
                .featureDim(8)
                .seed(SEED)
                .build()
                .generate();
        LinkSplit small = LinkSplit.of(graph, SEED);
        Dataset<Row> edges = TestTables.edges(spark, small.trainPositives(), true);
        for (ModelSpec spec : List.of(
                ModelSpec.gae().withDecoder("mlp", "hidden", "8"),
                ModelSpec.gae().withDecoder("source-target"),
                ModelSpec.gae().withDecoder("gravity"))) {
            ModelCarrier carrier =
                    ModelCarrier.of(new ModelDescription(spec, TrainerConfig.defaults()), 8, graph.nodeCount(), SEED);
            GraphAutoencoder model = carrier.assemble();
            model.weights().forEach(w -> {
                double[] v = w.data().data();
                for (int i = 0; i < v.length; i++) {
                    v[i] = v[i] * 1.5 + 0.01 * (i % 7);
                }
            });
            Matrix zs;
            try (Parallelism parallelism = Parallelism.of(2)) {
                zs = model.embed(GraphInput.of(small.trainGraph()), parallelism);
            }
            PairScorer scores = model.decoder().scorer(zs);
            assertThat(scores.directed())
                    .as(spec.decoder().name())
                    .isEqualTo(!spec.decoder().name().equals("mlp"));
            List<Row> distributed = TopLinks.allPairs(
                            embeddingTable(spark, zs),
                            edges,
                            DecoderCarrier.of(carrier, model),
                            K,
                            new Blocking(3, 2, SEED))
                    .collectAsList();
            LinkPredictor reference = predictor(small.trainGraph(), zs, scores, small.trainPositives());
            assertSameLinks(distributed, reference.topK(reference.nodeIds(), K), zs.rows());
            assertSameGraphTop(
                    TopLinks.allPairsGraphTop(
                                    embeddingTable(spark, zs),
                                    edges,
                                    DecoderCarrier.of(carrier, model),
                                    40,
                                    new Blocking(2, 3, SEED))
                            .collectAsList(),
                    reference.topK(40));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static Dataset<Row> embeddingTable(SparkSession spark, Matrix z) {
        List<Row> rows = new ArrayList<>(z.rows());
        for (int i = 0; i < z.rows(); i++) {
            double[] v = new double[z.cols()];
            System.arraycopy(z.data(), i * z.cols(), v, 0, v.length);
            rows.add(RowFactory.create((long) i, v));
        }
        return spark.createDataFrame(rows, EMBEDDINGS);
    }

    /** The single-machine exact per-node top-K of every node, leaving out {@code known} (by index = id). */
    static Map<String, List<Link>> singleMachine(Graph graph, Matrix z, PairScorer scorer, EdgeList known) {
        LinkPredictor predictor = predictor(graph, z, scorer, known);
        return predictor.topK(predictor.nodeIds(), K);
    }

    /** The single-machine predictor over {@code z}, exact search, node i = id "i". */
    static LinkPredictor predictor(Graph graph, Matrix z, PairScorer scorer, EdgeList known) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < z.rows(); i++) {
            ids.add(String.valueOf(i));
        }
        return LinkPredictor.of(
                ids,
                z,
                scorer,
                LinkPredictor.knownEdges(graph, List.of(known), scorer.directed()),
                PredictorOptions.defaults().withSearch(SearchMode.EXACT).withThreads(2),
                Optional.empty(),
                Optional.empty(),
                "single machine");
    }

    /** The graph's top links equal {@code expected} (single-machine topK(k)): same pairs in order, ranks, scores. */
    static void assertSameGraphTop(List<Row> rows, List<Link> expected) {
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            Row got = rows.get(i);
            Link want = expected.get(i);
            assertThat(got.getLong(0)).as("source of row %d", i).isEqualTo(Long.parseLong(want.source()));
            assertThat(got.getLong(1)).as("target of row %d", i).isEqualTo(Long.parseLong(want.target()));
            assertThat(got.getDouble(2)).as("score of row %d", i).isCloseTo(want.score(), within(1e-9));
            assertThat(got.getInt(3)).isEqualTo(i + 1);
        }
    }

    /** Same sources in order, same targets in rank order, scores within 1e-9, ranks 1, 2, ... */
    static void assertSameLinks(List<Row> rows, Map<String, List<Link>> expected, int n) {
        List<Row> want = new ArrayList<>();
        for (Map.Entry<String, List<Link>> e : expected.entrySet()) {
            int rank = 0;
            for (Link link : e.getValue()) {
                want.add(RowFactory.create(
                        Long.parseLong(link.source()), Long.parseLong(link.target()), link.score(), ++rank));
            }
        }
        want.sort(Comparator.<Row>comparingLong(r -> r.getLong(0)).thenComparingInt(r -> r.getInt(3)));
        assertThat(rows).hasSize(want.size());
        for (int i = 0; i < rows.size(); i++) {
            Row got = rows.get(i);
            Row exp = want.get(i);
            assertThat(got.getLong(0)).as("source of row %d", i).isEqualTo(exp.getLong(0));
            assertThat(got.getInt(3)).as("rank of row %d", i).isEqualTo(exp.getInt(3));
            assertThat(got.getLong(1)).as("target of row %d (%s)", i, got).isEqualTo(exp.getLong(1));
            assertThat(got.getDouble(2)).as("score of row %d", i).isCloseTo(exp.getDouble(2), within(1e-9));
        }
        assertThat(countPerSource(rows, n)).isNotEmpty();
    }

    /** Each node's nodes within 2 hops of the undirected {@code edges}, less itself and its neighbours (known). */
    static List<Set<Integer>> twoHopCandidates(int n, EdgeList edges) {
        List<Set<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adjacent.add(new HashSet<>());
        }
        for (int e = 0; e < edges.size(); e++) {
            if (edges.src(e) != edges.dst(e)) {
                adjacent.get(edges.src(e)).add(edges.dst(e));
                adjacent.get(edges.dst(e)).add(edges.src(e));
            }
        }
        List<Set<Integer>> out = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            Set<Integer> near = new HashSet<>();
            for (int w : adjacent.get(u)) {
                near.addAll(adjacent.get(w));
            }
            near.remove(u);
            near.removeAll(adjacent.get(u));
            out.add(near);
        }
        return out;
    }

    static List<Integer> countPerSource(List<Row> rows, int n) {
        int[] count = new int[n];
        for (Row r : rows) {
            count[(int) r.getLong(0)]++;
        }
        List<Integer> out = new ArrayList<>();
        for (int c : count) {
            if (c > 0) {
                out.add(c);
            }
        }
        return out;
    }
}
