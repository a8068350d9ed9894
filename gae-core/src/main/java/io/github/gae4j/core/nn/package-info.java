/**
 * Layer helpers over the autodiff ops ({@link io.github.gae4j.core.nn.Linear}, {@link io.github.gae4j.core.nn.Mlp},
 * {@link io.github.gae4j.core.nn.AffineNorm}) that create their weights named once and register them in a
 * {@link io.github.gae4j.core.nn.WeightRegistry}, whose list a component returns from {@code weights()}.
 * Above {@code core.optim} (initialisers), below {@code core.spi}. See docs/ops.md.
 */
package io.github.gae4j.core.nn;
