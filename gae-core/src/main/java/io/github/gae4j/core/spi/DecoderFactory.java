// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/** Creates {@link Decoder}s; returned by {@link GaePlugin}. */
public interface DecoderFactory extends ComponentFactory<Decoder> {}
