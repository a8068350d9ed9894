// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.StepwiseEncoder;
import io.github.gae4j.core.spi.StepwiseEncoder.RowLocal;
import io.github.gae4j.core.spi.StepwiseEncoder.Step;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.minibatch.ReceptiveField;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.spark.graph.NodeBlocks;
import io.github.gae4j.spark.graph.TaskMemory;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.model.ModelCarrier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding of every node of a graph held as Spark tables, with a trained model: Z in evaluation mode (μ for a
 * variational encoder), what {@link GraphAutoencoder#embed} gives on one machine (equal within rounding; both
 * ways below are exact, nothing is sampled). Two ways:
 * <ul>
 *   <li>{@link Method#LAYERWISE}, for encoders written as steps ({@link StepwiseEncoder}: gcn, vgae, linear
 *       without batch norm or residual connections): node rows live in blocks; each layer projects its rows
 *       where they are (H·W), then propagates with one shuffle of partial sums per neighbour block (a hub's
 *       contributions from one block are summed before they move), then applies the layer's activation;</li>
 *   <li>{@link Method#HALO}, for any other encoder whose output reaches L hops (gat, gin with {@code norm=layer}
 *       or {@code none}, plugins): each block's nodes and their L-hop halo become a local graph that the model
 *       embeds on one machine; found with joins, costlier because halos overlap.</li>
 * </ul>
 * {@link Method#AUTO} (the default) takes the first that applies. Nodes are hashed into blocks with
 * {@link NodeBlocks}; the result does not depend on the number of blocks beyond rounding.
 */
public final class DistributedEmbedding {

    private static final Logger LOG = LoggerFactory.getLogger(DistributedEmbedding.class);

    /** The output's columns. */
    public static final String NODE_ID = "node_id";

    public static final String Z = "z";

    /** The output's schema: {@code node_id} long, {@code z} array&lt;double&gt;. */
    public static final StructType SCHEMA = new StructType()
            .add(NODE_ID, DataTypes.LongType, false)
            .add(Z, DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    /** How the embedding is computed; see the class comment. */
    public enum Method {
        AUTO,
        LAYERWISE,
        HALO
    }

    private final ModelCarrier carrier;
    private final GraphAutoencoder model;
    private final Method method;
    private final int blocks;
    private final long seed;
    private final long recordBytes;

    /**
     * @param carrier how executors assemble the model (its description, input width, node count, seed)
     * @param model   the trained model, on the driver: its current weight values are shipped
     */
    public DistributedEmbedding(ModelCarrier carrier, GraphAutoencoder model) {
        this(carrier, model, Method.AUTO, 0, 0L, LayerwisePropagation.DEFAULT_RECORD_BYTES);
    }

    private DistributedEmbedding(
            ModelCarrier carrier, GraphAutoencoder model, Method method, int blocks, long seed, long recordBytes) {
        this.carrier = Objects.requireNonNull(carrier, "carrier is null");
        this.model = Objects.requireNonNull(model, "model is null");
        this.method = Objects.requireNonNull(method, "method is null");
        this.blocks = blocks;
        this.seed = seed;
        this.recordBytes = recordBytes;
    }

    /** The same with this method ({@link Method#AUTO} unless set). */
    public DistributedEmbedding withMethod(Method value) {
        return new DistributedEmbedding(carrier, model, value, blocks, seed, recordBytes);
    }

    /**
     * The same with {@code count} blocks of nodes (one task each); 0, the default, means: layer by layer, as few as
     * let a task hold its block's rows ({@link LayerwisePropagation#defaultBlocks}, at least the session's default
     * parallelism); with halos, the session's default parallelism.
     */
    public DistributedEmbedding withBlocks(int count) {
        if (count < 0) {
            throw new ConfigException(
                    String.format(Locale.ROOT, "The number of blocks must be positive (or 0: default), got %d", count));
        }
        return new DistributedEmbedding(carrier, model, method, count, seed, recordBytes);
    }

    /**
     * The same with records (chunks of rows, pieces of structure and partial sums) of about {@code bytes} at most
     * (64 MB unless set); for tests that force chunking on small graphs.
     */
    DistributedEmbedding withRecordBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("A record budget must be positive, got " + bytes);
        }
        return new DistributedEmbedding(carrier, model, method, blocks, seed, bytes);
    }

    /** The same with this seed for hashing nodes into blocks (0 unless set; the result does not depend on it). */
    public DistributedEmbedding withSeed(long value) {
        return new DistributedEmbedding(carrier, model, method, blocks, value, recordBytes);
    }

    /**
     * The method that {@link #embed} runs: {@link Method#AUTO} resolved, a requested one checked.
     *
     * @throws ConfigException when the requested method does not apply to this model, or no method does (an
     *                         encoder that mixes all nodes, such as batch normalisation over nodes)
     */
    public Method resolvedMethod() {
        boolean layerwise = steps().isPresent();
        if (method == Method.LAYERWISE && !layerwise) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Encoder '%s' is not written as row-local steps and propagations (only gcn, vgae and linear are,"
                            + " without batch norm or residual connections), so it cannot be embedded layer by layer:"
                            + " use the method 'halo' or 'auto'",
                    encoderName()));
        }
        if (method != Method.HALO && layerwise) {
            return Method.LAYERWISE;
        }
        hops();
        return Method.HALO;
    }

    /**
     * The embeddings of every node of {@code graph} (its features table's ids): a DataFrame ({@code node_id} long,
     * {@code z} array&lt;double&gt;), computed and persisted (unpersist it when done).
     *
     * @param graph the training edges (each undirected edge once) and the features, in the model's input width
     */
    public Dataset<Row> embed(SparkSession spark, GraphTables graph) {
        if (graph.featureWidth() != carrier.inputDim()) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Table 'features', column 'features': rows have %d values, but the model was trained on %d"
                            + " features",
                    graph.featureWidth(),
                    carrier.inputDim()));
        }
        Method chosen = resolvedMethod();
        int hops = chosen == Method.HALO ? hops() : 0;
        NodeBlocks nodeBlocks = new NodeBlocks(blocks > 0 ? blocks : defaultBlocks(spark, graph, chosen), seed);
        ExecutorModel shipped = new ExecutorModel(carrier, ModelCarrier.values(model));
        long start = System.nanoTime();
        List<Runnable> release = new ArrayList<>();
        JavaRDD<Row> rows;
        if (chosen == Method.LAYERWISE) {
            rows = LayerwisePropagation.embed(graph, shipped, steps().orElseThrow(), nodeBlocks, recordBytes, release);
        } else {
            rows = HaloEmbedding.embed(graph, shipped, hops, nodeBlocks, release);
        }
        Dataset<Row> out = spark.createDataFrame(rows, SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        long count = out.count();
        release.forEach(Runnable::run);
        LOG.info(
                "Embedded {} nodes {} in {} blocks in {} ms",
                count,
                chosen == Method.LAYERWISE ? "layer by layer" : "with " + hops + "-hop halos",
                nodeBlocks.count(),
                (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    /**
     * {@link #embed}, written as Parquet to {@code path}; the path is checked before anything is computed.
     *
     * @throws ConfigException when {@code path} exists and {@code force} is false
     */
    public Dataset<Row> embedTo(SparkSession spark, GraphTables graph, String path, boolean force) {
        requireWritable(spark, path, force);
        Dataset<Row> z = embed(spark, graph);
        write(spark, z, path, force);
        return z;
    }

    /**
     * Writes embeddings as Parquet to {@code path}, replacing what is there only with {@code force}.
     *
     * @throws ConfigException when {@code path} exists and {@code force} is false
     */
    public static void write(SparkSession spark, Dataset<Row> embeddings, String path, boolean force) {
        requireWritable(spark, path, force);
        embeddings
                .write()
                .mode(force ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                .parquet(path);
    }

    /** Fails clearly when {@code path} exists and {@code force} is false. */
    public static void requireWritable(SparkSession spark, String path, boolean force) {
        Objects.requireNonNull(path, "path is null");
        if (force) {
            return;
        }
        Path p = new Path(path);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(p)) {
                throw new ConfigException(path + ": exists; pass --force to replace it (the embeddings' output)");
            }
        } catch (IOException e) {
            throw new GaeException(path + ": cannot check whether it exists: " + e.getMessage(), e);
        }
    }

    /** See {@link #withBlocks}: the block count when none is set. */
    private int defaultBlocks(SparkSession spark, GraphTables graph, Method chosen) {
        SparkContext context = spark.sparkContext();
        int parallelism = context.defaultParallelism();
        if (chosen != Method.LAYERWISE) {
            return parallelism;
        }
        long nodes = graph.features().count();
        int width = LayerwisePropagation.widestPropagated(steps().orElseThrow(), graph.featureWidth());
        long taskBytes = TaskMemory.bytesPerTask(context);
        int count = LayerwisePropagation.defaultBlocks(nodes, width, taskBytes, parallelism);
        LOG.info(
                "{} nodes propagated at width {} with {} MB per task: {} blocks", nodes, width, taskBytes >> 20, count);
        return count;
    }

    private String encoderName() {
        return carrier.description().model().encoder().name();
    }

    /** The encoder's reach in hops, for the halo method. */
    private int hops() {
        OptionalInt reach =
                ReceptiveField.measure(model.encoder(), Features.dense(Matrix.zeros(1, carrier.inputDim())));
        if (reach.isEmpty()) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Encoder '%s' cannot be embedded block by block: its output at a node depends on nodes more than"
                            + " %d hops away (it mixes all nodes, e.g. a batch normalisation over nodes, gin's default"
                            + " norm=batch). Train it with a per-node normalisation (norm=layer or norm=none), or embed"
                            + " on one machine (gae embed)",
                    encoderName(),
                    ReceptiveField.MAX_HOPS));
        }
        return reach.getAsInt();
    }

    /**
     * The encoder's evaluation steps, when it offers them and they give the model's embedding on a probe graph
     * (which also checks that the sampler's Z in evaluation is μ).
     */
    private Optional<List<Step>> steps() {
        if (!(model.encoder() instanceof StepwiseEncoder stepwise)) {
            return Optional.empty();
        }
        Optional<List<Step>> steps = stepwise.evaluationSteps();
        if (steps.isEmpty()) {
            return steps;
        }
        Graph probe = probe(carrier.inputDim());
        GraphInput input = GraphInput.of(probe);
        Matrix expected;
        try (Parallelism single = Parallelism.singleThreaded()) {
            expected = model.embed(input, single);
        }
        Variable h = Constant.of(probe.features().orElseThrow().toDense());
        for (Step step : steps.get()) {
            h = step instanceof RowLocal local ? local.apply(h) : SparseMatMul.of(input.normalizedAdjacency(), h);
        }
        double[] got = new ComputationContext().forward(h).data();
        double[] want = expected.data();
        boolean same = got.length == want.length;
        for (int k = 0; same && k < got.length; k++) {
            same = Math.abs(got[k] - want[k]) <= 1e-9 * Math.max(1.0, Math.abs(want[k]));
        }
        if (!same) {
            LOG.warn(
                    "Encoder '{}' offers evaluation steps, but on a probe graph they do not give the model's embedding"
                            + " (a sampler whose Z in evaluation is not μ?): embedding with halos instead",
                    encoderName());
            return Optional.empty();
        }
        return steps;
    }

    /** 12 nodes on a ring with chords, one isolated, seeded dense features. */
    private static Graph probe(int width) {
        int n = 12;
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i + 1 < n - 1; i++) {
            edges.add(new int[] {i, i + 1});
        }
        edges.add(new int[] {0, n - 2});
        edges.add(new int[] {0, 5});
        edges.add(new int[] {2, 8});
        int[] src = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] dst = edges.stream().mapToInt(e -> e[1]).toArray();
        SplittableRandom random = new SplittableRandom(20_261_207L);
        Matrix x = Matrix.zeros(n, width);
        for (int k = 0; k < x.data().length; k++) {
            x.data()[k] = random.nextDouble(-1, 1);
        }
        return Graph.builder(n)
                .name("probe")
                .edges(src, dst)
                .features(Features.dense(x))
                .build();
    }
}
