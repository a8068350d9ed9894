// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::baselines[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.baselines.HeuristicScore;
import io.github.gae4j.runtime.baselines.LinkHeuristics;
import io.github.gae4j.runtime.metrics.LinkScores;
// end::baselines[]

/** README, "Baselines beside every score": the heuristics on a split's test pairs, and a model's lead. */
final class BaselinesExample {

    private BaselinesExample() {}

    // tag::baselines[]
    static BaselineReport.Lead baselines(Graph graph, LinkScores modelTestScores, long seed) {
        LinkSplit split = LinkSplit.of(graph, seed); // the split the model was scored on
        try (Parallelism parallelism = Parallelism.of(2)) {
            BaselineReport report = LinkHeuristics.evaluate(
                    split.trainGraph(), split.testPositives(), split.testNegatives(), parallelism);
            for (HeuristicScore h : report.heuristics()) { // CN, AA, RA, PA, truncated Katz
                System.out.printf("%-24s AUC %.4f  AP %.4f%n", h.heuristic().label(), h.auc(), h.ap());
            }
            return report.leadOf(modelTestScores); // model − best heuristic, in points
        }
    }
    // end::baselines[]
}
