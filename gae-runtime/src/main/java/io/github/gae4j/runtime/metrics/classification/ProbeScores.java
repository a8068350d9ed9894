// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.classification;

/**
 * What a linear probe scores: accuracies in [0, 1] on the three parts of the node split, taken at
 * {@code bestEpoch}, the epoch with the best validation accuracy (the last epoch when the split
 * has no validation nodes).
 */
public record ProbeScores(double trainAccuracy, double validationAccuracy, double testAccuracy, int bestEpoch) {}
