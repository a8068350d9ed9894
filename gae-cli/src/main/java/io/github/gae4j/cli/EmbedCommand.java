// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.export.EmbeddingFiles;
import io.github.gae4j.cli.run.LoadedRun;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.ModelAssembler;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
        FULL
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
            paramLabel = "train|full",
            defaultValue = "train",
            description = "Edges the encoder sees: train (default, as in training) or full (all edges).")
    GraphChoice graph;

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
        LoadedRun run = LoadedRun.load(file, dataDir, assembler);
        Graph g = graph == GraphChoice.FULL ? run.graph() : run.split().trainGraph();
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
                graph.name().toLowerCase(Locale.ROOT),
                dir);
        stdout.printf(
                Locale.ROOT,
                "python: z = numpy.load('%s'); ids = numpy.load('%s')%n",
                dir.resolve("embeddings.npy"),
                dir.resolve("node_ids.npy"));
        stdout.flush();
        return GaeCommand.OK;
    }
}
