// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.linkprediction;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.files.Json;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Link prediction with GAE and VGAE (Kipf &amp; Welling 2016): trains on 85 % of the edges and prints
 * test AUC/AP per seed and their mean. Runs on a built-in synthetic graph unless given Cora.
 */
public final class LinkPredictionExample {

    private LinkPredictionExample() {}

    /** What a run produced. */
    public record Result(
            String dataset, int nodes, int edges, int featureDim, Options options, List<ModelResult> models) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", dataset);
            m.put("nodes", nodes);
            m.put("edges", edges);
            m.put("features", featureDim);
            m.put("epochs", options.epochs());
            m.put("learning_rate", options.learningRate());
            m.put("hidden", options.hidden());
            m.put("latent", options.latent());
            m.put("loss", options.lossMode());
            m.put("threads", options.threads());
            m.put(
                    "seeds",
                    java.util.stream.LongStream.range(options.firstSeed(), options.firstSeed() + options.seeds())
                            .boxed()
                            .toList());
            m.put("models", models.stream().map(ModelResult::toJson).toList());
            return m;
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.println(Options.USAGE);
                return;
            }
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gae4j: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            // Where the application starts: the plugins on the class path, found once.
            PluginRegistry plugins = PluginRegistry.discover(LinkPredictionExample.class.getClassLoader());
            Result result = run(options, plugins, System.out);
            options.json().ifPresent(path -> writeJson(result, path));
        } catch (GaeException | UncheckedIOException e) {
            System.err.println("gae4j: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the experiment with the components of {@code plugins}, printing a table to {@code out}. */
    public static Result run(Options options, PluginRegistry plugins, PrintStream out) {
        ModelAssembler assembler = new ModelAssembler(plugins);
        List<Experiment> experiments = experiments(options, plugins);

        Graph graph = loadGraph(options, assembler);
        if (!options.features()) {
            graph = graph.withoutFeatures();
        }
        int featureDim = graph.featuresOrIdentity().dim();
        out.printf(
                Locale.ROOT,
                "gae4j link prediction: %s (%d nodes, %d edges, %s), %d epochs, %s loss, %d threads%n",
                graph.name(),
                graph.nodeCount(),
                graph.edgeCount(),
                options.features() && graph.features().isPresent() ? featureDim + " features" : "no features",
                experiments.get(0).training().epochs(),
                options.modelFile().isPresent() || options.modelJson().isPresent() ? "described" : options.lossMode(),
                options.threads());
        out.printf(
                Locale.ROOT,
                "%-6s %6s %9s %9s %9s %10s%n",
                "model",
                "seed",
                "test AUC",
                "test AP",
                "best ep",
                "ms/epoch");

        List<ModelResult> results = new ArrayList<>();
        try (Parallelism parallelism = Parallelism.of(options.threads())) {
            for (Experiment e : experiments) {
                String name = e.name();
                List<RunResult> runs = new ArrayList<>();
                for (long seed = e.firstSeed(); seed < e.firstSeed() + options.seeds(); seed++) {
                    RunResult r = runOnce(graph, e.spec(), assembler, e.training(), seed, parallelism);
                    runs.add(r);
                    out.printf(
                            Locale.ROOT,
                            "%-6s %6d %9.4f %9.4f %9d %10.1f%n",
                            name,
                            seed,
                            r.testAuc(),
                            r.testAp(),
                            r.bestEpoch(),
                            r.medianEpochMillis());
                }
                ModelResult mr = new ModelResult(name, runs);
                results.add(mr);
                out.printf(
                        Locale.ROOT,
                        "%-6s %6s %9s %9s %9s %10.1f%n",
                        name,
                        "mean",
                        String.format(Locale.ROOT, "%.4f", mr.meanAuc()),
                        String.format(Locale.ROOT, "%.4f", mr.meanAp()),
                        "",
                        mr.medianEpochMillis());
                out.printf(
                        Locale.ROOT,
                        "%-6s %6s %9s %9s%n",
                        name,
                        "std",
                        String.format(Locale.ROOT, "%.4f", mr.stdAuc()),
                        String.format(Locale.ROOT, "%.4f", mr.stdAp()));
            }
        }
        return new Result(graph.name(), graph.nodeCount(), graph.edgeCount(), featureDim, options, results);
    }

    /** A model to run over the seeds, with its training settings. */
    record Experiment(String name, ModelSpec spec, TrainerConfig training, long firstSeed) {}

    /** GAE and/or VGAE from the options, or the one model of {@code --model-file}, validated against the plugins. */
    static List<Experiment> experiments(Options options, FactoryLookup plugins) {
        if (options.modelFile().isPresent() || options.modelJson().isPresent()) {
            ModelDescription d = options.modelFile()
                    .map(ModelDescriptionFile::read)
                    .orElseGet(
                            () -> ModelDescriptionFile.parse(options.modelJson().get(), "--model-json"));
            ModelDescriptionFile.validate(d.model(), plugins);
            String name = options.modelFile()
                    .map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                    .orElse("model");
            return List.of(
                    new Experiment(name, d.model(), d.training(), d.training().seed()));
        }
        TrainerConfig training = TrainerConfig.builder()
                .epochs(options.epochs())
                .learningRate(options.learningRate())
                .logEvery(50)
                .build();
        return options.models().stream()
                .map(m -> new Experiment(m, spec(m, options), training, options.firstSeed()))
                .toList();
    }

    /** One seed: the seed drives the split, the weights' initialisation and the training noise. */
    static RunResult runOnce(
            Graph graph,
            ModelSpec spec,
            ModelAssembler assembler,
            TrainerConfig training,
            long seed,
            Parallelism parallelism) {
        LinkSplit split = LinkSplit.of(graph, seed);
        GraphAutoencoder model = assembler.assemble(
                spec, new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seed));
        TrainingResult result = new Trainer(training.toBuilder().seed(seed).build(), parallelism).fit(model, split);
        return new RunResult(
                seed,
                result.test().auc(),
                result.test().ap(),
                result.bestEpoch(),
                result.medianEpochMillis(),
                result.epochMillis());
    }

    /** GAE or VGAE with the options' sizes and loss. */
    public static ModelSpec spec(String model, Options options) {
        ModelSpec base = model.equals("vgae") ? ModelSpec.vgae() : ModelSpec.gae();
        ModelSpec spec = base.withEncoder(
                ComponentSpec.of(base.encoder().name(), "hidden", options.hidden(), "latent", options.latent()));
        return options.lossMode().equals("negative-sampling") ? spec.withNegativeSampling() : spec;
    }

    static Graph loadGraph(Options options, ModelAssembler assembler) {
        CreationContext ctx = new CreationContext(0, 0, options.firstSeed());
        if (options.dataDir().isEmpty()) {
            return assembler
                    .create(ComponentKind.DATASET, ComponentSpec.of("sbm"), ctx)
                    .load();
        }
        Path cora = coraDirectory(options.dataDir().get());
        return assembler
                .create(ComponentKind.DATASET, ComponentSpec.of("linqs", "path", cora), ctx)
                .load();
    }

    /** DIR/linqs/cora if it exists, else DIR itself when it holds cora.content(.gz). */
    static Path coraDirectory(Path dir) {
        Path nested = dir.resolve("linqs").resolve("cora");
        if (Files.isDirectory(nested)) {
            return nested;
        }
        if (Files.exists(dir.resolve("cora.content")) || Files.exists(dir.resolve("cora.content.gz"))) {
            return dir;
        }
        throw new GaeException(String.format(
                Locale.ROOT,
                "No Cora in '%s': expected %s or cora.content[.gz] and cora.cites in that folder",
                dir,
                nested));
    }

    static void writeJson(Result result, Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, Json.write(result.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write results to '" + path + "': " + e.getMessage(), e);
        }
    }
}
