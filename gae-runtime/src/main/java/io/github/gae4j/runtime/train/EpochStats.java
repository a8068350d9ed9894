// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

/**
 * One epoch: training loss, validation AUC/AP (NaN without validation edges) and the wall time of
 * the training step alone (forward, backward, update; evaluation excluded).
 */
public record EpochStats(int epoch, double loss, double valAuc, double valAp, double trainMillis) {}
