// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class HnswSearchTest {

    private static final int NODES = 5_000;
    private static final int DIMS = 16;

    private static Matrix z;
    private static PairScorer scorer;
    private static KnownLinks known;
    private static HnswSearch search;
    private static int[] sample;

    /** Gaussian clusters: 50 centres N(0, 1), points at spread 0.5 around them (a stand-in for trained embeddings). */
    static Matrix clustered(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centres = new double[50][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = rng.nextGaussian();
            }
        }
        Matrix m = Matrix.zeros(n, d);
        for (int i = 0; i < n; i++) {
            double[] c = centres[rng.nextInt(centres.length)];
            for (int j = 0; j < d; j++) {
                m.set(i, j, c[j] + 0.5 * rng.nextGaussian());
            }
        }
        return m;
    }

    /** Known links: each node's 5 best partners by inner product among 40 random others (the likeliest to clash). */
    static KnownLinks knownLinks(PairScorer s, boolean directed, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = s.nodes();
        int[] src = new int[n * 5];
        int[] dst = new int[n * 5];
        int e = 0;
        for (int u = 0; u < n; u++) {
            int[] cand = rng.ints(40, 0, n).toArray();
            int finalU = u;
            int[] best = java.util.Arrays.stream(cand)
                    .boxed()
                    .sorted((a, b) -> Double.compare(s.logit(finalU, b), s.logit(finalU, a)))
                    .mapToInt(Integer::intValue)
                    .limit(5)
                    .toArray();
            for (int v : best) {
                src[e] = u;
                dst[e++] = v;
            }
        }
        return KnownLinks.of(n, directed, List.of(new EdgeList(src, dst)));
    }

    static int[] sample(int n, int count, long seed) {
        return new SplittableRandom(seed).ints(0, n).distinct().limit(count).toArray();
    }

    @BeforeAll
    static void build() {
        z = clustered(NODES, DIMS, 7L);
        scorer = DecoderScorers.innerProduct(InnerProductForm.symmetric(z));
        known = knownLinks(scorer, false, 8L);
        search = new HnswSearch(scorer, known, 2, HnswSearch.Options.DEFAULTS);
        sample = sample(NODES, 500, 9L);
    }

    /** Sorted by RANKING, known links and self left out, logits rescored exactly. */
    static void checkWellFormed(List<ScoredPair> found, InnerProductForm form, KnownLinks known) {
        assertThat(found).isSortedAccordingTo(ScoredPair.RANKING);
        for (ScoredPair p : found) {
            assertThat(known.excludes(p.source(), p.target()))
                    .as("known or self pair %s returned", p)
                    .isFalse();
            assertThat(p.logit()).isEqualTo(form.logit(p.source(), p.target()));
        }
    }

    @Test
    void perNodeRecallAt10AgainstBruteForce() {
        List<List<ScoredPair>> approx = search.topFrom(sample, 10);
        List<List<ScoredPair>> exact = new BruteForceSearch(scorer, known).topFrom(sample, 10);
        assertThat(HnswSearch.recall(approx, exact)).isGreaterThanOrEqualTo(0.9);
        for (int i = 0; i < sample.length; i++) {
            int u = sample[i];
            assertThat(approx.get(i)).hasSize(10).allMatch(p -> p.source() == u);
            checkWellFormed(approx.get(i), InnerProductForm.symmetric(z), known);
        }
        assertThat(search.exact()).isFalse();
        assertThat(search.describe()).startsWith("approximate (Lucene HNSW, max inner product, M=16, beam=100");
    }

    @Test
    void singleQueryEqualsBatch() {
        assertThat(search.topFrom(sample[0], 10))
                .isEqualTo(search.topFrom(sample, 10).get(0));
    }

    @Test
    void globalTopListsEachPairOnceAndRecallsBruteForce() {
        List<ScoredPair> approx = search.top(200);
        List<ScoredPair> exact = new BruteForceSearch(scorer, known).top(200);
        checkWellFormed(approx, InnerProductForm.symmetric(z), known);
        assertThat(approx).hasSize(200).allMatch(p -> p.source() < p.target());
        assertThat(new HashSet<>(approx)).hasSize(200);
        Set<ScoredPair> truth = new HashSet<>(exact);
        long hit = approx.stream().filter(truth::contains).count();
        assertThat(hit / 200.0).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void directedFormIndexesTargetsAndQueriesSources() {
        Matrix q = clustered(2_000, 8, 11L);
        Matrix k = clustered(2_000, 8, 12L);
        InnerProductForm form = new InnerProductForm(q, k);
        PairScorer directed = DecoderScorers.innerProduct(form);
        KnownLinks links = knownLinks(directed, true, 13L);
        HnswSearch approx = new HnswSearch(directed, links, 2, HnswSearch.Options.DEFAULTS);
        int[] nodes = sample(2_000, 300, 14L);
        List<List<ScoredPair>> found = approx.topFrom(nodes, 10);
        assertThat(HnswSearch.recall(found, new BruteForceSearch(directed, links).topFrom(nodes, 10)))
                .isGreaterThanOrEqualTo(0.9);
        for (int i = 0; i < nodes.length; i++) {
            int u = nodes[i];
            assertThat(found.get(i)).allMatch(p -> p.source() == u);
            checkWellFormed(found.get(i), form, links);
        }
        List<ScoredPair> top = approx.top(50);
        checkWellFormed(top, form, links);
        Set<ScoredPair> truth = new HashSet<>(new BruteForceSearch(directed, links).top(50));
        assertThat(top.stream().filter(truth::contains).count()).isGreaterThanOrEqualTo(45);
    }

    @Test
    void twoBuildsAndAnyThreadCountGiveTheSameAnswers() {
        HnswSearch again = new HnswSearch(scorer, known, 1, HnswSearch.Options.DEFAULTS);
        assertThat(again.topFrom(sample, 10)).isEqualTo(search.topFrom(sample, 10));
        assertThat(again.top(100)).isEqualTo(search.top(100));
        assertThat(again.indexBytes()).isEqualTo(search.indexBytes());
    }

    @Test
    void indexMergedFromSeveralSegmentsKeepsNodeOrder() {
        Matrix m = clustered(2_000, 8, 21L);
        PairScorer s = DecoderScorers.innerProduct(InnerProductForm.symmetric(m));
        KnownLinks links = knownLinks(s, false, 22L);
        int[] nodes = sample(2_000, 200, 23L);
        HnswSearch merged = new HnswSearch(s, links, 2, HnswSearch.Options.DEFAULTS, 500);
        List<List<ScoredPair>> found = merged.topFrom(nodes, 10);
        assertThat(HnswSearch.recall(found, new BruteForceSearch(s, links).topFrom(nodes, 10)))
                .isGreaterThanOrEqualTo(0.9);
        HnswSearch mergedAgain = new HnswSearch(s, links, 1, HnswSearch.Options.DEFAULTS, 500);
        assertThat(mergedAgain.topFrom(nodes, 10)).isEqualTo(found);
    }

    @Test
    void returnsWhatExistsWhenFewCandidatesRemain() {
        // Node 0 of a 4-node graph knows 1 and 2: only 3 is left.
        Matrix small = Matrix.of(new double[][] {{1, 0}, {0.9, 0.1}, {0.5, 0.5}, {-1, 0}});
        PairScorer s = DecoderScorers.innerProduct(InnerProductForm.symmetric(small));
        KnownLinks k = KnownLinks.of(4, false, List.of(new EdgeList(new int[] {0, 0}, new int[] {1, 2})));
        HnswSearch tiny = new HnswSearch(s, k, 1, HnswSearch.Options.DEFAULTS);
        assertThat(tiny.topFrom(0, 10)).containsExactly(new ScoredPair(0, 3, -1));
        assertThat(tiny.top(10)).hasSize(4).isEqualTo(new BruteForceSearch(s, k).top(10));
    }

    @Test
    void refusesScorersWithoutAnInnerProductAndBadArguments() {
        PairScorer generic = LinkSearchesTest.notInnerProduct(3);
        assertThatThrownBy(() -> new HnswSearch(generic, KnownLinks.none(3, true), 1, HnswSearch.Options.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inner-product");
        assertThatThrownBy(() -> search.topFrom(0, 0)).hasMessageContaining("k must be positive");
        assertThatThrownBy(() -> search.topFrom(NODES, 1)).hasMessageContaining("outside");
        assertThatThrownBy(() -> HnswSearch.Options.DEFAULTS.withMaxConn(1)).hasMessageContaining("maxConn");
    }
}
