// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.run.DatasetOptions;
import io.github.gae4j.cli.run.OptionChecks;
import io.github.gae4j.cli.tune.Budget;
import io.github.gae4j.cli.tune.Leaderboard;
import io.github.gae4j.cli.tune.TuneOutput;
import io.github.gae4j.cli.tune.TuneProgress;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.tune.LinkBaselines;
import io.github.gae4j.runtime.tune.Recipe;
import io.github.gae4j.runtime.tune.TuneResult;
import io.github.gae4j.runtime.tune.TuneSettings;
import io.github.gae4j.runtime.tune.Tuner;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code gae tune}: searches recipes for one graph by validation AUC within a time budget. */
@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Searches training recipes for a graph within a time budget, picks the best by validation"
                    + " AUC and writes the leaderboard (with the link heuristics) and the winner's model file.",
            "",
            "Features as loaded / row-normalised / none × GAE, VGAE × full-graph, negative-sampling loss are"
                    + " screened for a few epochs, then the best refined over learning rate × latent width with early"
                    + " stopping. The test pairs are scored once, for the winner and the heuristics. Writes"
                    + " DIR/leaderboard.csv, DIR/best-model.json and DIR/train-command.txt (the gae train command that"
                    + " trains the winner again).",
            "",
            "--no-features or --normalize-features fixes the feature mode instead of searching it."
        })
final class TuneCommand implements Callable<Integer> {

