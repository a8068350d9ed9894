// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.OptimizerState;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.runtime.train.TrainingState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each history check on synthetic histories: what fires, with which numbers, and what stays silent. */
final class TrainingDiagnosticsTest {

    private static final Advice RAW = new Advice(Advice.FeatureKind.RAW, 267, 0.01, false);

    private final List<Warning> heard = new ArrayList<>();

    private TrainingDiagnostics diagnostics(DiagnosticThresholds thresholds, int epochs) {
        return new TrainingDiagnostics(thresholds, epochs, RAW, null, heard::add);
    }

    private static List<EpochStats> history(double[] losses, double[] aucs) {
        List<EpochStats> out = new ArrayList<>();
        for (int k = 0; k < losses.length; k++) {
            out.add(new EpochStats(k + 1, losses[k], aucs[k], aucs[k], 1));
        }
        return out;
    }

    private static void feed(TrainingDiagnostics d, List<EpochStats> history) {
        history.forEach(d::onEpoch);
    }

    private static TrainingResult result(List<EpochStats> history, int bestEpoch, boolean stopped) {
        TrainingState state = new TrainingState(
                history.size(), history, bestEpoch, 0.8, List.of(), List.of(), new OptimizerState("adam", Map.of()));
        return new TrainingResult(history, bestEpoch, new LinkScores(0.8, 0.8), stopped, state);
    }

