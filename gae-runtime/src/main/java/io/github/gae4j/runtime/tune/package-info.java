/**
 * {@code gae tune} as a library: a validation-driven, budgeted, deterministic search over training recipes
 * (feature mode, GAE/VGAE, full-graph or negative-sampling loss, learning rate, latent width) for one graph.
 * Start with {@link io.github.gae4j.runtime.tune.Tuner}.
 */
package io.github.gae4j.runtime.tune;
