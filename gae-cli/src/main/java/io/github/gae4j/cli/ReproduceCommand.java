package io.github.gae4j.cli;

import io.github.gae4j.datasets.DataDirectories;
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
                + " plus node clustering. Needs the datasets (--data-dir, $GAE_DATA_DIR or ../shared/datasets)."})
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Datasets root.")
    Path dataDir;

    @Option(names = "--datasets", split = ",", paramLabel = "LIST", defaultValue = "cora,citeseer,pubmed",
            description = "Datasets (default cora,citeseer,pubmed).")
    List<String> datasets;

    @Option(names = "--models", split = ",", paramLabel = "LIST", defaultValue = "gae,vgae",
            description = "Table rows (default gae,vgae).")
    List<String> models;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10", description = "Seeds per cell (default 10).")
    int seeds;

    @Option(names = {"-e", "--epochs"}, paramLabel = "N", defaultValue = "200",
            description = "Epochs (default 200, the papers').")
    int epochs;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = dataDir != null ? dataDir : DataDirectories.find().orElseThrow(() ->
                new io.github.gae4j.core.spi.ConfigException("No datasets: pass --data-dir DIR; "
                        + DataDirectories.searchDescription()));
        try (PrintStream table = new PrintStream(new LineForwarder(out), true, StandardCharsets.UTF_8)) {
            Reproduce.run(dir, datasets, models, seeds, epochs,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), table);
        }
        return GaeCommand.OK;
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
