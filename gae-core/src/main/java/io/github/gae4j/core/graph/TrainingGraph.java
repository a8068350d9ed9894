// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Objects;

/**
 * The training graph with what losses derive from it, built once per run: the reconstruction
 * target A_train + I, the positive edges, and a negative sampler that excludes training edges. The target and
 * the sampler are built on first use (mini-batch training never needs the target).
 * For a directed graph the target is the directed A_train + I (not symmetric: t_ij = 1 for an edge
 * i → j) and the positives are the directed edges.
 */
public final class TrainingGraph {

    private final Graph graph;
    private volatile EdgeList positives;
    private volatile SparseMatrix target;
    private volatile NegativeSampler negativeSampler;

    public TrainingGraph(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph is null");
    }

    public Graph graph() {
        return graph;
    }

    public int nodeCount() {
        return graph.nodeCount();
    }

    /**
     * A_train + I, the target of the full-graph reconstruction loss: symmetric (and flagged so) for
     * an undirected graph; for a directed graph t_ij = 1 for each edge i → j and on the diagonal.
     */
    public SparseMatrix reconstructionTarget() {
        // Built on first use: only the full-graph loss reads it, and on a big graph it is A's size again.
        SparseMatrix t = target;
        if (t == null) {
            synchronized (this) {
                t = target;
                if (t == null) {
                    t = NormalizedAdjacency.withSelfLoops(graph.adjacency());
                    target = t;
                }
            }
        }
        return t;
    }

    /** Training edges, each once: (i, j) with i {@literal <} j for an undirected graph, every edge i → j for a directed one. */
    public EdgeList positives() {
        // Built on first use: a Spark part's training graph never lists its edges (its pairs are its own), and
        // the list is 8 bytes an edge.
        EdgeList p = positives;
        if (p == null) {
            synchronized (this) {
                p = positives;
                if (p == null) {
                    p = graph.edges();
                    positives = p;
                }
            }
        }
        return p;
    }

    /** Uniform non-edges of the training graph (ordered pairs (i, j) with no edge i → j if directed); built on first use. */
    public NegativeSampler negativeSampler() {
        NegativeSampler s = negativeSampler;
        if (s == null) {
            synchronized (this) {
                s = negativeSampler;
                if (s == null) {
                    s = new NegativeSampler(graph);
                    negativeSampler = s;
                }
            }
        }
        return s;
    }
}
