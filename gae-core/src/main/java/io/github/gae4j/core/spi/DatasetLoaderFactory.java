// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

/** Creates {@link DatasetLoader}s; returned by {@link GaePlugin}. */
public interface DatasetLoaderFactory extends ComponentFactory<DatasetLoader> {}