    private final PluginRegistry plugins;
    private final ModelAssembler assembler;

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions dataset = new DatasetOptions();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            required = true,
            description = "Output directory; must be empty or new unless --force.")
    Path out;

    @Option(
            names = "--budget",
            paramLabel = "TIME",
            defaultValue = "10m",
            converter = Budget.class,
            description = "Wall-clock budget, e.g. 90s, 10m, 1h30m (default 10m): no trial starts that the rest"
                    + " cannot fit.")
    Duration budget;

    @Option(
            names = "--trials",
            paramLabel = "N",
            defaultValue = "0",
            description = "Run at most the first N trials of the list (default 0 = as many as the budget allows);"
                    + " with it the leaderboard is the same on any machine.")
    int trials;

    @Option(
            names = {"-s", "--seed"},
            paramLabel = "SEED",
            defaultValue = "42",
            description = "Seeds the split, the initial weights and the training noise of every trial (default 42).")
    long seed;

    @Option(
            names = "--screen-epochs",
            paramLabel = "N",
            defaultValue = "20",
            description = "Epochs of a screening trial (default 20, no early stopping).")
    int screenEpochs;

    @Option(
            names = {"-e", "--epochs"},
            paramLabel = "N",
            defaultValue = "200",
            description = "Most epochs of a refinement trial (default 200).")
    int epochs;

    @Option(
            names = "--patience",
            paramLabel = "N",
            defaultValue = "50",
            description =
                    "Early stopping of a refinement trial: epochs without a better validation AUC (default" + " 50).")
    int patience;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "N",
            description = "Threads (default: all cores); results do not depend on it.")
    Integer threads;

    @Option(names = "--force", description = "Write into a non-empty DIR, replacing only gae tune's files there.")
    boolean force;

    @Inject
    TuneCommand(PluginRegistry plugins, ModelAssembler assembler) {
        this.plugins = plugins;
        this.assembler = assembler;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        OptionChecks.atLeast("--trials", trials, 0, "0 = as many as the budget allows");
        OptionChecks.atLeast("--screen-epochs", screenEpochs, 1, "");
        OptionChecks.atLeast("--epochs", epochs, 1, "");
        OptionChecks.atLeast("--patience", patience, 0, "0 = never stop early");
        // --features (or its aliases) other than auto fixes the mode instead of searching it; contradictions fail.
        Optional<Provenance.Features> fixedFeatures = dataset.featureMode().fixed();
        TuneOutput output = new TuneOutput(out, force);
        output.check();
        int nThreads = Threads.resolve(threads);
        DatasetOptions.DatasetRef ref = dataset.ref();
        // The search derives every feature mode from the features as loaded.
        Graph graph = new DatasetOptions.DatasetRef(ref.label(), ref.loader(), ref.options(), true).load(assembler);
        TuneSettings settings =
                TuneSettings.defaults(seed, budget).withMaxTrials(trials).withEpochs(screenEpochs, 0, epochs, patience);
        if (fixedFeatures.isPresent()) {
            settings = settings.withFeatures(List.of(fixedFeatures.get()));
        }
        List<Provenance.Features> modes = Tuner.featureModes(graph, settings.features());
        int screening = Tuner.screening(settings, modes).size();
        stdout.printf(
                Locale.ROOT,
                "gae tune: %s (%d nodes, %d edges, %s), seed %d, budget %s%s, %d threads%n",
                graph.name(),
                graph.nodeCount(),
                graph.edgeCount(),
                graph.features().map(f -> f.dim() + " features").orElse("no features"),
                seed,
                Budget.format(budget),
                trials > 0 ? ", at most " + trials + " trials" : "",
                nThreads);
        stdout.printf(
                Locale.ROOT,
                "plan: screen %d recipes (features %s × gae, vgae × full, neg-sampling; %d epochs),"
                        + " then refine the best %d over lr %s × latent %s (up to %d epochs, patience %d)%n",
                screening,
                String.join("/", modes.stream().map(Provenance.Features::key).toList()),
                screenEpochs,
                settings.refineTop(),
                settings.learningRates(),
                settings.latents(),
                epochs,
                patience);
        stdout.flush();

        TuneResult result;
        try (Parallelism parallelism = Parallelism.of(nThreads)) {
            result = new Tuner(settings, plugins, parallelism, LinkBaselines.CLASSIC, new TuneProgress(stderr))
                    .run(graph);
        }
        stdout.println();
        Leaderboard.print(stdout, result);
        Leaderboard.printTest(stdout, result);
        List<String> written = new ArrayList<>();
        output.write(TuneOutput.LEADERBOARD, Leaderboard.csv(result));
        written.add(TuneOutput.LEADERBOARD);
        if (result.winner().isEmpty()) {
            stdout.printf(Locale.ROOT, "wrote %s: %s%n", out, String.join(", ", written));
            stdout.flush();
            stderr.printf(
                    Locale.ROOT,
                    "gae: no trial finished within the budget of %s; raise --budget%n",
                    Budget.format(budget));
            return GaeCommand.FAILURE;
        }
        Recipe winner = result.winner().get().recipe();
        output.write(
                TuneOutput.BEST_MODEL,
                ModelDescriptionFile.write(result.winnerDescription().orElseThrow()));
        String command = trainCommand(spec.commandLine().getParseResult(), winner, out.resolve(TuneOutput.BEST_MODEL));
        output.write(TuneOutput.COMMAND, command + "\n");
        written.add(TuneOutput.BEST_MODEL);
        written.add(TuneOutput.COMMAND);
        stdout.printf(
                Locale.ROOT,
                "winner: trial %d, %s (validation AUC %.4f, %.1f s in all)%n",
                result.winner().get().number(),
                winner.label(),
                result.winner().get().valAuc(),
                result.elapsedMillis() / 1000.0);
        stdout.printf(Locale.ROOT, "train it again: %s%n", command);
        stdout.printf(Locale.ROOT, "wrote %s: %s%n", out, String.join(", ", written));
        stdout.flush();
        return GaeCommand.OK;
    }

    /**
     * {@code gae train} with this command's dataset arguments as typed, the winner's feature flag (a dataset option,
     * not part of the model file) and the model file.
     */
    private static String trainCommand(ParseResult parsed, Recipe winner, Path modelFile) {
        List<String> args = new ArrayList<>(List.of("gae", "train"));
        for (String name : List.of("--dataset", "--data-dir")) {
            if (parsed.hasMatchedOption(name)) {
                args.add(name);
                args.add(parsed.matchedOption(name).originalStringValues().get(0));
            }
        }
        if (parsed.hasMatchedOption("--dataset-option")) {
            for (String kv : parsed.matchedOption("--dataset-option").originalStringValues()) {
                args.add("--dataset-option");
                args.add(kv);
            }
        }
        if (!winner.featureFlag().isEmpty()) {
            args.add(winner.featureFlag());
        }
        args.add("--model-file");
        args.add(modelFile.toString());
        return String.join(" ", args.stream().map(TuneCommand::shellQuote).toList());
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./=:@%+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
