// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.testkit.TestGraphs;

/** Patterns for the graph-attention op tests. */
final class AttentionTestSupport {

    private AttentionTestSupport() {}

    /** A hub (node 0) with {@code leaves} neighbours, one isolated node, self-loops added. */
    static AttentionPattern starWithIsolatedNode(int leaves) {
        return AttentionPattern.withSelfLoops(
                TestGraphs.starWithIsolatedNode(leaves).adjacency());
    }

    /** A small random graph whose last node is isolated, self-loops added. */
    static AttentionPattern random(int nodes, int edges, long seed) {
        return AttentionPattern.withSelfLoops(
                TestGraphs.randomGraph(nodes, edges, seed).adjacency());
    }

    /** Node of edge p's row. */
    static int rowOf(AttentionPattern pattern, int p) {
        for (int i = 0; i < pattern.nodes(); i++) {
            if (p < pattern.rowEnd(i)) {
                return i;
            }
        }
        throw new IllegalArgumentException("edge " + p);
    }
}
