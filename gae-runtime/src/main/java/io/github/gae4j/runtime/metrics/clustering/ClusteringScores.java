// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.clustering;

/**
 * The three node-clustering scores of the graph-autoencoder literature, all in the usual ranges:
 * {@code acc} and {@code nmi} in [0, 1], {@code ari} in [-0.5, 1] (0 for chance level).
 *
 * @param acc clustering accuracy under the best one-to-one cluster-to-class matching
 * @param nmi normalised mutual information (arithmetic-mean normalisation)
 * @param ari adjusted Rand index
 * @see ClusteringMetrics
 */
public record ClusteringScores(double acc, double nmi, double ari) {}
