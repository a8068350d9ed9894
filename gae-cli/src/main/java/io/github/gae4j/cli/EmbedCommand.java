// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.export.EmbeddingFiles;
import io.github.gae4j.cli.run.GraphFile;
import io.github.gae4j.cli.run.GraphFileOptions;
import io.github.gae4j.cli.run.LoadedRun;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.checkpoint.RecordedRun;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.predict.InductiveEmbedding;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gae embed}: writes a saved model's node embeddings as CSV and NumPy files. */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        description = {
            "Writes node embeddings (μ for variational models) keyed by the original node ids:"
                    + " embeddings.csv (node_id[,label],z0..), embeddings.npy (n×d float64) and node_ids.npy"
                    + " (strings), both for numpy.load."
        })
final class EmbedCommand implements Callable<Integer> {

    /** Which edges the encoder sees. */
    enum GraphChoice {
        /** The training edges, as in training and evaluation. */
        TRAIN,
        /** Every edge, held-out ones included (for downstream use after model selection). */
        FULL;

        /** train or full (any case); empty for anything else, a file. */
        static Optional<GraphChoice> parse(String value) {
            for (GraphChoice c : values()) {
                if (c.name().equalsIgnoreCase(value)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    private final ModelAssembler assembler;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN|MODEL", description = "A run directory or a .gae4j model file.")
    Path model;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Output folder (default: the run directory, or the model file's folder).")
    Path out;

    @Option(
            names = "--graph",
            paramLabel = "train|full|FILE",
            defaultValue = "train",
            description = "What the encoder sees: train (default: the training edges, as in training), full (all"
                    + " edges), or a graph file with new nodes (as --dataset of gae train takes: *.npz, LINQS"
                    + " *.content, ...; ./train for a file called train): its edges and features, ids matched by"
                    + " name; needs a model trained with features.")
    String graph;

    @Mixin
    GraphFileOptions graphOptions = new GraphFileOptions();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Datasets root, if it moved since training.")
    Path dataDir;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "N",
            description = "Threads (default: all cores).")
    Integer threads;

    @Inject
    EmbedCommand(ModelAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path file = RunFiles.modelFile(model);
        if (out != null) {
            io.github.gae4j.cli.run.RunDirectory.checkOutputFolder(out);
        }
        Optional<GraphChoice> choice = GraphChoice.parse(graph);
        if (choice.isEmpty()) {
            return embedNewGraph(file, stdout);
        }
        if (graphOptions.given()) {
            throw new ConfigException("--graph-option applies to a --graph FILE, not to --graph " + graph);
        }
        LoadedRun run = LoadedRun.load(file, dataDir, assembler);
        Graph g = choice.get() == GraphChoice.FULL ? run.graph() : run.split().trainGraph();
        Matrix z;
        try (Parallelism p = Parallelism.of(Threads.resolve(threads))) {
            z = run.model().embed(GraphInput.of(g), p);
        }
        int bad = z.firstNonFinite();
        if (bad >= 0) {
            throw new io.github.gae4j.core.error.NumericalException(String.format(
                    Locale.ROOT,
                    "%s: the embedding of node %s is not finite (%s); the model is broken, retrain it",
                    file,
                    run.graph().nodeIds().get(bad / z.cols()),
                    z.data()[bad]));
        }
        Path dir = out != null ? out : file.toAbsolutePath().getParent();
        EmbeddingFiles.writeAll(dir, run.graph(), z);
        stdout.printf(
                Locale.ROOT,
                "gae embed: %d nodes × %d dimensions (%s graph) → %s: embeddings.csv,"
                        + " embeddings.npy, node_ids.npy%n",
                z.rows(),
                z.cols(),
                choice.get().name().toLowerCase(Locale.ROOT),
                dir);
        printPythonHint(stdout, dir);
        return GaeCommand.OK;
    }

    /** {@code --graph FILE}: the model applied to the file's graph, new nodes included. */
    private int embedNewGraph(Path file, PrintWriter stdout) throws IOException {
        GraphFile graphFile = graphOptions.file(Path.of(graph));
        graphFile.requireExists(); // before the model's own graph is loaded again
        RecordedRun run = LoadedRun.recorded(file, dataDir, assembler, false);
        InductiveEmbedding embedding =
                InductiveEmbedding.of(run, graphFile.load(assembler), graph, Threads.resolve(threads));
        Path dir = out != null ? out : file.toAbsolutePath().getParent().resolve(newGraphFolder(graphFile.file()));
        Matrix z = embedding.embeddings();
        EmbeddingFiles.writeAll(dir, embedding.graph(), z);
        stdout.printf(
                Locale.ROOT,
                "gae embed: %d nodes × %d dimensions (graph %s: %d known to the model, %d new, %d of the model's"
                        + " nodes absent) → %s: embeddings.csv, embeddings.npy, node_ids.npy%n",
                z.rows(),
                z.cols(),
                graph,
                embedding.knownNodes(),
                embedding.newNodes().size(),
                embedding.absentNodes(),
                dir);
        printPythonHint(stdout, dir);
        return GaeCommand.OK;
    }

    /** Where a new graph's embeddings go by default: beside the model, never over the training graph's. */
    static String newGraphFolder(Path graphFile) {
        Path name = graphFile.toAbsolutePath().normalize().getFileName();
        String stem = name == null ? "graph" : name.toString().replaceFirst("(?i)(\\.[a-z]+)*$", "");
        return "embed-" + (stem.isEmpty() ? "graph" : stem);
    }

    private static void printPythonHint(PrintWriter stdout, Path dir) {
        stdout.printf(
                Locale.ROOT,
                "python: z = numpy.load('%s'); ids = numpy.load('%s')%n",
                dir.resolve("embeddings.npy"),
                dir.resolve("node_ids.npy"));
        stdout.flush();
    }
}
