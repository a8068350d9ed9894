// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

final class LinkSearchesTest {

    /** A directed scorer with no inner-product form, like gravity or an MLP decoder. */
    static PairScorer notInnerProduct(int nodes) {
        return new PairScorer() {
            @Override
            public int nodes() {
                return nodes;
            }

            @Override
            public boolean directed() {
                return true;
            }

            @Override
            public double logit(int source, int target) {
                return -Math.abs(source - target);
            }
        };
    }

    private static PairScorer innerProduct(int nodes) {
        Matrix z = HnswSearchTest.clustered(nodes, 4, 3L);
        return DecoderScorers.innerProduct(InnerProductForm.symmetric(z));
    }

    @Test
    void exactModeIsExact() {
        PairScorer s = innerProduct(100);
        LinkSearch search = LinkSearches.create(SearchMode.EXACT, s, KnownLinks.none(100, false), 2);
        assertThat(search.exact()).isTrue();
        assertThat(search.describe()).startsWith("exact");
    }

    @Test
    void approxModeIndexesInnerProducts() {
        PairScorer s = innerProduct(300);
        KnownLinks none = KnownLinks.none(300, false);
        LinkSearch search = LinkSearches.create(SearchMode.APPROX, s, none, 2);
        assertThat(search).isInstanceOf(HnswSearch.class);
        assertThat(search.exact()).isFalse();
        assertThat(search.describe()).startsWith("approximate (Lucene HNSW, max inner product, M=16, beam=100");
        assertThat(search.topFrom(5, 3)).hasSize(3);
    }

    @Test
    void approxModeFallsBackToExactAndSaysWhy() {
        PairScorer s = notInnerProduct(50);
        KnownLinks none = KnownLinks.none(50, true);
        LinkSearch search = LinkSearches.create(SearchMode.APPROX, s, none, 2);
        assertThat(search.exact()).isTrue();
        assertThat(search.describe())
                .isEqualTo("exact: the decoder is not an inner product (gravity's distance and mass terms, an MLP)"
                        + " and no vector index serves it");
        assertThat(search.topFrom(10, 2)).isEqualTo(new BruteForceSearch(s, none).topFrom(10, 2));
        assertThat(search.topFrom(new int[] {1, 2}, 2))
                .isEqualTo(new BruteForceSearch(s, none).topFrom(new int[] {1, 2}, 2));
        assertThat(search.top(4)).isEqualTo(new BruteForceSearch(s, none).top(4));
    }

    @Test
    void autoStaysExactOnSmallGraphs() {
        LinkSearch search = LinkSearches.create(SearchMode.AUTO, innerProduct(100), KnownLinks.none(100, false), 2);
        assertThat(search.exact()).isTrue();
        assertThat(search.describe()).startsWith("auto, under " + SearchMode.AUTO_APPROX_NODES + " nodes: exact");
    }

    @Test
    void autoIndexesLargeInnerProductGraphsOnly() {
        int n = SearchMode.AUTO_APPROX_NODES;
        // The index is built on the first search, so choosing costs nothing here.
        PairScorer large = DecoderScorers.innerProduct(InnerProductForm.symmetric(Matrix.zeros(n, 2)));
        LinkSearch search = LinkSearches.create(SearchMode.AUTO, large, KnownLinks.none(n, false), 2);
        assertThat(search.exact()).isFalse();
        assertThat(search.describe()).startsWith("auto, " + n + "+ nodes: approximate (Lucene HNSW, max inner product");

        LinkSearch fallback = LinkSearches.create(SearchMode.AUTO, notInnerProduct(n), KnownLinks.none(n, true), 2);
        assertThat(fallback.exact()).isTrue();
        assertThat(fallback.describe()).isEqualTo("auto, " + n + "+ nodes: " + LinkSearches.NOT_INNER_PRODUCT);
    }
}
