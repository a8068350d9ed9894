// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.GaeCommand;
import io.github.gae4j.cli.run.LoadedRun;
import io.github.gae4j.cli.run.MiniBatchOptions;
import io.github.gae4j.cli.run.ModelOptions;
import io.github.gae4j.cli.run.RunDirectory;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.datasets.tables.TablesLoaderFactory;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.split.SplitTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gae-spark train}: trains one model on the edge and feature tables and saves it as {@code model.gae4j}. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Trains a graph autoencoder for link prediction on Spark (85/5/10 edge split, computed distributed and"
                    + " seeded) and writes DIR/model.gae4j, the model file gae eval, gae predict and LinkPredictor"
                    + " read.",
            "",
            "Synchronous data-parallel training: nodes are hashed into blocks, each block takes a local step on its"
                    + " training edges and their halo, the driver sums the gradients and steps the optimiser."
        })
final class TrainCommand implements Callable<Integer> {

    /** The reference recipe's loss: it reads all N² node pairs, so it stays single-machine. */
    static final String FULL_GRAPH_LOSS = "weighted-bce";

    @ParentCommand
    GaeSparkCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    TableOptions tables = new TableOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    MiniBatchOptions miniBatch = new MiniBatchOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Where model.gae4j goes, on the driver (default runs/spark-MODEL-seedSEED).")
    Path out;

    @Option(names = "--force", description = "Replace a model.gae4j already in DIR.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        // Every option, name and value first: a typo fails at once, before Spark starts or a table is read.
        miniBatch.check();
        ClusterSettings settings = cluster.settings();
        TableSource edges = tables.edges();
        TableSource features = tables.features();
        GaeSparkCommand.Runtime runtime = root.runtime();
        ModelAssembler assembler = runtime.assembler();
        ModelDescription description = model.description();
        ModelDescriptionFile.validate(description, runtime.plugins());
        long seed = description.training().seed();
        assembler.checkValues(description.model(), seed);
        Trainer.createOptimizer(description.training(), runtime.plugins(), 1);
        Path dir = out != null ? out : Path.of("runs", "spark-" + modelName(description) + "-seed" + seed);
        Path modelFile = checkOutput(dir, force);
        description = new ModelDescription(
                distributable(description.model(), model.choosesLosses(), stderr), description.training());

        SparkSession spark = runtime.sessions().open("train", root.master());
        try {
            SparkEngines engines = runtime.engines();
            GraphTables graph = engines.read(spark, edges, features);
            int nodes = nodeCount(graph);
            GraphAutoencoder m =
                    assembler.assemble(description.model(), new CreationContext(graph.featureWidth(), nodes, seed));
            if (miniBatch.enabled()) {
                // Only the features' kind and width matter to these checks (the encoder's reach, one fan-out a layer).
                Features probe = Features.dense(Matrix.zeros(1, graph.featureWidth()));
                MiniBatchSettings batches = miniBatch.settings(
                        m, probe, description.model().encoder().name());
                description = new ModelDescription(
                        description.model(),
                        description.training().toBuilder().miniBatch(batches).build());
            }
            stdout.printf(
                    Locale.ROOT,
                    "gae-spark train: %s on %s (%d nodes, %d features), seed %d, %d epochs, master %s%n",
                    modelName(description),
                    edges.path(),
                    nodes,
                    graph.featureWidth(),
                    seed,
                    description.training().epochs(),
                    spark.sparkContext().master());
            stdout.flush();
            SplitTables split = engines.split(graph, LoadedRun.DEFAULT_VAL, LoadedRun.DEFAULT_TEST, seed);
            TrainingResult result = engines.fit(m, description, split, settings);
            Files.createDirectories(dir);
            SavedModelFile.write(
                    SavedModel.of(
                            description, Optional.of(provenance(description, edges, features, nodes, graph, seed)), m),
                    modelFile);
            stdout.printf(
                    Locale.ROOT,
                    "test AUC %.4f  AP %.4f  (%s weights, best validation epoch %d, %.1f ms/epoch)%n",
                    result.test().auc(),
                    result.test().ap(),
                    description.training().restoreBest() ? "best-epoch" : "last-epoch",
                    result.bestEpoch(),
                    result.medianEpochMillis());
            stdout.printf(Locale.ROOT, "wrote %s%n", modelFile);
            stdout.flush();
        } finally {
            runtime.sessions().release(spark);
        }
        return GaeCommand.OK;
    }

