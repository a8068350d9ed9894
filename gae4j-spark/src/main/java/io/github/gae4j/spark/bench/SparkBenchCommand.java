// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.bench;

import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sum;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.split.SplitTables;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gae-spark bench}: the scale measurement. Generates a stochastic block model on Spark ({@link SparkSbm}),
 * writes it as Parquet and reads it back, then, when gae-spark's engines are present ({@link ScaleEngines}), splits
 * it, trains one epoch (or the steps the time budget allows, extrapolated and marked so) and embeds every node.
 * Prints a Markdown table of the wall time, rows per second and heap peak of every stage, with the machine. Heap
 * figures are the driver JVM's (in local mode the executors run in it too).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times gae-spark at scale on a generated graph: generation on Spark, Parquet write and read, and (with"
                    + " the distributed engines) the split, one training epoch and full inference; prints a Markdown"
                    + " table with time, rows/s and heap peak per stage and the machine (cores, RAM, JDK, load).",
            "",
            "Example (local mode, 2 cores): GAE_JAVA_OPTS=-Xmx16g gae-spark bench --nodes 10000000 --edges 100000000"
                    + " --output /tmp/bench"
        })
public final class SparkBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SparkBenchCommand.class);
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private final Supplier<Optional<ScaleEngines>> engines;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1000000", description = "Nodes (default 1M).")
    long nodes;

    @Option(
            names = "--edges",
            paramLabel = "E",
            defaultValue = "10000000",
            description = "Undirected edges, exactly (default 10M).")
    long edges;

    @Option(names = "--features", paramLabel = "F", defaultValue = "64", description = "Feature width (default 64).")
    int features;

    @Option(
            names = "--blocks",
            paramLabel = "C",
            description = "Communities (blocks) of the stochastic block model (default one per 1,000 nodes).")
    Integer blocks;

    @Option(
            names = "--partitions",
            paramLabel = "P",
            description = "Partitions the graph is generated in (default: spark.default.parallelism, or one per 5M"
                    + " edges if more).")
    Integer partitions;

    @Option(
            names = "--rounds",
            paramLabel = "R",
            defaultValue = "1",
            description = "Times the Parquet read is repeated; the table shows the fastest (default 1).")
    int rounds;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            defaultValue = "1024",
            description = "Training edges per step (default 1024).")
    int batchSize;

    @Option(
            names = "--fanout",
            paramLabel = "LIST",
            defaultValue = "25,10",
            description = "Neighbours per hop (default 25,10).")
    String fanOut;

    @Option(
            names = "--batches-per-epoch",
            paramLabel = "N",
            defaultValue = "20",
            description = "Training steps timed (default 20; 0: the whole epoch); a cut epoch is extrapolated from"
                    + " their median and marked so.")
    int batchesPerEpoch;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", description = "Seed (default 42).")
    long seed;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            required = true,
            description = "Directory for the Parquet graph (graph/edges, graph/features) and embeddings.")
    Path output;

    @Option(
            names = "--no-train",
            description = "Skip training: generation, Parquet, split and inference only (for graphs whose blocks'"
                    + " halos do not fit this machine's memory).")
    private boolean noTrain;

    @Option(
            names = "--no-embed",
            description = "Skip inference: generation, Parquet, split and training only (to time training alone on"
                    + " a graph whose full inference takes long).")
    private boolean noEmbed;

    @Option(names = "--force", description = "Replace an existing --output directory's bench files.")
    boolean force;

    /** The engines found with {@link ServiceLoader}, if any. */
    public SparkBenchCommand() {
        this(() -> ServiceLoader.load(ScaleEngines.class).findFirst());
    }

    /** With the given engines (empty: generation and Parquet only). */
    public SparkBenchCommand(Supplier<Optional<ScaleEngines>> engines) {
        this.engines = engines;
    }

    /** {@code java -cp … io.github.gae4j.spark.bench.SparkBenchCommand --output DIR …}, local mode by default. */
    public static void main(String[] args) {
        int code = new CommandLine(new SparkBenchCommand())
                .setExitCodeExceptionMapper(e -> e instanceof ConfigException ? 2 : 1)
                .execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws IOException {
        checkOptions();
        SparkSession.Builder builder = SparkSession.builder().appName("gae-spark bench");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        run(spark, System.out);
        return 0;
    }

    private void checkOptions() throws IOException {
        if (rounds < 1) {
            throw new ConfigException("Option '--rounds' must be at least 1, got " + rounds);
        }
        if (batchSize < 1) {
            throw new ConfigException("Option '--batch-size' must be at least 1, got " + batchSize);
        }
        if (batchesPerEpoch < 0) {
            throw new ConfigException("Option '--batches-per-epoch' must be at least 0, got " + batchesPerEpoch);
        }
        Path graph = output.resolve("graph");
        Path embeddings = output.resolve("embeddings");
        if (!force && (Files.exists(graph) || Files.exists(embeddings))) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Option '--output': %s already holds graph/ or embeddings/; choose another directory or add"
                            + " --force",
                    output));
        }
    }

    /** Runs every stage and prints the table to {@code out}. */
    public List<Stage> run(SparkSession spark, PrintStream out) {
        // About 5M slots a generating task by default: two 50M-slot tasks spent minutes in map-side aggregation.
        int parts = partitions != null
                ? partitions
                : (int) Math.max(spark.sparkContext().defaultParallelism(), Math.min(100_000, edges / 5_000_000));
        if (!spark.sparkContext().getConf().contains(SHUFFLE_PARTITIONS)) {
            // About 2M rows a shuffle partition: 200 (Spark's default) tiny tasks cost more than the dedup itself.
            long shuffle = Math.max(parts, Math.min(100_000, edges / 2_000_000));
            spark.conf().set(SHUFFLE_PARTITIONS, Long.toString(shuffle));
        }
        SparkSbm.Settings settings = SparkSbm.Settings.of(nodes, edges, parts)
                .withFeatureWidth(features)
                .withSeed(seed);
        if (blocks != null) {
            settings = settings.withCommunities(blocks);
        }
        String machineBefore = machine(spark);
        out.println(machineBefore);
        out.printf(
                Locale.ROOT,
                "graph: SBM, %,d nodes in %,d blocks, %,d edges, %d features, %d partitions (%s shuffle), seed %d%n",
                settings.nodes(),
                settings.communities(),
                settings.edges(),
                settings.featureWidth(),
                parts,
                spark.conf().get(SHUFFLE_PARTITIONS),
                seed);
        List<Stage> stages = new ArrayList<>();
        String edgesDir = output.resolve("graph").resolve("edges").toString();
        String featuresDir = output.resolve("graph").resolve("features").toString();
        String mode = force ? "overwrite" : "errorifexists";

        SparkSbm.Settings s = settings;
        SparkSbm.Generated[] generated = new SparkSbm.Generated[1];
        stages.add(timed("generate edges (slots, distributed dedup, exact cut)", settings.edges(), () -> {
            generated[0] = SparkSbm.generate(spark, s);
            return String.format(Locale.ROOT, "%,d slots, %d pass(es)", generated[0].slots(), generated[0].rounds());
        }));
        try (SparkSbm.Generated graph = generated[0]) {
            stages.add(timed("write edges Parquet", settings.edges(), () -> {
                graph.tables().edges().write().mode(mode).parquet(edgesDir);
                return size(edgesDir);
            }));
            stages.add(timed("generate + write features Parquet", settings.nodes(), () -> {
                graph.tables().features().write().mode(mode).parquet(featuresDir);
                return size(featuresDir);
            }));
        }
        GraphTables read = null;
        for (int round = 1; round <= rounds; round++) {
            Dataset<Row> e = spark.read().parquet(edgesDir);
            Dataset<Row> f = spark.read().parquet(featuresDir);
            read = new GraphTables(e, f, features);
            String suffix = rounds > 1 ? " (round " + round + ")" : "";
            stages.add(timed("read edges Parquet (scan src, dst)" + suffix, settings.edges(), () -> {
                Row r = e.agg(sum(GraphTables.SRC), sum(GraphTables.DST), expr("count(1)"))
                        .first();
                return checkCount("edges", r.getLong(2), s.edges());
            }));
            stages.add(timed("read features Parquet (decode every row)" + suffix, settings.nodes(), () -> {
                Row r = f.agg(
                                expr("sum(" + GraphTables.FEATURES + "[0] + " + GraphTables.FEATURES + "["
                                        + (features - 1) + "])"),
                                expr("count(1)"))
                        .first();
                return checkCount("features", r.getLong(1), s.nodes());
            }));
        }

        Optional<ScaleEngines> found = engines.get();
        if (found.isEmpty()) {
            out.println("engines: none on the class path (split, training and inference not merged yet): skipped");
        } else {
            runEngines(found.get(), read, settings, stages, out);
        }
        out.println();
        out.println(table(stages));
        out.println(machine(spark));
        return stages;
    }

    private void runEngines(
            ScaleEngines engine, GraphTables graph, SparkSbm.Settings settings, List<Stage> stages, PrintStream out) {
        out.println("engines: " + engine.name());
        SplitTables[] split = new SplitTables[1];
        stages.add(timed("split 85/5/10", settings.edges(), () -> {
            split[0] = engine.split(graph, seed);
            return "";
        }));
        @SuppressWarnings("unchecked")
        Optional<ScaleEngines.TrainRun>[] run = new Optional[] {Optional.empty()};
        ScaleEngines.TrainSettings train = new ScaleEngines.TrainSettings(batchSize, fanOut, batchesPerEpoch, seed);
        Stage trained = timed("train", 0, () -> {
            run[0] = noTrain ? Optional.empty() : engine.train(split[0], train);
            return "";
        });
        if (noTrain) {
            out.println("training: skipped (--no-train); inference runs with the model's initial weights");
        } else if (run[0].isEmpty()) {
            out.println("training: not available in this build (SparkTrainer not merged): skipped");
        } else {
            ScaleEngines.TrainRun r = run[0].get();
            boolean cut = r.steps() < r.stepsPerEpoch();
            double epochSeconds = cut ? r.msPerStep() * r.stepsPerEpoch() / 1000.0 : trained.seconds();
            if (cut) {
                // What ran, measured: building the parts (halos, local graphs) once, then the steps. The epoch row
                // below extrapolates only the steps' wall time; CPU time is not split per step, so it is not
                // extrapolated (multiplying the set-up's CPU by the step count would overstate it).
                stages.add(new Stage(
                        "train: build parts + " + r.steps() + " steps + test scores (measured)",
                        r.steps(),
                        trained.seconds(),
                        trained.cpuSeconds(),
                        trained.heapPeakMb(),
                        Double.isNaN(r.setupSeconds()) || Double.isNaN(r.closingSeconds())
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "of which building the parts %.1f s, the steps %.1f s, the test scores"
                                                + " (every node embedded) %.1f s",
                                        r.setupSeconds(),
                                        trained.seconds() - r.setupSeconds() - r.closingSeconds(),
                                        r.closingSeconds())));
            }
            stages.add(new Stage(
                    "train one epoch (B " + batchSize + ", fan-out " + fanOut + ")",
                    r.stepsPerEpoch(),
                    epochSeconds,
                    cut ? Double.NaN : trained.cpuSeconds(),
                    trained.heapPeakMb(),
                    String.format(
                            Locale.ROOT,
                            "%d of %d steps, %.0f ms/step%s",
                            r.steps(),
                            r.stepsPerEpoch(),
                            r.msPerStep(),
                            cut ? "; EXTRAPOLATED from the steps run" : "")));
        }
        if (noEmbed) {
            out.println("inference: skipped (--no-embed)");
            return;
        }
        String embeddings = output.resolve("embeddings").toString();
        Optional<ScaleEngines.TrainRun> model = run[0];
        stages.add(timed("embed every node + write Parquet", settings.nodes(), () -> {
            long rows = engine.embed(graph, model, embeddings);
            return checkCount("embeddings", rows, settings.nodes())
                    + (model.isEmpty()
                            ? (noTrain
                                    ? " (initial weights: --no-train)"
                                    : " (initial weights: no training in this build)")
                            : "");
        }));
    }

    private static String checkCount(String table, long got, long expected) {
        if (got != expected) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "The %s table has %d rows, expected %d", table, got, expected));
        }
        return String.format(Locale.ROOT, "%,d rows", got);
    }

    /** One row of the table. */
    public record Stage(String name, long rows, double seconds, double cpuSeconds, double heapPeakMb, String note) {}

    /** Runs {@code body} (which returns a note) with the heap pools' peaks reset first, and logs the result. */
    private static Stage timed(String name, long rows, Supplier<String> body) {
        Stage stage = measure(name, rows, body);
        LOG.info(
                "bench stage '{}': {} s (CPU {} s), heap peak {} MB, {}",
                stage.name(),
                String.format(Locale.ROOT, "%.1f", stage.seconds()),
                String.format(Locale.ROOT, "%.1f", stage.cpuSeconds()),
                Math.round(stage.heapPeakMb()),
                stage.note());
        return stage;
    }

    private static Stage measure(String name, long rows, Supplier<String> body) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        String note = body.get();
        double s = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = cpu < 0 ? Double.NaN : (processCpuNanos() - cpu) / 1e9;
        double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        return new Stage(name, rows, s, cpuSeconds, peak, note);
    }

    /** The JVM's CPU time (every thread; in local mode the executors' too), or -1 where the JDK does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    /** The Markdown table. */
    static String table(List<Stage> stages) {
        StringBuilder b = new StringBuilder();
        b.append("| stage | rows | seconds | CPU seconds | rows/s | heap peak | notes |\n");
        b.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Stage s : stages) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.1f | %.1f | %s | %.1f GB | %s |%n",
                    s.name(),
                    s.rows(),
                    s.seconds(),
                    s.cpuSeconds(),
                    s.rows() > 0 && s.seconds() > 0 ? String.format(Locale.ROOT, "%,.0f", s.rows() / s.seconds()) : "",
                    s.heapPeakMb() / 1024,
                    s.note()));
        }
        b.append("\nheap peak: the sum of the driver JVM's heap pools' peaks during the stage (an upper bound); CPU"
                + " seconds: the driver JVM's CPU time over the stage (in local mode the executors share that JVM, so on"
                + " a loaded machine CPU seconds show the work and seconds the wait; NaN for an extrapolated epoch, whose"
                + " steps' CPU time is not measured apart from the parts' set-up).\n");
        return b.toString();
    }

    /** Cores, RAM, JDK, heap, Spark master and version, and the load averages as {@code uptime} shows them. */
    static String machine(SparkSession spark) {
        long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : -1;
        return String.format(
                Locale.ROOT,
                "machine: %d cores, %.1f GB RAM, JDK %s, max heap %.1f GB, Spark %s %s; load average %s",
                Runtime.getRuntime().availableProcessors(),
                ram / 1073741824.0,
                Runtime.version(),
                Runtime.getRuntime().maxMemory() / 1073741824.0,
                spark.version(),
                spark.sparkContext().master(),
                loadAverages());
    }

    private static String loadAverages() {
        Path proc = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(proc)) {
                String[] fields =
                        Files.readString(proc, StandardCharsets.US_ASCII).trim().split("\\s+");
                return String.join(", ", Arrays.asList(fields).subList(0, 3)) + " (1, 5, 15 min)";
            }
        } catch (IOException e) {
            // fall through to the one-minute figure
        }
        return String.format(
                Locale.ROOT,
                "%.2f (1 min)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String size(String dir) {
        try (Stream<Path> files = Files.walk(Path.of(dir))) {
            long bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
            return String.format(Locale.ROOT, "%.2f GB on disk", bytes / 1073741824.0);
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
