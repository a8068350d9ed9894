/**
 * The training loop, in pieces a caller may also compose alone.
 *
 * <ul>
 *   <li>{@link io.github.gae4j.runtime.train.TrainerConfig}: the settings, built with {@code builder()}; the
 *       optimiser is a plugin by name with options ({@code adam} by default).</li>
 *   <li>{@link io.github.gae4j.runtime.train.TrainingStep}: one optimisation step, the backend's loss and gradients
 *       of a batch, checked, clipped, then the optimiser.</li>
 *   <li>{@link io.github.gae4j.runtime.train.Validator}: validation every {@code evalEvery} epochs, the best epoch
 *       and its weights, patience, {@code restoreBest}, test scores.</li>
 *   <li>{@link io.github.gae4j.runtime.train.TrainingListener}s after every epoch, in order: the log lines
 *       ({@link io.github.gae4j.runtime.train.LoggingListener}), progress, checkpoints, stop requests.</li>
 *   <li>{@link io.github.gae4j.runtime.train.TrainingLoop}: the epochs, resume from a
 *       {@link io.github.gae4j.runtime.train.TrainingState} (weights, optimiser state by name, loss terms' state,
 *       best epoch), stops; each epoch's randomness is {@code epochSeed(seed, epoch)}, its rate a function of the
 *       epoch, so a resumed run is the uninterrupted one bit for bit.</li>
 *   <li>{@link io.github.gae4j.runtime.train.Trainer}: the facade that builds all of it,
 *       {@code new Trainer(config, parallelism).fit(model, split)}.</li>
 * </ul>
 */
package io.github.gae4j.runtime.train;
