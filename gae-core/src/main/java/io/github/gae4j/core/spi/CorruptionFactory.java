// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/** Creates {@link Corruption}s; returned by {@link GaePlugin}. */
public interface CorruptionFactory extends ComponentFactory<Corruption> {}
