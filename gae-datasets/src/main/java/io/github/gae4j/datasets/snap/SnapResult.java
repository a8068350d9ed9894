// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import io.github.gae4j.core.graph.Graph;
import java.util.Objects;

/**
 * An edge-list graph and the report of how it was read.
 *
 * @param graph  the graph
 * @param report the counts of what was read, dropped and merged
 */
public record SnapResult(Graph graph, SnapReport report) {

    public SnapResult {
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(report, "report is null");
    }
}
