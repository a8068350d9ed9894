// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import io.github.gae4j.core.graph.Graph;
import java.util.Objects;

/**
 * A LINQS graph and the report of how it was read.
 *
 * @param graph  the graph
 * @param report the counts of what was read, dropped and merged
 */
public record LinqsResult(Graph graph, LinqsReport report) {

    public LinqsResult {
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(report, "report is null");
    }
}
