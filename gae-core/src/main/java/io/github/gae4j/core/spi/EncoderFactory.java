// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/** Creates {@link Encoder}s; returned by {@link GaePlugin}. */
public interface EncoderFactory extends ComponentFactory<Encoder> {}
