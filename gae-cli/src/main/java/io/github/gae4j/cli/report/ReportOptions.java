// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import java.util.Locale;

/**
 * What a run report computes beyond the basics.
 *
 * @param tsne               whether to add an exact t-SNE projection (O(N²) per iteration on the drawn nodes)
 * @param maxProjectedPoints at most this many nodes, drawn uniformly at random, appear in the projections
 * @param tsneIterations     gradient steps of t-SNE (the first 250 use early exaggeration)
 * @param perplexity         t-SNE perplexity, lowered to (N − 1) / 3 when too few nodes are drawn
 */
public record ReportOptions(boolean tsne, int maxProjectedPoints, int tsneIterations, double perplexity) {

    public ReportOptions {
        if (maxProjectedPoints < 3) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "maxProjectedPoints must be at least 3, got %d", maxProjectedPoints));
        }
        if (tsneIterations < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "tsneIterations must be at least 1, got %d", tsneIterations));
        }
        if (!(perplexity > 0) || Double.isInfinite(perplexity)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "perplexity must be positive and finite, got %s", perplexity));
        }
    }

    /** t-SNE on, at most 2000 projected nodes, 750 t-SNE iterations, perplexity 30. */
    public static ReportOptions defaults() {
        return new ReportOptions(true, 2000, 750, 30);
    }
}
