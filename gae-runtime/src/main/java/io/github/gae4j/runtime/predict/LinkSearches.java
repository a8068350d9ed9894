// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.spi.PairScorer;
import java.util.List;

/**
 * Chooses the search for a scorer: exact, or an index where the mode and the decoder allow one.
 *
 * <p>Only inner-product decoders (inner product, source/target) are served by the index ({@link HnswSearch}:
 * Lucene HNSW with maximum-inner-product similarity). Others fall back to exact search, and the search's {@link
 * LinkSearch#describe()} says why. Gravity, for one, scores m̃_v − λ·log(‖p_u − p_v‖² + ε): an index could serve it
 * in parts (its distance term is a Euclidean nearest-neighbour search over the positions, its mass a per-target
 * bias, which a search could take as an upper bound and rescore), but no vector index ranks by the sum as it is;
 * an MLP decoder is no vector similarity at all.
 *
 * <p>{@link SearchMode#AUTO} takes the index for inner-product decoders from {@link SearchMode#AUTO_APPROX_NODES}
 * nodes on, where exact per-node search gets slow; exact below.
 */
public final class LinkSearches {

    /** Why a non-inner-product decoder is searched exactly under {@code approx} and {@code auto}. */
    static final String NOT_INNER_PRODUCT = "exact: the decoder is not an inner product (gravity's distance and mass"
            + " terms, an MLP) and no vector index serves it";

    private LinkSearches() {}

    /** The search {@code mode} asks for over {@code scorer}, leaving out {@code known}, on {@code threads} threads. */
    public static LinkSearch create(SearchMode mode, PairScorer scorer, KnownLinks known, int threads) {
        return switch (mode) {
            case EXACT -> exact(scorer, known, threads);
            case APPROX -> approx(scorer, known, threads, "");
            case AUTO -> auto(scorer, known, threads);
        };
    }

    private static LinkSearch auto(PairScorer scorer, KnownLinks known, int threads) {
        if (scorer.nodes() >= SearchMode.AUTO_APPROX_NODES) {
            return approx(scorer, known, threads, "auto, " + SearchMode.AUTO_APPROX_NODES + "+ nodes: ");
        }
        LinkSearch exact = exact(scorer, known, threads);
        return new Described(exact, "auto, under " + SearchMode.AUTO_APPROX_NODES + " nodes: " + exact.describe());
    }

    private static LinkSearch approx(PairScorer scorer, KnownLinks known, int threads, String prefix) {
        if (scorer.innerProduct().isEmpty()) {
            return new Described(exact(scorer, known, threads), prefix + NOT_INNER_PRODUCT);
        }
        if (scorer.innerProduct().get().dimensions() > HnswSearch.MAX_DIMENSIONS) {
            return new Described(
                    exact(scorer, known, threads),
                    prefix + "exact: the embeddings are wider than the " + HnswSearch.MAX_DIMENSIONS
                            + " dimensions Lucene's HNSW index takes");
        }
        HnswSearch search = new HnswSearch(scorer, known, threads, HnswSearch.Options.DEFAULTS);
        return prefix.isEmpty() ? search : new Described(search, prefix + search.describe());
    }

    /** The exact kernel: what EXACT asks for, and the fallback where no index can serve. */
    private static LinkSearch exact(PairScorer scorer, KnownLinks known, int threads) {
        return new ExactSearch(scorer, known, threads);
    }

    /** A search with its own description: why this one was chosen. */
    private record Described(LinkSearch search, String describe) implements LinkSearch {

        @Override
        public List<ScoredPair> top(int k) {
            return search.top(k);
        }

        @Override
        public List<ScoredPair> topFrom(int source, int k) {
            return search.topFrom(source, k);
        }

        @Override
        public List<List<ScoredPair>> topFrom(int[] sources, int k) {
            return search.topFrom(sources, k);
        }

        @Override
        public boolean exact() {
            return search.exact();
        }
    }
}
