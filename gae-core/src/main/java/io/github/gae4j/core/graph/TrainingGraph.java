package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Objects;

/**
 * The training graph with what losses derive from it, built once per run: the reconstruction
 * target A_train + I, the positive edges, and a negative sampler that excludes training edges.
 */
public final class TrainingGraph {

    private final Graph graph;
    private final SparseMatrix target;
    private final EdgeList positives;
    private volatile NegativeSampler negativeSampler;

    public TrainingGraph(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph is null");
        this.target = NormalizedAdjacency.withSelfLoops(graph.adjacency());
        this.positives = graph.upperTriangleEdges();
    }

    public Graph graph() {
        return graph;
    }

    public int nodeCount() {
        return graph.nodeCount();
    }

    /** A_train + I, symmetric, the target of the full-graph reconstruction loss. */
    public SparseMatrix reconstructionTarget() {
        return target;
    }

    /** Training edges, each once (i < j). */
    public EdgeList positives() {
        return positives;
    }

    /** Uniform non-edges of the training graph; built on first use. */
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
