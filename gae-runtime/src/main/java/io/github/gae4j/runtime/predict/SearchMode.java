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

    /**
     * Where {@link #AUTO} switches to the index. Measured with 16 dims on 2 busy cores ({@code gae bench --suite
     * approx}): at 1M nodes exact search took 4–9 ms per node and the index 0.5–1 ms, after a single-threaded build of
     * 8–13 minutes, with recall@10 0.90 (clustered) to 0.99 (Gaussian). So the index pays for a bulk job (every node's
     * top-k, the global top-k) from a few hundred thousand nodes on, while below 500,000 exact search answers a node
     * in under 5 ms with no build and no loss of recall.
     */
    public static final int AUTO_APPROX_NODES = 500_000;
}
