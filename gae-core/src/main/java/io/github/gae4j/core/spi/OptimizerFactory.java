// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.optim.Optimizer;

/**
 * Creates {@link Optimizer}s; returned by {@link GaePlugin#optimizers()} and chosen by name in the training
 * settings ({@code "optimizer": {"name": "adamw", "options": {"weight-decay": 0.01}}}, {@code --optimizer}). The
 * learning rate is not an option: the trainer gives it with every step (its schedule). The creation context's
 * seed is the run's, for an optimiser that draws random numbers.
 */
public interface OptimizerFactory extends ComponentFactory<Optimizer> {}
