// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import io.github.gae4j.core.graph.Graph;
import java.util.Objects;

/**
 * An npz graph and the report of how it was read.
 *
 * @param graph  the graph
 * @param report the counts of what was read, dropped, merged and skipped
 */
public record NpzResult(Graph graph, NpzReport report) {

    public NpzResult {
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(report, "report is null");
    }
}
