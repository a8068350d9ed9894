// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Graph;

/**
 * Produces a graph: read from files (the location is one of its options) or generated.
 */
public interface DatasetLoader {

    /**
     * Reads or generates the graph.
     *
     * @throws DatasetFormatException for malformed input, naming file, line and problem
     */
    Graph load();
}
