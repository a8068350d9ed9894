package io.github.gae4j.core.spi;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;
import java.util.Objects;

/**
 * What an encoder sees: the (training) graph, its normalised adjacency Â, the features X and the
 * thread budget. Â is computed once here and reused every epoch.
 */
public record GraphInput(Graph graph, SparseMatrix normalizedAdjacency, Features features, Parallelism parallelism) {

    public GraphInput {
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(normalizedAdjacency, "normalizedAdjacency is null");
        Objects.requireNonNull(features, "features is null");
        Objects.requireNonNull(parallelism, "parallelism is null");
        if (features.rows() != graph.nodeCount() || normalizedAdjacency.rows() != graph.nodeCount()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Graph has %d nodes but features have %d rows and Â has %d", graph.nodeCount(),
                    features.rows(), normalizedAdjacency.rows()));
        }
    }

    /** Â from the graph's adjacency; X = the graph's features, or I when it has none. */
    public static GraphInput of(Graph graph, Parallelism parallelism) {
        return new GraphInput(graph, NormalizedAdjacency.of(graph.adjacency()), graph.featuresOrIdentity(), parallelism);
    }

    public int nodeCount() {
        return graph.nodeCount();
    }
}
