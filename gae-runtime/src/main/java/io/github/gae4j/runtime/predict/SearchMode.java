// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

/** How top-k links are searched. */
public enum SearchMode {
    /** The blocked exact kernel: equal to brute force. */
    EXACT,
    /** A vector index (HNSW, maximum inner product), rescored exactly: fast on large graphs, not exact. */
    APPROX,
    /** Exact up to {@link #AUTO_APPROX_NODES} nodes, approximate above, exact wherever no index can serve the decoder. */
    AUTO;

    /** Where {@link #AUTO} switches to the index. */
    public static final int AUTO_APPROX_NODES = 200_000;
}
