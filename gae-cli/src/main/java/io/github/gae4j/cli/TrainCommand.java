// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.cli.export.EmbeddingFiles;
import io.github.gae4j.cli.progress.ProgressListener;
import io.github.gae4j.cli.progress.ProgressMode;
import io.github.gae4j.cli.report.ReportData;
import io.github.gae4j.cli.report.ReportOptions;
import io.github.gae4j.cli.report.RunReport;
import io.github.gae4j.cli.run.BaselineOptions;
import io.github.gae4j.cli.run.BaselineTable;
import io.github.gae4j.cli.run.DatasetOptions;
import io.github.gae4j.cli.run.Evaluation;
import io.github.gae4j.cli.run.FeatureChoice;
import io.github.gae4j.cli.run.FeatureChoiceJson;
import io.github.gae4j.cli.run.FeatureMode;
import io.github.gae4j.cli.run.FeatureProbe;
import io.github.gae4j.cli.run.FeaturelessRecipe;
import io.github.gae4j.cli.run.LoadedRun;
import io.github.gae4j.cli.run.MiniBatchOptions;
import io.github.gae4j.cli.run.ModelOptions;
import io.github.gae4j.cli.run.OptionChecks;
import io.github.gae4j.cli.run.RunDiagnostics;
import io.github.gae4j.cli.run.RunDirectory;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.cli.run.SplitSizes;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.io.AtomicFiles;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.diagnostics.Warning;
import io.github.gae4j.runtime.files.Json;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.files.ProvenanceJson;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.BatchStats;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.LearningRateSchedule;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.runtime.train.TrainingState;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gae train}: trains one model on one dataset and writes a run directory. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Trains a graph autoencoder for link prediction (85/5/10 edge split) and writes a run"
                    + " directory: model.gae4j (best validation epoch), checkpoint.gae4j (resumable), run.json,"
                    + " the embeddings (CSV, NumPy), report.html with charts.",
            "",
            "Ctrl-C stops after the current epoch and saves the best model so far; --resume continues."
        })
final class TrainCommand implements Callable<Integer> {

    private final PluginRegistry plugins;
    private final ModelAssembler assembler;

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions dataset = new DatasetOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    MiniBatchOptions miniBatch = new MiniBatchOptions();

