// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.synthetic.StochasticBlockModel;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.metrics.LinkScores;
import org.junit.jupiter.api.Test;

/** Runs the README's baselines snippet: a perfect scorer leads the best heuristic by its shortfall from 1. */
final class BaselinesExampleTest {

    @Test
    void aPerfectModelLeadsByWhatTheBestHeuristicMisses() {
        Graph graph = StochasticBlockModel.builder()
                .nodes(300)
                .communities(5)
                .seed(4)
                .build()
                .generate();
        BaselineReport.Lead lead = BaselinesExample.baselines(graph, new LinkScores(1.0, 1.0), 4);
        assertThat(lead.aucPoints()).isBetween(0.0, 50.0);
        assertThat(lead.apPoints()).isGreaterThanOrEqualTo(0.0);
        assertThat(lead.behind()).isFalse();
        BaselineReport.Lead none = BaselinesExample.baselines(graph, new LinkScores(0.5, 0.5), 4);
        assertThat(none.aucPoints()).isCloseTo(lead.aucPoints() - 50, within(1e-9));
    }
}
