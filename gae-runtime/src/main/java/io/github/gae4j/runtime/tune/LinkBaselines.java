package io.github.gae4j.runtime.tune;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.metrics.LinkScores;
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

    /** Each heuristic's name and its AUC/AP on these pairs, in a fixed order. */
    Map<String, LinkScores> score(Graph trainGraph, EdgeList positives, EdgeList negatives, Parallelism threads);
}
