// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/** Creates {@link Sampler}s; returned by {@link GaePlugin}. */
public interface SamplerFactory extends ComponentFactory<Sampler> {}
