// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

/**
 * One seed of one (dataset, model) cell of the reproduce table: what it was run with and what it scored.
 * {@code auc} and {@code ap} are NaN when the recipe trains on every edge (no held-out links);
 * the clustering and probe figures are NaN on a graph without labels.
 */
public record SeedRun(
        String dataset,
        String model,
        int seed,
        int epochs,
        int threads,
        String jdk,
        double auc,
        double ap,
        double acc,
        double nmi,
        double ari,
        double probe,
        double seconds) {

    /** Whether this run held out links (its recipe did not train on every edge). */
    public boolean hasLinkScores() {
        return !Double.isNaN(auc);
    }
}
