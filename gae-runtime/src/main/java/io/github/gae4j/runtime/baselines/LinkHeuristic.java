// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.baselines;

/**
 * The classic link-prediction heuristics {@link LinkHeuristics} computes, each a score of a node pair
 * (u, v) on the training graph, where N(x) is the neighbourhood of x and d(x) = |N(x)|.
 */
public enum LinkHeuristic {

    /** |N(u) ∩ N(v)|. */
    COMMON_NEIGHBOURS("cn", "common neighbours"),
    /** Σ over w in N(u) ∩ N(v) of 1 / ln d(w) (every common neighbour has d(w) ≥ 2). */
    ADAMIC_ADAR("aa", "Adamic-Adar"),
    /** Σ over w in N(u) ∩ N(v) of 1 / d(w). */
    RESOURCE_ALLOCATION("ra", "resource allocation"),
    /** d(u) · d(v). */
    PREFERENTIAL_ATTACHMENT("pa", "preferential attachment"),
    /** β·A + β²·A² + β³·A³ at (u, v): walks of length 1 to 3, the longer ones damped by β. */
    KATZ("katz", "truncated Katz");

    private final String key;
    private final String label;

    LinkHeuristic(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Short stable name for JSON and CSV ("cn", "aa", "ra", "pa", "katz"). */
    public String key() {
        return key;
    }

    /** Human-readable name for tables and charts. */
    public String label() {
        return label;
    }
}