    /** Amazon Computers with raw features: 0.68 → 48.6 at epoch 2, then back down. */
    @Test
    void aLossJumpOfMoreThanTheFactorIsASpikeReportedOnceWithItsNumbers() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        feed(d, history(new double[] {0.68, 48.6, 4.83, 0.69, 30.0}, new double[] {0.57, 0.80, 0.79, 0.5, 0.5}));
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("loss-spike");
            assertThat(w.epoch()).isEqualTo(2);
            assertThat(w.message()).contains("71.5×", "epoch 2", "from 0.6800 to 48.60", "mean row sum 267");
            assertThat(w.advice()).contains("--normalize-features", "--no-features", "--lr 0.001");
        });
        assertThat(heard).isEqualTo(d.warnings());
    }

    @Test
    void aJumpBelowTheFactorOrAFallingLossIsNoSpike() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        feed(d, history(new double[] {0.7, 6.0, 0.6, 0.5, 0.45}, new double[] {0.8, 0.8, 0.8, 0.8, 0.8}));
        assertThat(d.warnings()).isEmpty();

        TrainingDiagnostics lower = diagnostics(DiagnosticThresholds.defaults().withLossSpikeFactor(5), 200);
        feed(lower, history(new double[] {0.7, 6.0, 0.6}, new double[] {0.8, 0.8, 0.8}));
        assertThat(lower.warnings()).extracting(Warning::code).containsExactly("loss-spike");
    }

    @Test
    void negativeOrNonFiniteLossesNeverMakeASpike() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        feed(d, history(new double[] {-0.1, 5, Double.NaN, 50, 0, 1}, new double[] {0.8, 0.8, 0.8, 0.8, 0.8, 0.8}));
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void validationAucAtChanceForSeveralValidatedEpochsIsFlat() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        double nan = Double.NaN;
        // Unvalidated epochs (NaN) neither count nor break the streak.
        feed(d, history(new double[] {0.7, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69, 0.69}, new double[] {
            0.8, 0.5, 0.5003, nan, 0.4999, 0.5, 0.5, 0.5, 0.5
        }));
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("flat-auc");
            assertThat(w.epoch()).isEqualTo(7);
            assertThat(w.message()).contains("0.5000", "5 validated epochs since epoch 2");
            assertThat(w.advice()).contains("--loss negative-sampling-bce");
        });
    }

    @Test
    void aStreakBrokenByALearningEpochOrAwayFromChanceIsNotFlat() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        feed(d, history(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, new double[] {
            0.5, 0.5, 0.5, 0.5, 0.56, 0.5, 0.5, 0.5, 0.5
        }));
        feed(d, history(new double[] {1, 1, 1, 1, 1, 1}, new double[] {0.52, 0.48, 0.52, 0.48, 0.52, 0.48}));
        assertThat(d.warnings()).isEmpty();
    }

    /** A resumed run replays the earlier session's history: its spike is raised again, the next epoch compared. */
    @Test
    void replayingAnEarlierSessionRaisesItsWarningsAndContinuesTheComparison() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        d.replay(history(new double[] {0.68, 48.6, 4.83}, new double[] {0.57, 0.80, 0.79}));
        assertThat(d.warnings())
                .extracting(Warning::code, Warning::epoch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("loss-spike", 2));
        TrainingDiagnostics resumed =
                diagnostics(DiagnosticThresholds.defaults().withFlatAuc(0.005, 2), 200);
        resumed.replay(history(new double[] {0.7, 0.6}, new double[] {0.8, 0.5}));
        resumed.onEpoch(new EpochStats(3, 7.0, 0.5, 0.5, 1));
        assertThat(resumed.warnings())
                .extracting(Warning::code, Warning::epoch)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("loss-spike", 3),
                        org.assertj.core.groups.Tuple.tuple("flat-auc", 3));
    }

    @Test
    void aBestEpochInTheFirstFewPercentOfTheRunIsEarly() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        List<EpochStats> h = history(new double[200], new double[200]);
        d.finish(result(h, 2, false));
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("early-best-epoch");
            assertThat(w.epoch()).isZero();
            assertThat(w.message()).contains("epoch is 2 of 200", "1.00%");
        });
    }

    @Test
    void aLateBestEpochAShortRunOrAStopOnRequestJudgedOnWhatItDidAreNotEarly() {
        TrainingDiagnostics healthy = diagnostics(DiagnosticThresholds.defaults(), 200);
        healthy.finish(result(history(new double[200], new double[200]), 67, false));
        assertThat(healthy.warnings()).isEmpty();

        TrainingDiagnostics shortRun = diagnostics(DiagnosticThresholds.defaults(), 10);
        shortRun.finish(result(history(new double[10], new double[10]), 1, false));
        assertThat(shortRun.warnings()).isEmpty();

        // Stopped after 30 of 200 epochs (Ctrl-C, --stop-after): best 10 is a third of what ran, not 5 % of 200.
        TrainingDiagnostics stopped = diagnostics(DiagnosticThresholds.defaults(), 200);
        stopped.finish(result(history(new double[30], new double[30]), 10, true));
        assertThat(stopped.warnings()).isEmpty();

        // Patience ended it after 30 epochs: judged against the 200 it was meant to run.
        TrainingDiagnostics patience = diagnostics(DiagnosticThresholds.defaults(), 200);
        patience.finish(result(history(new double[30], new double[30]), 10, false));
        assertThat(patience.warnings()).extracting(Warning::code).containsExactly("early-best-epoch");
    }

    @Test
    void aModelBelowTheBestHeuristicIsReportedWithTheDeficitInPoints() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        Optional<Warning> w = d.compareWithBaseline(0.804, Optional.of(new Baseline("resource-allocation", 0.970)));
        assertThat(w).hasValueSatisfying(x -> {
            assertThat(x.code()).isEqualTo("below-baseline");
            assertThat(x.message()).contains("0.8040", "16.6 points below resource-allocation (0.9700)");
            assertThat(x.advice()).contains("--no-features", "resource-allocation itself");
        });
        assertThat(heard).containsExactly(w.get());
    }

    @Test
    void aModelAtOrAboveTheHeuristicOrWithoutOneIsNotBelow() {
        TrainingDiagnostics d = diagnostics(DiagnosticThresholds.defaults(), 200);
        assertThat(d.compareWithBaseline(0.978, Optional.of(new Baseline("adamic-adar", 0.970))))
                .isEmpty();
        assertThat(d.compareWithBaseline(0.970, Optional.of(new Baseline("adamic-adar", 0.970))))
                .isEmpty();
        assertThat(d.compareWithBaseline(0.5, Optional.empty())).isEmpty();
        TrainingDiagnostics lenient =
                diagnostics(DiagnosticThresholds.defaults().withBaselineMargin(0.01), 200);
        assertThat(lenient.compareWithBaseline(0.945, Optional.of(new Baseline("adamic-adar", 0.951))))
                .isEmpty();
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void thresholdsOutOfRangeAreRejectedWithTheValue() {
        assertThatThrownBy(() -> DiagnosticThresholds.defaults().withLossSpikeFactor(1))
                .hasMessageContaining("lossSpikeFactor")
                .hasMessageContaining("got 1");
        assertThatThrownBy(() -> DiagnosticThresholds.defaults().withRankOneShare(0))
                .hasMessageContaining("rankOneShare");
        assertThat(DiagnosticThresholds.defaults().probeInterval(200)).isEqualTo(20);
        assertThat(DiagnosticThresholds.defaults().withProbeEvery(3).probeInterval(200))
                .isEqualTo(3);
        assertThat(DiagnosticThresholds.defaults().probeInterval(5)).isEqualTo(5);
    }
}
