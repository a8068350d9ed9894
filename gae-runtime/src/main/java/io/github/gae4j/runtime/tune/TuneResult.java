// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.metrics.LinkScores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a search found: every finished trial in list order, the trials skipped (and why), the heuristics' validation
 * scores, and the winner — the trial with the best validation AUC — with its test AUC/AP and the heuristics' on the
 * same test pairs, the only test figures a search computes.
 *
 * @param winnerTest      the winner's test scores, empty when no trial finished
 * @param heuristicsTest  the heuristics' test scores (same pairs as the winner's)
 */
public record TuneResult(
        String graphName,
        TuneSettings settings,
        List<TrialResult> trials,
        List<SkippedTrial> skipped,
        Map<String, LinkScores> heuristicsValidation,
        Optional<TrialResult> winner,
        Optional<LinkScores> winnerTest,
        Map<String, LinkScores> heuristicsTest,
        long elapsedMillis) {

    public TuneResult {
        Objects.requireNonNull(graphName, "graphName is null");
        Objects.requireNonNull(settings, "settings is null");
        trials = List.copyOf(trials);
        skipped = List.copyOf(skipped);
        // Copies that keep the heuristics' order (Map.copyOf would not).
        heuristicsValidation = Collections.unmodifiableMap(new LinkedHashMap<>(heuristicsValidation));
        heuristicsTest = Collections.unmodifiableMap(new LinkedHashMap<>(heuristicsTest));
        Objects.requireNonNull(winner, "winner is null");
        Objects.requireNonNull(winnerTest, "winnerTest is null");
    }

    /** One line of the leaderboard: a trial or a heuristic, ranked by validation AUC. */
    public record Row(int rank, Optional<TrialResult> trial, String label, double valAuc, double valAp) {

        public boolean isHeuristic() {
            return trial.isEmpty();
        }
    }

    /**
     * The finished trials and the heuristics by validation AUC (then AP, then trials before heuristics, then list
     * order: no ties left to chance); diverged trials last, unranked (rank 0).
     */
    public List<Row> leaderboard() {
        List<Row> ranked = new ArrayList<>();
        for (TrialResult t : trials) {
            if (t.succeeded()) {
                ranked.add(new Row(0, Optional.of(t), t.recipe().label(), t.valAuc(), t.valAp()));
            }
        }
        heuristicsValidation.forEach((name, s) -> ranked.add(new Row(0, Optional.empty(), name, s.auc(), s.ap())));
        List<String> heuristicOrder = new ArrayList<>(heuristicsValidation.keySet());
        ranked.sort(Comparator.comparingDouble(Row::valAuc)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Row::valAp).reversed())
                .thenComparing(Row::isHeuristic)
                .thenComparingInt(r -> r.trial().map(TrialResult::number).orElse(heuristicOrder.indexOf(r.label()))));
        List<Row> out = new ArrayList<>();
        for (int k = 0; k < ranked.size(); k++) {
            Row r = ranked.get(k);
            out.add(new Row(k + 1, r.trial(), r.label(), r.valAuc(), r.valAp()));
        }
        for (TrialResult t : trials) {
            if (!t.succeeded()) {
                out.add(new Row(0, Optional.of(t), t.recipe().label(), t.valAuc(), t.valAp()));
            }
        }
        return out;
    }

    /** The winner's model file content: what {@code gae train --model-file} reads to train it again. */
    public Optional<ModelDescription> winnerDescription() {
        return winner.map(w -> w.recipe().description(settings.seed()));
    }
}