    @Mixin
    BaselineOptions baselineOptions = new BaselineOptions();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Run directory (default runs/MODEL-DATASET-seedSEED).")
    Path out;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "N",
            description = "Threads (default: all cores); results do not depend on it.")
    Integer threads;

    @Option(
            names = "--resume",
            paramLabel = "RUN|CHECKPOINT",
            description = "Continue a stopped run from its checkpoint (same model, data and seed; --epochs may"
                    + " extend it). The result equals an uninterrupted run's.")
    Path resume;

    @Option(
            names = "--stop-after",
            paramLabel = "N",
            description = "Train at most N epochs in this session, then save and stop (resume later).")
    Integer stopAfter;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            defaultValue = "25",
            description = "Write checkpoint.gae4j every N epochs (default 25; 0 = only at the end).")
    int checkpointEvery;

    @Option(
            names = "--progress",
            paramLabel = "MODE",
            defaultValue = "auto",
            description = "auto (a bar on a terminal, log lines otherwise), bar, lines or none.")
    ProgressMode progress;

    @Option(
            names = "--no-embeddings",
            description = "Skip embeddings.csv / embeddings.npy / node_ids.npy (gae embed writes them later).")
    boolean noEmbeddings;

    @Option(names = "--no-report", description = "Skip report.html and the charts.")
    boolean noReport;

    @Option(names = "--no-tsne", description = "Skip the t-SNE chart (PCA only) in the report.")
    boolean noTsne;

    @Option(
            names = "--force",
            description = "Train into a run directory that is not empty, replacing the earlier"
                    + " run's files (only gae4j's: a report.html of your own stops it).")
    boolean force;

    /** The output folder, checked before any data is loaded. */
    private RunDirectory runDirectory;

    @Inject
    TrainCommand(PluginRegistry plugins, ModelAssembler assembler) {
        this.plugins = plugins;
        this.assembler = assembler;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        OptionChecks.atLeast("--checkpoint-every", checkpointEvery, 0, "0 = only at the end");
        OptionChecks.atLeast("--stop-after", stopAfter, 1, "");
        if (resume != null && miniBatch.anyGiven()) {
            throw new ConfigException("--resume continues with the checkpoint's mini-batch settings (or full-batch"
                    + " training): leave out --batch-size, --fanout, --neg-ratio, --negatives and --batches-per-epoch");
        }
        miniBatch.check();
        int nThreads = Threads.resolve(threads);
        Setup setup = resume != null ? resumed() : fresh();
        try {
            return train(setup, nThreads, runDirectory.create(), stdout, stderr);
        } catch (RuntimeException | IOException e) {
            runDirectory.removeIfCreatedAndEmpty();
            throw e;
        }
    }

    private Integer train(Setup setup, int nThreads, Path runDir, PrintWriter stdout, PrintWriter stderr)
            throws IOException {
        ModelDescription description = setup.description();
        Graph graph = setup.graph();
        long seed = description.training().seed();
        stdout.printf(
                Locale.ROOT,
                "gae train: %s on %s (%d nodes, %d edges, %s), seed %d, %d epochs, %d threads%n",
                modelName(description),
                graph.name(),
                graph.nodeCount(),
                graph.edgeCount(),
                graph.features().map(f -> f.dim() + " features").orElse("no features"),
                seed,
                description.training().epochs(),
                nThreads);
        stdout.printf(
                Locale.ROOT,
                "features: %s (%s)%n",
                setup.features().use().key(),
                setup.features().reason());
        if (setup.description().model().equals(FeaturelessRecipe.spec())) {
            stdout.println(FeaturelessRecipe.note());
        }
        if (description.training().isMiniBatch()) {
            stdout.println(miniBatchLine(
                    description.training().miniBatch(),
                    setup.split(),
                    resume == null && miniBatch.enabled() && miniBatch.fanOutDefaulted()));
        }
        if (setup.state() != null) {
            stdout.printf(
                    Locale.ROOT,
                    "resuming after epoch %d from %s%n",
                    setup.state().epochsDone(),
                    resume);
        }
        stdout.println(SplitSizes.describe(setup.split()));
        stdout.flush();

        ProgressMode mode = progress.resolve(interactive());
        ProgressListener bar =
                new ProgressListener(stderr, mode, description.training().epochs());
        TrainingResult result;
        Evaluation evaluation;
        try (CtrlC ctrlC = new CtrlC(stderr);
                Parallelism parallelism = Parallelism.of(nThreads)) {
            Optional<Provenance> provenance = Optional.of(setup.provenance());
            Checkpoints checkpoints = new Checkpoints(
                    runDir,
                    description,
                    provenance,
                    setup.model(),
                    bar,
                    ctrlC,
                    setup.state() == null ? 0 : setup.state().epochsDone());
            RunDiagnostics diagnostics = RunDiagnostics.of(
                    description.training(),
                    setup.model(),
                    setup.split(),
                    parallelism,
                    setup.state() == null ? List.of() : setup.state().history(),
                    bar::interject);
            // Optimisers by name from the same plugins as the model's components (GAE_PLUGINS jars included).
            result = new Trainer(description.training(), parallelism, plugins, checkpoints, diagnostics.listener())
                    .fit(setup.model(), setup.split(), setup.state(), setup.provenance());
            bar.finish();
            // The model now holds the evaluated weights (best epoch unless --keep-last); the checkpoint the last.
            SavedModelFile.write(
                    SavedModel.checkpoint(description, result.provenance(), setup.model(), result.finalState()),
                    runDir.resolve(RunFiles.CHECKPOINT));
            SavedModelFile.write(
                    SavedModel.of(description, result.provenance(), setup.model()), runDir.resolve(RunFiles.MODEL));
            evaluation = Evaluation.of(setup.model(), setup.split(), graph, parallelism, seed);
            Optional<BaselineReport> baselines = baselineOptions.evaluate(setup.split(), parallelism);
            List<Warning> warnings =
                    diagnostics.finish(result, evaluation.test().auc(), baselines.map(RunDiagnostics::bestHeuristic));
            writeRunJson(runDir, description, result, evaluation, baselines, warnings, setup);
            List<String> written = new ArrayList<>(List.of(RunFiles.MODEL, RunFiles.CHECKPOINT, RunFiles.RUN_JSON));
            if (!noEmbeddings) {
                EmbeddingFiles.writeAll(runDir, graph, evaluation.embeddings());
                written.addAll(List.of(EmbeddingFiles.CSV, EmbeddingFiles.NPY, EmbeddingFiles.IDS));
            }
            if (!noReport) {
                RunReport.Written report = RunReport.write(
                        reportData(description, setup.provenance(), graph, result, evaluation, baselines, warnings),
                        runDir,
                        noTsne ? new ReportOptions(false, 2000, 750, 30) : ReportOptions.defaults());
                written.add(RunFiles.REPORT);
                written.add(report.images().size() + " charts");
            }
            printSummary(stdout, result, evaluation, baselines, runDir, written, description);
            RunDiagnostics.printSummary(stdout, warnings);
            stdout.flush();
        }
        return GaeCommand.OK;
    }

    /** A model, its data and where training starts. */
    private record Setup(
            ModelDescription description,
            Provenance provenance,
            Graph graph,
            LinkSplit split,
            GraphAutoencoder model,
            TrainingState state,
            Path defaultOut,
            FeatureMode featureMode,
            FeatureChoice features) {}

    private Setup fresh() {
        ModelDescription reference = model.description();
        ModelDescription description = reference;
        // Every name, option and option value first: a typo fails at once, not after a large dataset has loaded.
        ModelDescriptionFile.validate(description, plugins);
        assembler.checkValues(description.model(), description.training().seed());
        Trainer.createOptimizer(description.training(), plugins, 1);
        DatasetOptions.DatasetRef asked = dataset.ref();
        long seed = description.training().seed();
        String label = asked.label().equals(DatasetOptions.SYNTHETIC)
                ? asked.label()
                : Path.of(asked.label()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Path defaultOut = Path.of("runs", modelName(description) + "-" + label + "-seed" + seed);
        // Without -o, a second run of the same command goes to the next free runs/NAME-2, -3, ...; --force reuses NAME.
        Path target = out != null ? out : force ? defaultOut : RunDirectory.firstFree(defaultOut);
        runDirectory = RunDirectory.check(target, force, null, !noReport);
        // --features auto may train probes (FeatureChoice): after the checks above, so they fail first.
        DatasetOptions.Loaded data = dataset.load(
                assembler,
                description.training().learningRate(),
                loaded -> new FeatureProbe(
                        loaded,
                        asked,
                        reference,
                        plugins,
                        assembler,
                        Threads.resolve(threads),
                        spec.commandLine().getErr()));
        DatasetOptions.DatasetRef ref = data.ref();
        Graph graph = data.graph();
        LinkSplit split = ref.split(graph, seed);
        boolean modelChosen =
                model.choosesModel() || spec.commandLine().getParseResult().hasMatchedOption("--model");
        if (FeaturelessRecipe.applies(data.mode(), data.choice(), modelChosen)) {
            description = FeaturelessRecipe.of(description);
        }
        if (miniBatch.enabled()) {
            PrintWriter err = spec.commandLine().getErr();
            description = new ModelDescription(
                    miniBatch.adapt(description.model(), model.choosesLosses(), err::println), description.training());
            err.flush();
        }
        GraphAutoencoder m = assembler.assemble(
                description.model(),
                new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seed));
        if (miniBatch.enabled()) {
            // Every loss term on a batch, one fan-out per layer: checked here, before the run directory exists.
            MiniBatchSettings settings = miniBatch.settings(
                    m,
                    split.trainGraph().featuresOrIdentity(),
                    description.model().encoder().name());
            description = new ModelDescription(
                    description.model(),
                    description.training().toBuilder().miniBatch(settings).build());
        } else if (description.training().isMiniBatch()) {
            // A model file's mini-batch block: the same checks, also before the run directory exists.
            MiniBatchOptions.check(
                    description.training().miniBatch(),
                    m,
                    split.trainGraph().featuresOrIdentity(),
                    description.model().encoder().name());
        }
        return new Setup(
                description,
                LoadedRun.provenance(description.model(), plugins, ref, graph, seed),
                graph,
                split,
                m,
                null,
                defaultOut,
                data.mode(),
                data.choice());
    }

    private Setup resumed() {
        Path file = RunFiles.checkpointFile(resume);
        Path resumedDir = file.toAbsolutePath().getParent();
        runDirectory = RunDirectory.check(out != null ? out : resumedDir, force, resumedDir, !noReport);
        LoadedRun run = LoadedRun.loadToResume(file, dataset.dataDir(), assembler);
        TrainingState state = run.saved()
                .training()
                .orElseThrow(() -> new ConfigException(
                        file + ": holds a model without training state; resume from a run's checkpoint.gae4j"));
        ModelDescription d = run.saved().description();
        if (model.epochsOverride() != null) {
            TrainerConfig saved = d.training();
            d = new ModelDescription(
                    d.model(), saved.toBuilder().epochs(model.epochsOverride()).build());
            int total = d.training().epochs();
            if (saved.learningRateSchedule() != LearningRateSchedule.CONSTANT && total != saved.epochs()) {
                // The schedule spans the configured epochs, so the epochs still to come follow the new length.
                spec.commandLine()
                        .getErr()
                        .printf(
                                Locale.ROOT,
                                "note: the %s learning-rate schedule now spans %d"
                                        + " epochs instead of %d, so the result matches an uninterrupted run of neither length%n",
                                saved.learningRateSchedule().key(),
                                total,
                                saved.epochs());
            }
        }
        if (state.epochsDone() >= d.training().epochs()) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "%s: all %d epochs are done; pass --epochs N with N > %d to train further",
                    file,
                    d.training().epochs(),
                    state.epochsDone()));
        }
        Path defaultOut = file.toAbsolutePath().getParent();
        // Recorded again: this session's gae4j, JDK and plugins, the graph's fingerprint (files written before
        // provenance was typed have none); the dataset, seeds and split are the checkpoint's.
        Provenance saved = run.provenance();
        Provenance provenance = Provenance.record(
                d.model(), plugins::pluginOf, saved.seeds(), run.dataset().toProvenance(run.graph()), saved.split());
        Provenance.Features use = saved.dataset().features();
        return new Setup(
                d,
                provenance,
                run.graph(),
                run.split(),
                run.model(),
                state,
                defaultOut,
                FeatureMode.fromKey(use.key()).orElseThrow(),
                FeatureChoice.of(use, "as the checkpoint records"));
    }

    /** Progress, periodic checkpoints, and the stop requests (Ctrl-C, --stop-after). */
    private final class Checkpoints implements TrainingListener {
        private final Path runDir;
        private final ModelDescription description;
        private final Optional<Provenance> provenance;
        private final GraphAutoencoder trained;
        private final ProgressListener bar;
        private final CtrlC ctrlC;
        private final int startEpoch;
        private int epochsThisSession;

        Checkpoints(
                Path runDir,
                ModelDescription description,
                Optional<Provenance> provenance,
                GraphAutoencoder trained,
                ProgressListener bar,
                CtrlC ctrlC,
                int startEpoch) {
            this.runDir = runDir;
            this.description = description;
            this.provenance = provenance;
            this.trained = trained;
            this.bar = bar;
            this.ctrlC = ctrlC;
            this.startEpoch = startEpoch;
        }

        @Override
        public void onEpoch(EpochStats stats) {
            epochsThisSession = stats.epoch() - startEpoch;
            bar.onEpoch(stats);
        }

        @Override
        public void onBatch(BatchStats stats) {
            bar.onBatch(stats);
        }

        @Override
        public void afterEpoch(EpochStats stats, Supplier<TrainingState> state) {
            if (checkpointEvery > 0
                    && stats.epoch() % checkpointEvery == 0
                    && stats.epoch() < description.training().epochs()) {
                SavedModelFile.write(
                        SavedModel.checkpoint(description, provenance, trained, state.get()),
                        runDir.resolve(RunFiles.CHECKPOINT));
            }
        }

        @Override
        public boolean stopRequested() {
            return ctrlC.requested() || (stopAfter != null && epochsThisSession >= stopAfter);
        }
    }

    private static String modelName(ModelDescription d) {
        if (d.model().equals(FeaturelessRecipe.spec())) {
            return "gae"; // the reference model with negative sampling and latent 32; the note line says so
        }
        String enc = d.model().encoder().name();
        // The presets, also as mini-batch training trains them (negative sampling in place of weighted-bce).
        ModelSpec gaeSpec = ModelSpec.gae();
        ModelSpec vgaeSpec = ModelSpec.vgae();
        boolean gae = d.model().equals(gaeSpec) || d.model().equals(gaeSpec.withNegativeSampling());
        boolean vgae = d.model().equals(vgaeSpec) || d.model().equals(vgaeSpec.withNegativeSampling());
        return gae ? "gae" : vgae ? "vgae" : enc;
    }

    /** {@code mini-batches: 1024 training edges, fan-out 25,10, 1 uniform negative per edge, 8 batches per epoch}. */
    private static String miniBatchLine(MiniBatchSettings m, LinkSplit split, boolean defaultFanOut) {
        int positives = split.trainGraph().edgeCount();
        int all = MiniBatchSettings.of(m.batchSize(), m.fanOut()).batchesPerEpoch(positives);
        int used = m.batchesPerEpoch(positives);
        double r = m.negativeRatio();
        return String.format(
                Locale.ROOT,
                "mini-batches: %d training edges, fan-out %s%s, %s %s negative%s per edge, %s batches per epoch",
                m.batchSize(),
                m.fanOut(),
                defaultFanOut ? " (the default for " + m.fanOut().hops() + " encoder layers)" : "",
                r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r),
                m.negatives().label(),
                r == 1.0 ? "" : "s",
                used == all ? Integer.toString(all) : used + " of " + all);
    }

    private static void writeRunJson(
            Path runDir,
            ModelDescription d,
            TrainingResult r,
            Evaluation e,
            Optional<BaselineReport> baselines,
            List<Warning> warnings,
            Setup setup)
            throws IOException {
        ObjectNode json = Json.object();
        json.put("gae4j", Provenance.currentVersion());
        r.provenance().ifPresent(p -> json.set("provenance", ProvenanceJson.write(p)));
        json.set("features", FeatureChoiceJson.write(setup.featureMode(), setup.features()));
        json.set("model", ModelDescriptionFile.toTree(d));
        ObjectNode results = json.putObject("results");
        results.put("epochs-done", r.history().size());
        results.put("stopped-early", r.stoppedEarly());
        results.put("best-epoch", r.bestEpoch());
        results.put("test-auc", e.test().auc());
        results.put("test-ap", e.test().ap());
        e.clustering().ifPresent(c -> {
            results.put("clustering-acc", c.acc());
            results.put("clustering-nmi", c.nmi());
            results.put("clustering-ari", c.ari());
        });
        results.put("median-epoch-ms", r.medianEpochMillis());
        baselines.ifPresent(b -> json.set("baselines", BaselineTable.json(e.test(), b)));
        RunDiagnostics.writeJson(json, warnings);
        ArrayNode history = json.putArray("history");
        for (EpochStats s : r.history()) {
            history.addObject()
                    .put("epoch", s.epoch())
                    .put("loss", s.loss())
                    .put("val-auc", s.valAuc())
                    .put("val-ap", s.valAp())
                    .put("ms", s.trainMillis());
        }
        AtomicFiles.writeString(runDir.resolve(RunFiles.RUN_JSON), Json.write(json));
    }

    private static ReportData reportData(
            ModelDescription d,
            Provenance provenance,
            Graph graph,
            TrainingResult r,
            Evaluation e,
            Optional<BaselineReport> baselines,
            List<Warning> warnings) {
        Map<String, String> summary = new LinkedHashMap<>();
        String label = provenance.dataset().name();
        summary.put("dataset", label.equals(graph.name()) ? label : graph.name() + " (" + label + ")");
        summary.put("nodes / edges", graph.nodeCount() + " / " + graph.edgeCount());
        summary.put(
                "features", graph.features().map(f -> Integer.toString(f.dim())).orElse("none (X = I)"));
        summary.put("model", modelName(d));
        summary.put("seed", Long.toString(d.training().seed()));
        summary.put("epochs", r.history().size() + (r.stoppedEarly() ? " (stopped early)" : ""));
        summary.put("best validation epoch", Integer.toString(r.bestEpoch()));
        summary.putAll(e.summary());
        baselines.ifPresent(b -> summary.putAll(BaselineTable.summary(e.test(), b)));
        summary.put("median ms / epoch", String.format(Locale.ROOT, "%.1f", r.medianEpochMillis()));
        int[] labels = graph.hasLabels() ? graph.labels() : null;
        return new ReportData(
                modelName(d) + " on " + graph.name() + ", seed " + d.training().seed(),
                summary,
                ModelDescriptionFile.write(d),
                r.history(),
                r.bestEpoch(),
                e.testPositives(),
                e.testNegatives(),
                e.embeddings(),
                labels,
                graph.classNames(),
                d.training().seed(),
                baselines.map(BaselineReport::heuristics).orElse(List.of()),
                warnings);
    }

    private static void printSummary(
            PrintWriter out,
            TrainingResult r,
            Evaluation e,
            Optional<BaselineReport> baselines,
            Path runDir,
            List<String> written,
            ModelDescription d) {
        if (r.stoppedEarly()) {
            out.printf(
                    Locale.ROOT,
                    "stopped after epoch %d of %d; continue with: gae train --resume %s%n",
                    r.history().size(),
                    d.training().epochs(),
                    runDir);
        } else if (r.history().size() < d.training().epochs()) {
            out.printf(
                    Locale.ROOT,
                    "early stop after epoch %d of %d: no better validation AUC in %d epochs%n",
                    r.history().size(),
                    d.training().epochs(),
                    d.training().patience());
        }
        out.printf(
                Locale.ROOT,
                "test AUC %.4f  AP %.4f  (%s weights, best validation epoch %d, %.1f ms/epoch)%n",
                e.test().auc(),
                e.test().ap(),
                d.training().restoreBest() ? "best-epoch" : "last-epoch",
                r.bestEpoch(),
                r.medianEpochMillis());
        e.clustering()
                .ifPresent(c -> out.printf(
                        Locale.ROOT, "clustering ACC %.4f  NMI %.4f  ARI %.4f%n", c.acc(), c.nmi(), c.ari()));
        baselines.ifPresent(b -> BaselineTable.print(out, e.test(), b));
        out.printf(Locale.ROOT, "wrote %s: %s%n", runDir, String.join(", ", written));
        out.flush();
    }

    /**
     * Whether a terminal is attached. System.console() is null when the streams are redirected, except on
     * JDK 22 to 24, whose default JLine console is returned anyway (Console.isTerminal() is not in JDK 17's
     * API); the gae launcher passes -Djdk.console=java.base, which selects the built-in console there.
     */
    @SuppressWarnings("SystemConsoleNull") // right on JDK 17-21 and 25+, and on 22-24 with the launcher's flag
    private static boolean interactive() {
        return System.console() != null;
    }
}