    /**
     * The spec as Spark trains it, on batches of edges: the preset's full-graph {@code weighted-bce} becomes
     * {@code negative-sampling-bce} (with a note); one the user chose is refused, as it reads all N² pairs.
     */
    static ModelSpec distributable(ModelSpec spec, boolean lossesChosen, PrintWriter notes) {
        boolean fullGraph = spec.losses().stream()
                .map(LossSpec::component)
                .anyMatch(c -> c.name().equals(FULL_GRAPH_LOSS));
        if (!fullGraph) {
            return spec;
        }
        if (lossesChosen) {
            throw new ConfigException("Loss 'weighted-bce' reads all N² node pairs of the whole graph, so it stays"
                    + " single-machine (gae train); on Spark use --loss negative-sampling-bce (VGAE:"
                    + " --loss negative-sampling-bce,kl)");
        }
        notes.println("note: on Spark the preset's full-graph loss weighted-bce is replaced by negative-sampling-bce"
                + " (each block's positive edges against --neg-ratio sampled negatives); --loss chooses another");
        notes.flush();
        return spec.withNegativeSampling();
    }

    /** DIR/model.gae4j, refused when it exists (without --force) or DIR cannot be a folder. */
    static Path checkOutput(Path dir, boolean force) {
        RunDirectory.checkOutputFolder(dir);
        Path file = dir.resolve(RunFiles.MODEL);
        if (Files.exists(file) && !force) {
            throw new ConfigException(
                    file + ": exists; pass --force to replace it, or choose another folder with" + " -o DIR");
        }
        return file;
    }

    /** The node count a model is built for (the VGAE KL's β = 1/N). */
    static int nodeCount(GraphTables graph) {
        long n = graph.features().count();
        if (n > Integer.MAX_VALUE) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "features table: %d nodes; gae4j's models count nodes in an int (at most %d)",
                    n,
                    Integer.MAX_VALUE));
        }
        return (int) n;
    }

    /**
     * Where the model came from: the plugins and seeds as {@code gae train} records them; the split as made here
     * ({@code hashed}: {@code gae eval} and {@code gae predict} rebuild it with {@code HashedLinkSplit}, not with
     * {@code LinkSplit}); the dataset by the edge table's path, with the {@code tables} loader that reads the same two
     * tables on one machine (numbering nodes by ascending id, as the split needs), and no fingerprint.
     */
    private Provenance provenance(
            ModelDescription description,
            TableSource edges,
            TableSource features,
            int nodes,
            GraphTables graph,
            long seed) {
        long edgeCount = graph.edges().count();
        Provenance.Dataset dataset = new Provenance.Dataset(
                edges.path(),
                Optional.of(tablesLoader(edges, features)),
                Provenance.Features.AS_LOADED,
                nodes,
                (int) Math.min(edgeCount, Integer.MAX_VALUE),
                Optional.empty());
        return Provenance.record(
                description.model(),
                root.runtime().plugins()::pluginOf,
                Provenance.Seeds.all(seed),
                dataset,
                new Provenance.Split(LoadedRun.DEFAULT_VAL, LoadedRun.DEFAULT_TEST, Provenance.SplitMethod.HASHED));
    }

    /**
     * The dataset loader {@code tables} with options {@code edges}, {@code features} (local paths made absolute, so a
     * reload works from any folder; URIs as given) and {@code format} when both tables have the same one (tables of
     * two formats were told apart by name, as the loader does without the option).
     */
    static ComponentSpec tablesLoader(TableSource edges, TableSource features) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(TablesLoaderFactory.EDGES, recordedPath(edges.path()));
        options.put(TablesLoaderFactory.FEATURES, recordedPath(features.path()));
        if (edges.format() == features.format()) {
            options.put(TablesLoaderFactory.FORMAT, edges.format().table().optionValue());
        }
        return new ComponentSpec(TablesLoaderFactory.NAME, ComponentConfig.of(options));
    }

    private static String recordedPath(String path) {
        return TableSource.isLocal(path)
                ? Path.of(path).toAbsolutePath().normalize().toString()
                : path;
    }

    private static String modelName(ModelDescription d) {
        ModelSpec spec = d.model();
        boolean gae =
                spec.equals(ModelSpec.gae()) || spec.equals(ModelSpec.gae().withNegativeSampling());
        boolean vgae =
                spec.equals(ModelSpec.vgae()) || spec.equals(ModelSpec.vgae().withNegativeSampling());
        return gae ? "gae" : vgae ? "vgae" : spec.encoder().name();
    }
}
