// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.runtime.tune.LinkBaselines;
import io.github.gae4j.runtime.tune.Recipe;
import io.github.gae4j.runtime.tune.SkippedTrial;
import io.github.gae4j.runtime.tune.Stage;
import io.github.gae4j.runtime.tune.TrialResult;
import io.github.gae4j.runtime.tune.TuneListener;
import io.github.gae4j.runtime.tune.TuneResult;
import io.github.gae4j.runtime.tune.TuneSettings;
import io.github.gae4j.runtime.tune.Tuner;
import io.github.gae4j.testkit.TestGraphs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search on a small graph with a tiny trial list: 12 screening trials of 6 epochs, then the best recipe
 * refined over two learning rates for up to 15 epochs — 14 trials, a few seconds.
 */
class TunerTest {

    static final PluginRegistry PLUGINS = PluginRegistry.discover();
    static Graph graph;
    static TuneResult reference;

    static TuneSettings tiny() {
        return TuneSettings.defaults(5, Duration.ofHours(1))
                .withEpochs(6, 0, 15, 5)
                .withRefinement(1, List.of(0.01, 0.02), List.of(Recipe.DEFAULT_LATENT));
    }

    static TuneResult tune(TuneSettings settings, int threads, LinkBaselines baselines) {
        try (Parallelism p = Parallelism.of(threads)) {
            return new Tuner(settings, PLUGINS, p, baselines, TuneListener.NONE).run(graph);
        }
    }

    @BeforeAll
    static void tuneOnce() {
        graph = TestGraphs.twoCommunities(40, 8, 7L);
        reference = tune(tiny(), 2, LinkBaselines.CLASSIC);
    }

