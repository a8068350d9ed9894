// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.spi.PairScorer;

/** Chooses the search for a scorer: exact, or an index where the mode and the decoder allow one. */
public final class LinkSearches {

    private LinkSearches() {}

    /** The search {@code mode} asks for over {@code scorer}, leaving out {@code known}, on {@code threads} threads. */
    public static LinkSearch create(SearchMode mode, PairScorer scorer, KnownLinks known, int threads) {
        // APPROX and AUTO search exactly until a vector index is wired in.
        return exact(scorer, known, threads);
    }

    /** The exact kernel: what EXACT asks for, and the fallback where no index can serve. */
    private static LinkSearch exact(PairScorer scorer, KnownLinks known, int threads) {
        return new ExactSearch(scorer, known, threads);
    }
}
