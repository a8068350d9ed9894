// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/** Creates {@link Loss}s; returned by {@link GaePlugin}. */
public interface LossFactory extends ComponentFactory<Loss> {}
