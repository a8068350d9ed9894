// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.datasets.linqs.LinqsLoader;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.infer.DistributedEmbedding.Method;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.model.ModelCarrier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Distributed embeddings equal the single-machine {@code model.embed} within 1e-5, whichever way they are computed
 * and however many blocks: on a small weighted graph with a hub and isolated nodes (always), and on Cora (when the
 * shared datasets are there).
 */
@ExtendWith(SharedSpark.class)
class DistributedEmbeddingTest {

    private static final int NODES = 160;
    private static final int WIDTH = 6;

    static Stream<Arguments> encoders() {
        ModelSpec gae = ModelSpec.gae();
        return Stream.of(
                Arguments.of(
                        "gcn, two hidden layers, layer norm, bias, prelu",
                        gae.withEncoder(
                                "gcn",
                                "hidden",
                                "12,8",
                                "latent",
                                4,
                                "norm",
                                "layer",
                                "bias",
                                true,
                                "activation",
                                "prelu"),
                        Method.LAYERWISE),
                Arguments.of("linear", gae.withEncoder("linear", "latent", 8), Method.LAYERWISE),
                Arguments.of("gin, norm=layer", gae.withEncoder("gin", "norm", "layer"), Method.HALO),
                Arguments.of(
                        "gcn with residual connections (3 hops)",
                        gae.withEncoder("gcn", "hidden", "8,8", "latent", 8, "residual", true),
                        Method.HALO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encoders")
    void everyNodeEqualsTheSingleMachineEmbedding(String name, ModelSpec spec, Method expected, SparkSession spark) {
        Weighted graph = smallGraph();
        Trained trained = Trained.of(spec, graph);
        DistributedEmbedding embedding = new DistributedEmbedding(trained.carrier, trained.model).withBlocks(3);
        assertThat(embedding.resolvedMethod()).isEqualTo(expected);
        Dataset<Row> z = embedding.embed(spark, weightedTables(spark, graph));
        assertThat(z.schema()).isEqualTo(DistributedEmbedding.SCHEMA);
        assertEqualsSingleMachine(z, trained.model, graph);
        z.unpersist();
    }

    /** vgae layer by layer and gat with halos, each in 1 and 5 blocks: the same within 1e-12, and as on one machine. */
    @Test
    void theResultDoesNotDependOnTheNumberOfBlocks(SparkSession spark) {
        Weighted graph = smallGraph();
        GraphTables tables = weightedTables(spark, graph);
        for (ModelSpec spec : List.of(ModelSpec.vgae(), ModelSpec.gae().withEncoder("gat"))) {
            Trained trained = Trained.of(spec, graph);
            DistributedEmbedding embedding = new DistributedEmbedding(trained.carrier, trained.model);
            Dataset<Row> oneBlock = embedding.withBlocks(1).embed(spark, tables);
            assertEqualsSingleMachine(oneBlock, trained.model, graph);
            Map<Long, double[]> one = collect(oneBlock);
            Map<Long, double[]> five =
                    collect(embedding.withBlocks(5).withSeed(3).embed(spark, tables));
            assertThat(five.keySet()).isEqualTo(one.keySet());
            one.forEach((id, z) -> assertThat(five.get(id)).as("node %d", id).containsExactly(z, within(1e-12)));
        }
    }

    /**
     * Records cut to a few rows and entries each (a chunk of one or two rows, pieces of a few edges: what a budget of
     * 64 MB does to a graph of millions of nodes) change nothing: the sums are added in the same order.
     */
    @Test
    void recordsCutSmallGiveTheSameEmbedding(SparkSession spark) {
        Weighted graph = smallGraph();
        GraphTables tables = weightedTables(spark, graph);
        Trained trained = Trained.of(ModelSpec.gae().withEncoder("gcn", "hidden", "12,8", "latent", 4), graph);
        DistributedEmbedding embedding = new DistributedEmbedding(trained.carrier, trained.model).withBlocks(3);
        Map<Long, double[]> whole = collect(embedding.embed(spark, tables));
        Dataset<Row> cut = embedding.withRecordBytes(200).embed(spark, tables);
        assertEqualsSingleMachine(cut, trained.model, graph);
        Map<Long, double[]> chunked = collect(cut);
        assertThat(chunked.keySet()).isEqualTo(whole.keySet());
        whole.forEach((id, z) -> assertThat(chunked.get(id)).as("node %d", id).containsExactly(z, within(1e-12)));
    }

    /** Few blocks while a block's rows fit a tenth of a task's memory, a multiple of the parallelism, more past it. */
    @Test
    void theDefaultBlockCountGrowsWithTheRowsAndTheParallelism() {
        long gb = 1L << 30;
        assertThat(LayerwisePropagation.defaultBlocks(160, 12, gb, 2)).isEqualTo(2);
        // 10M nodes × 32 values × 8 bytes = 2.56 GB; a tenth of 9 GB per task is 0.9 GB: 3 blocks, rounded up to 4.
        assertThat(LayerwisePropagation.defaultBlocks(10_000_000, 32, 9 * gb, 2))
                .isEqualTo(4);
        assertThat(LayerwisePropagation.defaultBlocks(10_000_000, 32, 9 * gb, 8))
                .isEqualTo(8);
        assertThat(LayerwisePropagation.defaultBlocks(10_000_000, 32, gb, 2)).isEqualTo(24);
        assertThat(LayerwisePropagation.chunkRows(200, 12)).isEqualTo(1);
        assertThat(LayerwisePropagation.chunkRows(64L << 20, 62)).isEqualTo(131_072);
    }

    @Test
    void encodersThatMixAllNodesAreRefusedClearly() {
        Weighted graph = smallGraph();
        Trained gin = Trained.of(ModelSpec.gae().withEncoder("gin"), graph);
        assertThatThrownBy(() -> new DistributedEmbedding(gin.carrier, gin.model).resolvedMethod())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Encoder 'gin' cannot be embedded block by block")
                .hasMessageContaining("norm=layer");
        Trained batchNorm = Trained.of(ModelSpec.gae().withEncoder("gcn", "hidden", "8,8", "norm", "batch"), graph);
        assertThatThrownBy(() -> new DistributedEmbedding(batchNorm.carrier, batchNorm.model).resolvedMethod())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Encoder 'gcn' cannot be embedded block by block");
        Trained gat = Trained.of(ModelSpec.gae().withEncoder("gat"), graph);
        assertThatThrownBy(() -> new DistributedEmbedding(gat.carrier, gat.model)
                        .withMethod(Method.LAYERWISE)
                        .resolvedMethod())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Encoder 'gat' is not written as row-local steps");
    }

    @Test
    void aFeatureWidthOtherThanTheModelsIsRefused(SparkSession spark) {
        Weighted graph = smallGraph();
        Trained trained = Trained.of(ModelSpec.gae(), graph);
        GraphTables tables = weightedTables(spark, graph);
        GraphTables narrower = new GraphTables(tables.edges(), tables.features(), WIDTH - 1);
        assertThatThrownBy(() -> new DistributedEmbedding(trained.carrier, trained.model).embed(spark, narrower))
                .isInstanceOf(GaeException.class)
                .hasMessage("Table 'features', column 'features': rows have 5 values, but the model was trained on 6"
                        + " features");
    }

    @Test
    void writesParquetAndReplacesItOnlyWithForce(SparkSession spark, @TempDir Path dir) {
        Weighted graph = smallGraph();
        Trained trained = Trained.of(ModelSpec.gae().withEncoder("linear", "latent", 4), graph);
        DistributedEmbedding embedding = new DistributedEmbedding(trained.carrier, trained.model).withBlocks(2);
        GraphTables tables = weightedTables(spark, graph);
        String out = dir.resolve("z.parquet").toString();
        Dataset<Row> z = embedding.embedTo(spark, tables, out, false);
        assertEqualsSingleMachine(spark.read().parquet(out), trained.model, graph);
        assertThatThrownBy(() -> embedding.embedTo(spark, tables, out, false))
                .as("checked before anything is computed")
                .isInstanceOf(ConfigException.class)
                .hasMessage(out + ": exists; pass --force to replace it (the embeddings' output)");
        assertThatThrownBy(() -> DistributedEmbedding.write(spark, z, out, false))
                .isInstanceOf(ConfigException.class);
        DistributedEmbedding.write(spark, z.limit(10), out, true);
        assertThat(spark.read().parquet(out).count()).isEqualTo(10);
        z.unpersist();
    }

    @Test
    void coraThroughBothWaysEqualsTheSingleMachineEmbedding(SparkSession spark) {
        Assumptions.assumeTrue(
                Boolean.getBoolean("gae4j.spark.cora"),
                "Cora-sized Spark checks take a minute on 2 cores: run them with -Dgae4j.spark.cora=true");
        Optional<Path> root = DataDirectories.find()
                .filter(r -> Files.isDirectory(r.resolve("linqs").resolve("cora")));
        Assumptions.assumeTrue(
                root.isPresent(), "Cora not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Graph cora = new LinqsLoader(root.get().resolve("linqs").resolve("cora")).load();
        GraphTables tables = TestTables.of(spark, cora);
        for (ModelSpec spec : List.of(ModelSpec.vgae(), ModelSpec.gae().withEncoder("gat"))) {
            Trained trained = Trained.of(spec, cora);
            Dataset<Row> z = new DistributedEmbedding(trained.carrier, trained.model).embed(spark, tables);
            assertEqualsSingleMachine(z, trained.model, GraphInput.of(cora));
            z.unpersist();
        }
    }

    /** A model as if trained: assembled from its description, then every weight moved off its initial value. */
    private record Trained(ModelCarrier carrier, GraphAutoencoder model) {
        static Trained of(ModelSpec spec, Weighted weighted) {
            return of(spec, weighted.graph());
        }

        static Trained of(ModelSpec spec, Graph graph) {
            int width = graph.features().orElseThrow().dim();
            ModelCarrier carrier =
                    ModelCarrier.of(new ModelDescription(spec, TrainerConfig.defaults()), width, graph.nodeCount(), 7L);
            GraphAutoencoder model = carrier.assemble();
            SplittableRandom random = new SplittableRandom(99);
            for (Weights w : model.weights()) {
                double[] values = w.data().data();
                for (int k = 0; k < values.length; k++) {
                    values[k] = values[k] * (1 + random.nextDouble(-0.2, 0.2)) + random.nextDouble(-0.05, 0.05);
                }
            }
            return new Trained(carrier, model);
        }
    }

    private static void assertEqualsSingleMachine(Dataset<Row> z, GraphAutoencoder model, Weighted weighted) {
        assertEqualsSingleMachine(z, model, weighted.input());
    }

    private static void assertEqualsSingleMachine(Dataset<Row> z, GraphAutoencoder model, GraphInput input) {
        Graph graph = input.graph();
        Matrix expected;
        try (Parallelism single = Parallelism.singleThreaded()) {
            expected = model.embed(input, single);
        }
        Map<Long, double[]> got = collect(z);
        assertThat(got).hasSize(graph.nodeCount());
        for (int i = 0; i < graph.nodeCount(); i++) {
            double[] row = new double[expected.cols()];
            System.arraycopy(expected.data(), i * row.length, row, 0, row.length);
            assertThat(got.get((long) i)).as("z of node %d", i).containsExactly(row, within(1e-5));
        }
    }

    private static Map<Long, double[]> collect(Dataset<Row> z) {
        Map<Long, double[]> out = new HashMap<>();
        for (Row r : z.collectAsList()) {
            List<Double> values = r.getList(1);
            out.put(
                    r.getLong(0),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /**
     * 160 nodes: node 0 a hub linked to every third node, a seeded random sprinkle of 300 more edges, nodes 157–159
     * isolated; weights in [0.5, 2); dense features in [-1, 1).
     */
    private static Weighted smallGraph() {
        SplittableRandom random = new SplittableRandom(5);
        Map<Long, Double> edges = new HashMap<>();
        for (int v = 3; v < NODES - 3; v += 3) {
            edges.put(key(0, v), random.nextDouble(0.5, 2));
        }
        while (edges.size() < 352) {
            int a = random.nextInt(NODES - 3);
            int b = random.nextInt(NODES - 3);
            if (a != b) {
                edges.putIfAbsent(key(a, b), random.nextDouble(0.5, 2));
            }
        }
        List<int[]> pairs = new ArrayList<>();
        edges.keySet().stream().sorted().forEach(k -> pairs.add(new int[] {(int) (k >>> 32), (int) (long) k}));
        int[] r = new int[pairs.size() * 2];
        int[] c = new int[pairs.size() * 2];
        double[] v = new double[pairs.size() * 2];
        for (int k = 0; k < pairs.size(); k++) {
            int[] p = pairs.get(k);
            double w = edges.get(key(p[0], p[1]));
            r[2 * k] = p[0];
            c[2 * k] = p[1];
            r[2 * k + 1] = p[1];
            c[2 * k + 1] = p[0];
            v[2 * k] = w;
            v[2 * k + 1] = w;
        }
        Matrix x = Matrix.zeros(NODES, WIDTH);
        for (int k = 0; k < x.data().length; k++) {
            x.data()[k] = random.nextDouble(-1, 1);
        }
        SparseMatrix weighted = SparseMatrix.ofCoo(NODES, NODES, r, c, v).asSymmetric();
        double[] ones = new double[v.length];
        java.util.Arrays.fill(ones, 1.0);
        Graph graph = Graph.builder(NODES)
                .name("small weighted graph")
                .adjacency(SparseMatrix.ofCoo(NODES, NODES, r, c, ones).asSymmetric())
                .features(Features.dense(x))
                .build();
        return new Weighted(graph, weighted);
    }

    /**
     * A graph with edge weights: gae4j graphs are 0/1, so the weights are in Â only (with weighted degrees), as
     * in the distributed tables.
     */
    private record Weighted(Graph graph, SparseMatrix weights) {
        /**
         * The single-machine input: Â = D̃^{-1/2} (A + I) D̃^{-1/2} with weighted degrees, each entry
         * w_ij · (s_i · s_j) (NormalizedAdjacency multiplies in an order that breaks symmetry in the last bit
         * for weights other than 1, and then refuses its own result).
         */
        GraphInput input() {
            double[] inv = weights.rowSums();
            for (int i = 0; i < inv.length; i++) {
                inv[i] = 1.0 / Math.sqrt(inv[i] + 1.0);
            }
            int n = weights.rows();
            int m = weights.nnz();
            int[] r = new int[m + n];
            int[] c = new int[m + n];
            double[] v = new double[m + n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int p = weights.rowStart(i); p < weights.rowEnd(i); p++, k++) {
                    r[k] = i;
                    c[k] = weights.colAt(p);
                    v[k] = weights.valueAt(p) * (inv[i] * inv[c[k]]);
                }
                r[m + i] = i;
                c[m + i] = i;
                v[m + i] = inv[i] * inv[i];
            }
            return new GraphInput(
                    graph,
                    SparseMatrix.ofCoo(n, n, r, c, v).asSymmetric(),
                    graph.features().orElseThrow());
        }
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** The graph's upper triangle with its weights, and its features. */
    private static GraphTables weightedTables(SparkSession spark, Weighted weighted) {
        Graph graph = weighted.graph();
        SparseMatrix a = weighted.weights();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                if (a.colAt(p) > i) {
                    rows.add(RowFactory.create((long) i, (long) a.colAt(p), a.valueAt(p)));
                }
            }
        }
        Features x = graph.features().orElseThrow();
        return new GraphTables(spark.createDataFrame(rows, TestTables.EDGES), TestTables.features(spark, x), x.dim());
    }
}
