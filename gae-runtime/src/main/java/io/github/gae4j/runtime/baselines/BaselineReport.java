// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.baselines;

import io.github.gae4j.runtime.metrics.LinkScores;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every heuristic's scores on the same test pairs, in {@link LinkHeuristic} order, and how long they
 * took (wall clock; the only field that differs between two runs).
 */
public record BaselineReport(List<HeuristicScore> heuristics, double katzBeta, long elapsedMillis) {

    public BaselineReport {
        if (heuristics.isEmpty()) {
            throw new IllegalArgumentException("A baseline report needs at least one heuristic");
        }
        heuristics = List.copyOf(heuristics);
    }

    /** The heuristic with the highest AUC; ties go to the higher AP, then to the earlier in enum order. */
    public HeuristicScore best() {
        return heuristics.stream()
                .max(Comparator.comparingDouble(HeuristicScore::auc)
                        .thenComparingDouble(HeuristicScore::ap)
                        .thenComparing(HeuristicScore::heuristic, Comparator.reverseOrder()))
                .orElseThrow();
    }

    /** The score of {@code heuristic}; throws if it was not computed. */
    public HeuristicScore get(LinkHeuristic heuristic) {
        return heuristics.stream()
                .filter(h -> h.heuristic() == heuristic)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + heuristic.label() + " in this report"));
    }

    /** The model's lead (positive) or deficit (negative) over the best heuristic, in AUC and AP points (× 100). */
    public Lead leadOf(LinkScores model) {
        HeuristicScore b = best();
        return new Lead(b.heuristic(), 100 * (model.auc() - b.auc()), 100 * (model.ap() - b.ap()));
    }

    /** A model's lead over {@code against}, in points; negative is a deficit. */
    public record Lead(LinkHeuristic against, double aucPoints, double apPoints) {

        /** Whether the model is below the heuristic in AUC. */
        public boolean behind() {
            return aucPoints < 0;
        }

        /** "+2.3" or "−1.1" (a true minus sign), one decimal; "0.0" for what rounds to zero. */
        public static String points(double points) {
            String s = String.format(Locale.ROOT, "%+.1f", points);
            if (s.equals("+0.0") || s.equals("-0.0")) {
                return "0.0";
            }
            return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
        }
    }
}
