// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

/**
 * One optimiser step of a mini-batch epoch.
 *
 * @param epoch   the epoch (1-based)
 * @param batch   the step within the epoch (1-based)
 * @param batches the epoch's steps
 * @param loss    the batch's mean loss
 * @param millis  the step's wall time
 */
public record BatchStats(int epoch, int batch, int batches, double loss, double millis) {}
