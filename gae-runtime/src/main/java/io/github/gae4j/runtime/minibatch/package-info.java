// SPDX-License-Identifier: Apache-2.0
/**
 * Mini-batch training with neighbour sampling: edge-seeded batches ({@link
 * io.github.gae4j.runtime.minibatch.LinkBatchPlan}), the L-hop sampled subgraph the unchanged encoder runs on
 * ({@link io.github.gae4j.runtime.minibatch.NeighbourSampler}), the objective that computes a batch on it ({@link
 * io.github.gae4j.runtime.minibatch.MiniBatchObjective}), and the probe that finds how many hops an encoder reaches
 * ({@link io.github.gae4j.runtime.minibatch.ReceptiveField}). Every draw is seeded by (seed, epoch, batch) ({@link
 * io.github.gae4j.runtime.minibatch.Seeds}); the training loop runs an {@link
 * io.github.gae4j.runtime.minibatch.EpochPlan}'s steps through the execution backend, so a distributed backend
 * computes the same batches.
 */
package io.github.gae4j.runtime.minibatch;
