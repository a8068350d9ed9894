package io.github.gae4j.cli;

import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.examples.reproduce.DirectedReproduce;
import io.github.gae4j.examples.reproduce.Reproduce;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gae reproduce}: the papers' link-prediction tables, our numbers beside theirs. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduces the papers' link-prediction tables (Kipf & Welling 2016 and the models that"
                + " followed) on Cora, CiteSeer and PubMed: test AUC/AP over seeds beside the published numbers,"
                + " plus node clustering and a linear probe (node classification) of the embeddings. Needs the"
                + " datasets (--data-dir, $GAE_DATA_DIR or ../shared/datasets)."})
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Datasets root.")
    Path dataDir;

    @Option(names = "--directed",
            description = "The directed link-prediction table of Salha et al. (2019): gravity and source/target"
                    + " decoders on directed Cora and CiteSeer, three tasks.")
    boolean directed;

    @Option(names = "--datasets", split = ",", paramLabel = "LIST",
            description = "Datasets (default cora,citeseer,pubmed; cora,citeseer with --directed).")
    List<String> datasets;

    @Option(names = "--models", split = ",", paramLabel = "LIST",
            description = "Table rows: gae, vgae (default), arga, arvga, linear-ae, linear-vae, maskgae, graphmae; with"
                    + " --directed: gravity-gae, gravity-vae, source-target-gae, source-target-vae, gae, vgae"
                    + " (default all).")
    List<String> models;

    @Option(names = "--tasks", split = ",", paramLabel = "LIST",
            description = "With --directed: general, biased-negative, bidirectional (default all three).")
    List<String> tasks;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10", description = "Seeds per cell (default 10).")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "S", defaultValue = "0",
            description = "First seed (default 0): runs seeds S … S+N−1, so seed ranges can run in separate"
                    + " processes and be printed together with --from-runs.")
    int firstSeed;

    @Option(names = "--runs", paramLabel = "FILE",
            description = "Appends each finished seed to this CSV file (dataset, model, seed, epochs, threads,"
                    + " JDK and every score), so a long run cut short keeps its seeds; run again with the same"
                    + " file, it trains only the seeds the file does not record.")
    Path runsFile;

    @Option(names = "--from-runs", split = ",", paramLabel = "FILES",
            description = "Trains nothing: prints the table of the seeds recorded in these --runs files.")
    List<Path> fromRuns;

    @Option(names = {"-e", "--epochs"}, paramLabel = "N", defaultValue = "0",
            description = "Epochs of every run (default: each model's published recipe, e.g. 200 for GAE,"
                    + " 1000 short steps for ARGA).")
    int epochs;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (fromRuns != null) {
            try (PrintStream table = new PrintStream(new LineForwarder(out), true, StandardCharsets.UTF_8)) {
                Reproduce.printRuns(fromRuns, table);
            }
            return GaeCommand.OK;
        }
        if (directed && (firstSeed != 0 || runsFile != null)) {
            throw new io.github.gae4j.core.error.ConfigException("--first-seed and --runs are not available with"
                    + " --directed yet");
        }
        Path dir = dataDir != null ? dataDir : DataDirectories.find().orElseThrow(() ->
                new io.github.gae4j.core.error.ConfigException("No datasets: pass --data-dir DIR; "
                        + DataDirectories.searchDescription()));
        int nThreads = Threads.resolve(threads);
        try (PrintStream table = new PrintStream(new LineForwarder(out), true, StandardCharsets.UTF_8)) {
            if (directed) {
                DirectedReproduce.run(dir, or(datasets, DirectedReproduce.DATASETS),
                        or(models, DirectedReproduce.MODELS), or(tasks, DirectedReproduce.TASKS), seeds,
                        epochs > 0 ? epochs : DirectedReproduce.EPOCHS, nThreads, table);
            } else {
                if (tasks != null) {
                    throw new io.github.gae4j.core.error.ConfigException("--tasks needs --directed");
                }
                Reproduce.run(dir, new Reproduce.Plan(or(datasets, List.of("cora", "citeseer", "pubmed")),
                        or(models, Reproduce.DEFAULT_MODELS), firstSeed, seeds, epochs, nThreads, runsFile), table);
            }
        }
        return GaeCommand.OK;
    }

    private static List<String> or(List<String> given, List<String> defaults) {
        return given == null || given.isEmpty() ? defaults : given;
    }

    /** Hands complete UTF-8 lines to the command's writer as they are printed (the table fills row by row). */
    private static final class LineForwarder extends OutputStream {
        private final PrintWriter out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineForwarder(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            out.print(line.toString(StandardCharsets.UTF_8));
            out.flush();
            line.reset();
        }
    }
}
