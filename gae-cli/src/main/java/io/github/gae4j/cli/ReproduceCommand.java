// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.reproduce.DirectedReproduce;
import io.github.gae4j.cli.reproduce.Reproduce;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.model.ModelAssembler;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gae reproduce}: the papers' link-prediction tables, our numbers beside theirs. */
@Command(
        name = "reproduce",
        mixinStandardHelpOptions = true,
        description = {
            "Reproduces the papers' link-prediction tables (Kipf & Welling 2016 and the models that"
                    + " followed) on Cora, CiteSeer and PubMed: test AUC/AP over seeds beside the published numbers,"
                    + " plus node clustering and a linear probe (node classification) of the embeddings. Needs the"
                    + " datasets (--data-dir, $GAE_DATA_DIR or ../shared/datasets)."
        })
final class ReproduceCommand implements Callable<Integer> {

    private final ModelAssembler assembler;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Datasets root.")
    Path dataDir;

    @Option(
            names = "--directed",
            description = "The directed link-prediction table of Salha et al. (2019): gravity and source/target"
                    + " decoders on directed Cora and CiteSeer, three tasks.")
    boolean directed;

    @Option(
            names = "--datasets",
            split = ",",
            paramLabel = "LIST",
            description = "Datasets (default cora,citeseer,pubmed; cora,citeseer with --directed).")
    List<String> datasets;

    @Option(
            names = "--models",
            split = ",",
            paramLabel = "LIST",
            description = "Table rows: gae, vgae (default), arga, arvga, linear-ae, linear-vae, maskgae, graphmae; with"
                    + " --directed: gravity-gae, gravity-vae, source-target-gae, source-target-vae, gae, vgae"
                    + " (default all).")
    List<String> models;

    @Option(
            names = "--tasks",
            split = ",",
            paramLabel = "LIST",
            description = "With --directed: general, biased-negative, bidirectional (default all three).")
    List<String> tasks;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10", description = "Seeds per cell (default 10).")
    int seeds;

    @Option(
            names = "--first-seed",
            paramLabel = "S",
            defaultValue = "0",
            description = "First seed (default 0): runs seeds S … S+N−1, so seed ranges can run in separate"
                    + " processes and be printed together with --from-runs.")
    int firstSeed;

    @Option(
            names = "--runs",
            paramLabel = "FILE",
            description = "Appends each finished seed to this CSV file (dataset, model, seed, epochs, threads,"
                    + " JDK and every score), so a long run cut short keeps its seeds; run again with the same"
                    + " file, it trains only the seeds the file does not record.")
    Path runsFile;

    @Option(
            names = "--from-runs",
            split = ",",
            paramLabel = "FILES",
            description = "Trains nothing: prints the table of the seeds recorded in these --runs files.")
    List<Path> fromRuns;

    @Option(
            names = {"-e", "--epochs"},
            paramLabel = "N",
            defaultValue = "0",
            description = "Epochs of every run (default: each model's published recipe, e.g. 200 for GAE,"
                    + " 1000 short steps for ARGA).")
    int epochs;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "N",
            description = "Threads (default: all cores).")
    Integer threads;

    @Option(
            names = "--lr",
            paramLabel = "R",
            description = "With --directed: Adam's learning rate (default 0.1, the reference's; use 0.01 with"
                    + " --features).")
    Double learningRate;

    @Option(
            names = "--features",
            description = "With --directed: the LINQS node features instead of the reference's X = I.")
    boolean features;

    @Option(
            names = "--kernels",
            description = "With --directed: first times the fused full-graph losses of each decoder against the"
                    + " naive N² one on directed Cora.")
    boolean kernels;

    @Inject
    ReproduceCommand(ModelAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (fromRuns != null) {
            try (PrintStream table = LineForwarder.to(out)) {
                Reproduce.printRuns(fromRuns, table);
            }
            return GaeCommand.OK;
        }
        if (directed && (firstSeed != 0 || runsFile != null)) {
            throw new ConfigException("--first-seed and --runs are not available with --directed yet");
        }
        if (!directed && (tasks != null || learningRate != null || features || kernels)) {
            throw new ConfigException("--tasks, --lr, --features and --kernels need --directed");
        }
        if (epochs < 0) {
            throw new ConfigException("--epochs must be >= 0 (0 = each model's published recipe), got " + epochs);
        }
        Path dir = dataDir != null
                ? dataDir
                : DataDirectories.find()
                        .orElseThrow(() -> new ConfigException(
                                "No datasets: pass --data-dir DIR; " + DataDirectories.searchDescription()));
        int nThreads = Threads.resolve(threads);
        try (PrintStream table = LineForwarder.to(out)) {
            if (directed) {
                if (kernels) {
                    DirectedReproduce.kernelTimings(assembler, dir, nThreads, table);
                }
                DirectedReproduce.run(
                        assembler,
                        dir,
                        or(datasets, DirectedReproduce.DATASETS),
                        or(models, DirectedReproduce.MODELS),
                        or(tasks, DirectedReproduce.TASKS),
                        seeds,
                        epochs > 0 ? epochs : DirectedReproduce.EPOCHS,
                        learningRate != null ? learningRate : DirectedReproduce.LEARNING_RATE,
                        nThreads,
                        features,
                        table);
            } else {
                Reproduce.run(
                        assembler,
                        dir,
                        new Reproduce.Plan(
                                or(datasets, List.of("cora", "citeseer", "pubmed")),
                                or(models, Reproduce.DEFAULT_MODELS),
                                firstSeed,
                                seeds,
                                epochs,
                                nThreads,
                                runsFile),
                        table);
            }
        }
        return GaeCommand.OK;
    }

    private static List<String> or(List<String> given, List<String> defaults) {
        return given == null || given.isEmpty() ? defaults : given;
    }
}
