/**
 * The execution-backend seam: where the loss and the gradients of a training step are computed.
 *
 * <p>A {@link io.github.gae4j.runtime.train.TrainingStep} hands its {@link
 * io.github.gae4j.runtime.backend.ExecutionBackend} the {@link io.github.gae4j.runtime.backend.TrainingObjective}
 * (what is trained), the current weights, a {@link io.github.gae4j.runtime.backend.WorkBatch} (the whole graph, a
 * set of labelled pairs, or a set of nodes) and the step's seed, and steps the optimiser on exactly the {@link
 * io.github.gae4j.runtime.backend.LossAndGradients} that come back. A batch's loss is a sum over its examples, so
 * a backend may cut the batch, compute the parts anywhere, and {@linkplain
 * io.github.gae4j.runtime.backend.LossAndGradients#sum sum} them in a fixed order.
 *
 * <p>{@link io.github.gae4j.runtime.backend.LocalBackend} is the single-machine backend (one forward and backward
 * pass with a thread budget); {@link io.github.gae4j.runtime.backend.ModelObjective} is a graph autoencoder's
 * full-graph objective, which refuses pairs and nodes with an {@link java.lang.UnsupportedOperationException} naming
 * the batch and the loss terms. Mini-batch training ({@code runtime.minibatch}) plugs in here: its plan makes
 * edge-seeded {@link io.github.gae4j.runtime.backend.WorkBatch.Links} batches (positives, sampled non-edges and a
 * share of the nodes, drawn from (seed, epoch, batch)) and its objective samples each batch's subgraph and computes
 * it; a loss term that needs the whole graph refuses, by name. What plugs in next: a distributed backend (Spark) ships
 * the model description (JSON) and the weights (as {@code double[]}) to its executors, each computes its block's
 * {@code LossAndGradients} with the mini-batch objective and a local backend, and the driver sums them before the
 * optimiser steps; objectives whose terms train state of their own between passes (an adversarial discriminator)
 * cannot be split and must be refused there.
 * A new backend depends on {@code gae-runtime} and implements {@code ExecutionBackend}; the trainer takes it in
 * its constructor ({@code new Trainer(config, backend, parallelism, plugins, listeners)}).
 */
package io.github.gae4j.runtime.backend;
