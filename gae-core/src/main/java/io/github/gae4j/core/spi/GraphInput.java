// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.AddToRows;
import io.github.gae4j.core.autodiff.functions.FeaturesTimes;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What an encoder sees: the (training) graph, its normalised adjacency Â, the features X, and
 * optionally a {@link MaskToken}: a learnable row t that a corruption adds to some feature rows (GraphMAE's [MASK]
 * token), so the encoder's input is X' = X + 1_S·tᵀ. Â is computed once here and reused every epoch.
 *
 * <p>Encoders take their first product through {@link #featuresTimes} (and X' itself, if they need it, through
 * {@link #denseFeatures}), never {@code FeaturesTimes.of(features(), w)}: then the token reaches every encoder without it
 * knowing about masks. Code that builds an input from another uses the {@code with…} copies, which keep the token.
 *
 * @param maskToken null when there is none (always outside training passes)
 */
public record GraphInput(Graph graph, SparseMatrix normalizedAdjacency, Features features, MaskToken maskToken) {

    /**
     * A learnable 1 × d row added to the listed rows of X (sorted, distinct node indices); the variable is a
     * parameter of whoever created it (the {@code feature-mask} corruption), so gradients flow to it.
     */
    @SuppressWarnings("ArrayRecordComponent") // equals/hashCode are overridden to compare the arrays' contents
    public record MaskToken(int[] rows, Variable value) {

        public MaskToken {
            Objects.requireNonNull(rows, "rows is null");
            Objects.requireNonNull(value, "value is null");
            if (value.rows() != 1) {
                throw new IllegalArgumentException("A mask token is one row, got " + value.render());
            }
            for (int k = 0; k < rows.length; k++) {
                if (rows[k] < 0 || (k > 0 && rows[k] <= rows[k - 1])) {
                    throw new IllegalArgumentException(
                            "Mask token rows must be sorted, distinct and non-negative: " + Arrays.toString(rows));
                }
            }
            rows = rows.clone();
        }

        @Override
        public int[] rows() {
            return rows.clone();
        }

        /** The same token without the flagged rows (e.g. rows a later mask set to zero), or null if none is left. */
        public MaskToken withoutRows(boolean[] flagged) {
            int[] kept = Arrays.stream(rows)
                    .filter(i -> i >= flagged.length || !flagged[i])
                    .toArray();
            return kept.length == 0 ? null : new MaskToken(kept, value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MaskToken t && Arrays.equals(rows, t.rows) && value == t.value;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(rows) + System.identityHashCode(value);
        }

        @Override
        public String toString() {
            return "MaskToken[" + rows.length + " rows, " + value.render() + "]";
        }
    }

    public GraphInput {
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(normalizedAdjacency, "normalizedAdjacency is null");
        Objects.requireNonNull(features, "features is null");
        if (features.rows() != graph.nodeCount() || normalizedAdjacency.rows() != graph.nodeCount()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Graph has %d nodes but features have %d rows and Â has %d",
                    graph.nodeCount(),
                    features.rows(),
                    normalizedAdjacency.rows()));
        }
        if (maskToken != null && maskToken.rows.length == 0) {
            maskToken = null;
        }
        if (maskToken != null) {
            int last = maskToken.rows[maskToken.rows.length - 1];
            if (maskToken.value.cols() != features.dim() || last >= graph.nodeCount()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "A mask token for %d features on %d nodes cannot be %s on row %d",
                        features.dim(),
                        graph.nodeCount(),
                        maskToken.value.shape(),
                        last));
            }
        }
    }

    /** Without a mask token. */
    public GraphInput(Graph graph, SparseMatrix normalizedAdjacency, Features features) {
        this(graph, normalizedAdjacency, features, null);
    }

    /** Â from the graph's adjacency; X = the graph's features, or I when it has none. */
    public static GraphInput of(Graph graph) {
        return new GraphInput(graph, NormalizedAdjacency.of(graph.adjacency()), graph.featuresOrIdentity());
    }

    public int nodeCount() {
        return graph.nodeCount();
    }

    /**
     * X' · w = X · w (the sparse-aware product of {@link FeaturesTimes}) plus, with a mask token, t · w on the
     * token's rows; X' is never built. The encoders' first product.
     */
    public Variable featuresTimes(Variable w) {
        Variable xw = FeaturesTimes.of(features, w);
        if (maskToken == null) {
            return xw;
        }
        return AddToRows.of(xw, maskToken.rows, MatMul.of(maskToken.value, w));
    }

    /** X' as a dense N × d variable, for encoders that add the input itself to a layer's output (a residual). */
    public Variable denseFeatures() {
        Constant x = Constant.of(features.toDense());
        return maskToken == null ? x : AddToRows.of(x, maskToken.rows, maskToken.value);
    }

    /** This input with features {@code x} (a feature corruption, input dropout); graph, Â and token kept. */
    public GraphInput withFeatures(Features x) {
        return new GraphInput(graph, normalizedAdjacency, x, maskToken);
    }

    /** This input on graph {@code g}, Â rebuilt from its adjacency (an edge corruption); features and token kept. */
    public GraphInput withGraph(Graph g) {
        return new GraphInput(g, NormalizedAdjacency.of(g.adjacency()), features, maskToken);
    }

    /** This input with mask token {@code token} (null: none). */
    public GraphInput withMaskToken(MaskToken token) {
        return new GraphInput(graph, normalizedAdjacency, features, token);
    }
}
