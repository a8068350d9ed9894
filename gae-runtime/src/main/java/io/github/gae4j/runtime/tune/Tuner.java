// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

import io.github.gae4j.core.error.NumericalException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.runtime.train.TrainingResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validation-driven search over training recipes for one graph, within a time budget ({@code gae tune}).
 *
 * <p><b>Order.</b> First a cheap screening of every feature mode × model × loss at the default learning rate and
 * latent width for a few epochs: these choices decide between a collapsed model (validation AUC 0.5) and a good
 * one, and that shows within a few epochs. Then the best {@link TuneSettings#refineTop} screened recipes are
 * refined over learning rate × latent width at full length with early stopping, the second-order choices that only
 * full training tells apart. (Successive halving would spend its later rungs on the same structural choices at
 * growing length and never vary the learning rate or width.)
 *
 * <p><b>Selection.</b> Every trial trains on the reference split ({@code gae train}'s: 85/5/10 with the seed) with
 * its test pairs hidden ({@code LinkSplit.withTestHidden()}), and is ranked by its best validation AUC alone. The
 * test pairs are scored once, at the end, for the winner and the heuristics.
 *
 * <p><b>Budget and determinism.</b> The trial list and each trial's numbers are functions of the settings, the
 * graph and the seed (the thread count never changes a number); the clock only cuts the list: a trial starts only
 * if the time left fits it at its most epochs (estimated from the time per epoch of finished trials of its kind),
 * and the first that does not fit ends the search, so the finished trials are always a prefix of the same list.
 * A trial still running at the deadline is stopped and discarded. {@link TuneSettings#maxTrials} cuts the list
 * without the clock, which makes a search reproducible on any machine.
 */
public final class Tuner {

    private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);

    private final TuneSettings settings;
    private final PluginRegistry plugins;
    private final Parallelism threads;
    private final LinkBaselines baselines;
    private final TuneListener listener;
    private final LongSupplier nanoClock;

    /** A search with the system clock. */
    public Tuner(
            TuneSettings settings,
            PluginRegistry plugins,
            Parallelism threads,
            LinkBaselines baselines,
            TuneListener listener) {
        this(settings, plugins, threads, baselines, listener, System::nanoTime);
    }

    /** @param nanoClock the clock the budget is measured on, in nanoseconds ({@link System#nanoTime} normally) */
    public Tuner(
            TuneSettings settings,
            PluginRegistry plugins,
            Parallelism threads,
            LinkBaselines baselines,
            TuneListener listener,
            LongSupplier nanoClock) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.plugins = Objects.requireNonNull(plugins, "plugins is null");
        this.threads = Objects.requireNonNull(threads, "threads is null");
        this.baselines = Objects.requireNonNull(baselines, "baselines is null");
        this.listener = Objects.requireNonNull(listener, "listener is null");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock is null");
    }

    /**
     * The feature modes worth trying on {@code graph}: the settings' modes, or only {@code none} when the graph has
     * no features (X = I then, however it is fed).
     */
    public static List<Provenance.Features> featureModes(Graph graph, List<Provenance.Features> wanted) {
        if (graph.features().isEmpty()) {
            return List.of(Provenance.Features.NONE);
        }
        return List.copyOf(new LinkedHashSet<>(wanted));
    }

    /** {@code graph} as {@code gae train} feeds it with this feature mode ({@code --no-features}, ...). */
    public static Graph withFeatures(Graph graph, Provenance.Features mode) {
        return switch (mode) {
            case NONE -> graph.withoutFeatures();
            case ROW_NORMALIZED -> graph.withFeatures(graph.featuresOrIdentity().rowNormalized());
            case AS_LOADED -> graph;
        };
    }

    /** The screening trials: every feature mode × model × loss at the first learning rate and latent width. */
    public static List<Recipe> screening(TuneSettings s, List<Provenance.Features> modes) {
        List<Recipe> out = new ArrayList<>();
        for (Provenance.Features f : modes) {
            for (Recipe.Model m : s.models()) {
                for (Recipe.Loss l : s.losses()) {
                    out.add(new Recipe(
                            f,
                            m,
                            l,
                            s.learningRates().get(0),
                            s.latents().get(0),
                            s.screenEpochs(),
                            s.screenPatience()));
                }
            }
        }
        return out;
    }

    /**
     * The refinement trials: the best {@code refineTop} screened recipes ({@link TrialResult#BY_VALIDATION}), the
     * cheaper per epoch first ({@link Recipe#pairsPerEpoch}: negative sampling before the full-graph loss on a
     * sparse graph; the better first at equal cost), each over every latent width × learning rate at full length.
     * Cheaper first so that a budget too short for a full-graph trial of 200 epochs still refines something; the
     * order is a function of the screening and the graph's size, never of the clock.
     *
     * @param trainGraph the graph the trials train on (its sizes set the cost)
     */
    public static List<Recipe> refinement(TuneSettings s, List<TrialResult> screened, Graph trainGraph) {
        int nodes = trainGraph.nodeCount();
        int edges = trainGraph.edgeCount();
        List<TrialResult> best = screened.stream()
                .filter(TrialResult::succeeded)
                .sorted(TrialResult.BY_VALIDATION)
                .limit(s.refineTop())
                .sorted(Comparator.comparingDouble(t -> t.recipe().pairsPerEpoch(nodes, edges)))
                .toList();
        List<Recipe> out = new ArrayList<>();
        for (TrialResult t : best) {
            for (int latent : s.latents()) {
                for (double lr : s.learningRates()) {
                    out.add(t.recipe().with(lr, latent).withEpochs(s.epochs(), s.patience()));
                }
            }
        }
        return out;
    }

    /**
     * Searches on {@code graph} (features as loaded; each feature mode is derived from it) with {@code gae train}'s
     * split: the reference fractions and the settings' seed.
     */
    public TuneResult run(Graph graph) {
        Objects.requireNonNull(graph, "graph is null");
        return run(
                graph,
                LinkSplit.of(
                        graph, Gae.REFERENCE_SPLIT.valFraction(), Gae.REFERENCE_SPLIT.testFraction(), settings.seed()));
    }

    /**
     * Searches on {@code split}, a split of {@code graph} (features as loaded): trials see its training graph with
     * each feature mode's features and its validation pairs; its test pairs are scored once, for the winner.
     */
    public TuneResult run(Graph graph, LinkSplit split) {
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(split, "split is null");
        long start = nanoClock.getAsLong();
        long deadline = start + settings.budget().toNanos();
        List<Provenance.Features> modes = featureModes(graph, settings.features());
        Map<Provenance.Features, LinkSplit> splits = new EnumMap<>(Provenance.Features.class);
        for (Provenance.Features f : modes) {
            // The split depends on the edges alone: the same pairs for every feature mode.
            splits.put(f, split.withTrainGraph(withFeatures(split.trainGraph(), f)));
        }
        Map<String, LinkScores> heuristicsVal =
                baselines.score(split.trainGraph(), split.valPositives(), split.valNegatives(), threads);

        Search search = new Search(splits, deadline);
        List<Recipe> screen = screening(settings, modes);
        search.runAll(screen, Stage.SCREEN, screen.size());
        List<TrialResult> screened = List.copyOf(search.finished);
        List<Recipe> refine = refinement(settings, screened, split.trainGraph());
        search.runAll(refine, Stage.REFINE, screen.size() + refine.size());

        Optional<TrialResult> winner = Optional.ofNullable(search.best);
        Optional<LinkScores> winnerTest = Optional.empty();
        Map<String, LinkScores> heuristicsTest = Map.of();
        if (winner.isPresent()) {
            // The one look at the test pairs: the chosen model's and the heuristics', after the choice.
            LinkSplit won = splits.get(winner.get().recipe().features());
            List<double[]> s = search.bestModel.score(
                    GraphInput.of(won.trainGraph()), List.of(won.testPositives(), won.testNegatives()), threads);
            winnerTest = Optional.of(LinkScores.of(s.get(0), s.get(1)));
            heuristicsTest = baselines.score(split.trainGraph(), split.testPositives(), split.testNegatives(), threads);
        }
        long elapsed = (nanoClock.getAsLong() - start) / 1_000_000;
        return new TuneResult(
                graph.name(),
                settings,
                search.finished,
                search.skipped,
                heuristicsVal,
                winner,
                winnerTest,
                heuristicsTest,
                elapsed);
    }

    /** The state of one search: trials done, skipped, the best so far and its trained model. */
    private final class Search {
        private final Map<Provenance.Features, LinkSplit> splits;
        private final long deadline;
        private final List<TrialResult> finished = new ArrayList<>();
        private final List<SkippedTrial> skipped = new ArrayList<>();
        /** The last measured time per epoch of each kind of trial, and the latent width it was measured at. */
        private final Map<String, double[]> millisPerEpoch = new HashMap<>();

        private int number;
        private boolean over;
        private TrialResult best;
        private GraphAutoencoder bestModel;

        Search(Map<Provenance.Features, LinkSplit> splits, long deadline) {
            this.splits = splits;
            this.deadline = deadline;
        }

        void runAll(List<Recipe> recipes, Stage stage, int planned) {
            for (Recipe r : recipes) {
                number++;
                Optional<String> reason = over ? Optional.of("the search had ended") : whyNot(r);
                if (reason.isPresent()) {
                    over = true;
                    skip(new SkippedTrial(number, stage, r, reason.get()));
                    continue;
                }
                listener.trialStarted(number, planned, stage, r);
                run(r, stage);
            }
        }

        private void skip(SkippedTrial s) {
            skipped.add(s);
            listener.trialSkipped(s);
        }

        /** Why the next trial may not start: the trial limit, or a budget whose rest cannot fit it. */
        private Optional<String> whyNot(Recipe r) {
            if (settings.maxTrials() > 0 && number > settings.maxTrials()) {
                return Optional.of(String.format(Locale.ROOT, "beyond the trial limit (%d)", settings.maxTrials()));
            }
            long left = deadline - nanoClock.getAsLong();
            if (left <= 0) {
                return Optional.of("the budget is spent");
            }
            double perEpoch = estimatedMillisPerEpoch(r);
            double estimate = perEpoch * r.epochs();
            if (estimate * 1e6 > left) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "%.0f s of the budget left, the trial may take %.0f s (%d epochs at %.0f ms)",
                        left / 1e9,
                        estimate / 1e3,
                        r.epochs(),
                        perEpoch));
            }
            return Optional.empty();
        }

        private void run(Recipe r, Stage stage) {
            LinkSplit hidden = splits.get(r.features()).withTestHidden();
            Graph g = hidden.trainGraph();
            ModelDescription d = r.description(settings.seed());
            // As gae train builds it: the same split, the same initial weights from the seed.
            GraphAutoencoder model = new ModelAssembler(plugins)
                    .assemble(
                            d.model(),
                            new CreationContext(g.featuresOrIdentity().dim(), g.nodeCount(), settings.seed()));
            int trial = number;
            TrainingListener progress = new TrainingListener() {
                @Override
                public void onEpoch(EpochStats stats) {
                    listener.epoch(trial, stats);
                }

                @Override
                public boolean stopRequested() {
                    return nanoClock.getAsLong() > deadline;
                }
            };
            long t0 = nanoClock.getAsLong();
            TrialResult result;
            try {
                TrainingResult tr = new Trainer(d.training(), threads, plugins, progress).fit(model, hidden);
                long millis = (nanoClock.getAsLong() - t0) / 1_000_000;
                if (tr.stoppedEarly()) {
                    over = true;
                    skip(new SkippedTrial(
                            trial,
                            stage,
                            r,
                            String.format(
                                    Locale.ROOT,
                                    "stopped by the budget after %d of %d epochs and discarded",
                                    tr.history().size(),
                                    r.epochs())));
                    return;
                }
                EpochStats at = tr.history().stream()
                        .filter(e -> e.epoch() == tr.bestEpoch())
                        .findFirst()
                        .orElse(tr.last());
                result = new TrialResult(
                        trial,
                        stage,
                        r,
                        at.valAuc(),
                        at.valAp(),
                        tr.bestEpoch(),
                        tr.history().size(),
                        millis,
                        Optional.empty());
            } catch (NumericalException e) {
                long millis = (nanoClock.getAsLong() - t0) / 1_000_000;
                result = new TrialResult(
                        trial, stage, r, Double.NaN, Double.NaN, 0, 0, millis, Optional.of(e.getMessage()));
            }
            finished.add(result);
            if (result.epochsDone() > 0) {
                // The last, not the first: the first trial of a run also pays for the JIT's warm-up.
                millisPerEpoch.put(kind(r), new double[] {result.millisPerEpoch(), r.latent()});
            }
            if (result.succeeded() && (best == null || TrialResult.BY_VALIDATION.compare(result, best) < 0)) {
                best = result;
                bestModel = model;
            }
            LOG.debug(String.format(
                    Locale.ROOT,
                    "trial %d %s: val AUC %.4f AP %.4f, best epoch %d of %d, %d ms",
                    trial,
                    r.label(),
                    result.valAuc(),
                    result.valAp(),
                    result.bestEpoch(),
                    result.epochsDone(),
                    result.millis()));
            listener.trialFinished(result);
        }

        /**
         * What an epoch of {@code r} will take: the last measured epoch of its kind, scaled up for a wider latent
         * (the decoder's cost grows with it); for a kind not yet measured, the slowest kind measured (0 before any
         * trial: the first always starts).
         */
        private double estimatedMillisPerEpoch(Recipe r) {
            double[] measured = millisPerEpoch.get(kind(r));
            if (measured == null) {
                return millisPerEpoch.values().stream()
                        .mapToDouble(m -> m[0])
                        .max()
                        .orElse(0);
            }
            return measured[0] * Math.max(1.0, r.latent() / measured[1]);
        }

        /** Trials of one kind take about the same time per epoch: the same input, model and loss. */
        private String kind(Recipe r) {
            return r.features() + "/" + r.model() + "/" + r.loss();
        }
    }
}