    @Test
    void screensEveryCombinationThenRefinesTheBestByValidationAuc() {
        List<TrialResult> trials = reference.trials();
        assertThat(trials).hasSize(14);
        assertThat(reference.skipped()).isEmpty();
        assertThat(trials)
                .extracting(TrialResult::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        List<TrialResult> screened = trials.subList(0, 12);
        assertThat(screened)
                .allMatch(t -> t.stage() == Stage.SCREEN && t.recipe().epochs() == 6);
        assertThat(screened.stream().map(t -> t.recipe().features()).distinct())
                .containsExactly(
                        Provenance.Features.AS_LOADED, Provenance.Features.ROW_NORMALIZED, Provenance.Features.NONE);
        assertThat(screened.stream().map(t -> t.recipe().model()).distinct())
                .containsExactly(Recipe.Model.GAE, Recipe.Model.VGAE);
        assertThat(screened.stream().map(t -> t.recipe().loss()).distinct())
                .containsExactly(Recipe.Loss.FULL, Recipe.Loss.NEGATIVE_SAMPLING);
        // The refinement varies the learning rate of the best screened recipe, nothing else.
        TrialResult bestScreened = screened.stream()
                .filter(TrialResult::succeeded)
                .min(TrialResult.BY_VALIDATION)
                .orElseThrow();
        assertThat(trials.subList(12, 14))
                .extracting(TrialResult::recipe)
                .containsExactly(
                        bestScreened.recipe().withEpochs(15, 5),
                        bestScreened.recipe().with(0.02, 16).withEpochs(15, 5));
        // A screening trial runs all its epochs; its score is the best validation epoch's.
        assertThat(screened)
                .filteredOn(TrialResult::succeeded)
                .allMatch(t -> t.epochsDone() == 6 && t.bestEpoch() >= 1 && t.bestEpoch() <= 6);
    }

    @Test
    void theLeaderboardRanksTrialsAndHeuristicsByValidationAucAndTheWinnerIsItsBestTrial() {
        List<TuneResult.Row> rows = reference.leaderboard();
        List<TuneResult.Row> ranked = rows.stream().filter(r -> r.rank() > 0).toList();
        assertThat(ranked).extracting(TuneResult.Row::valAuc).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ranked)
                .extracting(TuneResult.Row::rank)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, ranked.size())
                        .boxed()
                        .toList());
        assertThat(ranked)
                .filteredOn(TuneResult.Row::isHeuristic)
                .extracting(TuneResult.Row::label)
                .containsExactly(rankedHeuristicLabels(ranked).toArray(String[]::new))
                .contains("Adamic-Adar", "common neighbours");
        TrialResult winner = reference.winner().orElseThrow();
        TrialResult bestTrial = ranked.stream()
                .filter(r -> !r.isHeuristic())
                .findFirst()
                .orElseThrow()
                .trial()
                .orElseThrow();
        assertThat(winner).isEqualTo(bestTrial);
        assertThat(reference.winnerTest()).isPresent();
        assertThat(reference.heuristicsTest())
                .containsOnlyKeys(reference.heuristicsValidation().keySet());
        assertThat(reference.winnerDescription().orElseThrow())
                .isEqualTo(winner.recipe().description(5));
    }

    private static List<String> rankedHeuristicLabels(List<TuneResult.Row> ranked) {
        return ranked.stream()
                .filter(TuneResult.Row::isHeuristic)
                .map(TuneResult.Row::label)
                .toList();
    }

    @Test
    void theSameSeedGivesTheSameLeaderboardWhateverTheThreadCount() {
        TuneResult one = tune(tiny(), 1, LinkBaselines.CLASSIC);
        assertThat(numbers(one)).isEqualTo(numbers(reference));
        assertThat(one.winnerTest()).isEqualTo(reference.winnerTest());
        // A different seed is a different search (another split, other initial weights).
        TuneResult other = tune(
                new TuneSettings(
                        6,
                        tiny().budget(),
                        0,
                        tiny().features(),
                        tiny().models(),
                        tiny().losses(),
                        6,
                        0,
                        15,
                        5,
                        1,
                        List.of(0.01, 0.02),
                        List.of(16)),
                2,
                LinkBaselines.NONE);
        assertThat(numbers(other)).isNotEqualTo(numbers(reference));
    }

    /** The leaderboard without the wall times: what must not change from run to run. */
    static List<String> numbers(TuneResult r) {
        return r.leaderboard().stream()
                .map(row -> row.rank() + " " + row.label() + " " + row.valAuc() + " "
                        + row.valAp() + " "
                        + row.trial()
                                .map(t -> t.number() + "@" + t.bestEpoch() + "/" + t.epochsDone())
                                .orElse("heuristic"))
                .toList();
    }

    @Test
    void theWinnersModelFileTrainsAgainToTheSameValidationAucAndTestScores() {
        TrialResult winner = reference.winner().orElseThrow();
        ModelDescription d = reference.winnerDescription().orElseThrow();
        // What `gae train --model-file best-model.json` does with the winner's feature flag: Gae.train's steps.
        Graph input = Tuner.withFeatures(graph, winner.recipe().features());
        TrainedModel again;
        try (Parallelism p = Parallelism.of(2)) {
            again = Gae.train(input, d.model(), d.training(), PLUGINS, p);
        }
        TrainingResult r = again.result().orElseThrow();
        EpochStats best = r.history().get(r.bestEpoch() - 1);
        assertThat(r.bestEpoch()).isEqualTo(winner.bestEpoch());
        assertThat(r.history()).hasSize(winner.epochsDone());
        assertThat(best.valAuc()).isEqualTo(winner.valAuc());
        assertThat(best.valAp()).isEqualTo(winner.valAp());
        // The search's one look at the test pairs is the test score of that training run.
        assertThat(reference.winnerTest().orElseThrow()).isEqualTo(r.test());
    }

    @Test
    void testPairsNeverInfluenceTheChoice() {
        // The same split with other test pairs (here: the validation pairs): every trial, rank and the winner stay;
        // only the one final look at the test pairs changes.
        LinkSplit split = LinkSplit.of(graph, Gae.REFERENCE_SPLIT.valFraction(), Gae.REFERENCE_SPLIT.testFraction(), 5);
        List<String> seen = new ArrayList<>();
        @SuppressWarnings("ReferenceEquality") // which of the split's own lists the tuner handed over, by identity
        LinkBaselines spy = (g, pos, neg, threads) -> {
            seen.add(pos == split.valPositives() ? "validation" : pos == split.testPositives() ? "test" : "other");
            return LinkBaselines.CLASSIC.score(g, pos, neg, threads);
        };
        TuneResult real;
        TuneResult swapped;
        try (Parallelism p = Parallelism.of(2)) {
            real = new Tuner(tiny(), PLUGINS, p, spy, TuneListener.NONE).run(graph, split);
            swapped = new Tuner(tiny(), PLUGINS, p, LinkBaselines.CLASSIC, TuneListener.NONE)
                    .run(graph, split.withTestHidden());
        }
        assertThat(numbers(real)).isEqualTo(numbers(reference));
        assertThat(numbers(swapped)).isEqualTo(numbers(real));
        assertThat(swapped.winner().map(TrialResult::number))
                .isEqualTo(real.winner().map(TrialResult::number));
        // The heuristics see the validation pairs for the leaderboard, the test pairs once, after the choice.
        assertThat(seen).containsExactly("validation", "test");
        LinkScores winnerOnValidation = swapped.winnerTest().orElseThrow();
        assertThat(winnerOnValidation.auc())
                .isEqualTo(real.winner().orElseThrow().valAuc());
        assertThat(real.winnerTest().orElseThrow().auc()).isNotEqualTo(winnerOnValidation.auc());
    }

    @Test
    void theBudgetCutsTheListToAPrefixAndSaysWhatWasSkipped() {
        // A clock that advances one second per epoch trained: the cut is deterministic.
        AtomicLong nanos = new AtomicLong();
        TuneListener ticking = new TuneListener() {
            @Override
            public void epoch(int number, EpochStats stats) {
                nanos.addAndGet(1_000_000_000L);
            }
        };
        TuneResult cut;
        try (Parallelism p = Parallelism.of(2)) {
            cut = new Tuner(
                            tiny().withBudget(Duration.ofSeconds(40)),
                            PLUGINS,
                            p,
                            LinkBaselines.NONE,
                            ticking,
                            nanos::get)
                    .run(graph);
        }
        // 6 screening trials of 6 epochs fit in 40 s; the 7th would end after 42 s, so it does not start.
        assertThat(cut.trials()).hasSize(6);
        assertThat(nanos.get()).isLessThanOrEqualTo(Duration.ofSeconds(40).toNanos());
        for (int k = 0; k < cut.trials().size(); k++) {
            TrialResult a = cut.trials().get(k);
            TrialResult b = reference.trials().get(k);
            assertThat(List.of(a.recipe(), a.valAuc(), a.valAp(), a.bestEpoch()))
                    .isEqualTo(List.of(b.recipe(), b.valAuc(), b.valAp(), b.bestEpoch()));
        }
        List<SkippedTrial> skipped = cut.skipped();
        assertThat(skipped).extracting(SkippedTrial::number).containsExactly(7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(skipped.get(0).reason()).contains("4 s of the budget left").contains("6 epochs");
        assertThat(skipped.get(1).reason()).isEqualTo("the search had ended");
        assertThat(cut.winner()).isPresent();
    }

    @Test
    void aTrialStillRunningAtTheDeadlineIsDiscarded() {
        AtomicLong nanos = new AtomicLong();
        TuneListener ticking = new TuneListener() {
            @Override
            public void epoch(int number, EpochStats stats) {
                nanos.addAndGet(1_000_000_000L);
            }
        };
        TuneResult cut;
        try (Parallelism p = Parallelism.of(2)) {
            cut = new Tuner(
                            tiny().withBudget(Duration.ofSeconds(3)),
                            PLUGINS,
                            p,
                            LinkBaselines.NONE,
                            ticking,
                            nanos::get)
                    .run(graph);
        }
        assertThat(cut.trials()).isEmpty();
        assertThat(cut.winner()).isEmpty();
        assertThat(cut.winnerTest()).isEmpty();
        // Nothing was screened, so no refinement could be planned: the 12 screening trials are all skipped.
        assertThat(cut.skipped()).hasSize(12);
        assertThat(cut.skipped().get(0).reason()).isEqualTo("stopped by the budget after 4 of 6 epochs and discarded");
    }

    @Test
    void theTrialLimitCutsTheListWithoutTheClock() {
        TuneResult five = tune(tiny().withMaxTrials(5), 2, LinkBaselines.CLASSIC);
        assertThat(five.trials()).hasSize(5);
        assertThat(numbers(five)).isEqualTo(numbers(tune(tiny().withMaxTrials(5), 1, LinkBaselines.CLASSIC)));
        assertThat(five.skipped()).hasSize(9);
        assertThat(five.skipped().get(0).reason()).isEqualTo("beyond the trial limit (5)");
    }

    @Test
    void aGraphWithoutFeaturesIsScreenedWithoutFeaturesOnly() {
        Graph plain = TestGraphs.randomGraph(60, 240, 3L);
        assertThat(Tuner.featureModes(plain, tiny().features())).containsExactly(Provenance.Features.NONE);
        assertThat(Tuner.featureModes(graph, tiny().features())).hasSize(3);
        assertThat(Tuner.screening(tiny(), Tuner.featureModes(plain, tiny().features())))
                .hasSize(4);
    }
}
