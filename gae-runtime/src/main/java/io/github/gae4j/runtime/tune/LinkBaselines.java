// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.baselines.HeuristicScore;
import io.github.gae4j.runtime.baselines.LinkHeuristics;
import io.github.gae4j.runtime.metrics.LinkScores;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classic link heuristics scored on the training graph, for the leaderboard: on the validation pairs beside the
 * trials (they need no training, so they are candidates of the same comparison), and on the test pairs once at the
 * end, beside the winner.
 */
@FunctionalInterface
public interface LinkBaselines {

    /** No heuristics. */
    LinkBaselines NONE = (trainGraph, positives, negatives, threads) -> Map.of();

    /**
     * The classic heuristics of {@link LinkHeuristics} (common neighbours, Adamic-Adar, resource allocation,
     * preferential attachment, truncated Katz), under their labels.
     */
    LinkBaselines CLASSIC = (trainGraph, positives, negatives, threads) -> {
        Map<String, LinkScores> out = new LinkedHashMap<>();
        for (HeuristicScore h : LinkHeuristics.evaluate(trainGraph, positives, negatives, threads)
                .heuristics()) {
            out.put(h.heuristic().label(), h.scores());
        }
        return out;
    };

    /** Each heuristic's name and its AUC/AP on these pairs, in a fixed order. */
    Map<String, LinkScores> score(Graph trainGraph, EdgeList positives, EdgeList negatives, Parallelism threads);
}
