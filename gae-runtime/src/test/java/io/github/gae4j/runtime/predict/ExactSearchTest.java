// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class ExactSearchTest {

    private static final int[] KS = {1, 3, 10, 57, 1_000_000};

    /** Gaussian values, or small integers (many logits tie exactly). */
    private static Matrix embeddings(int n, int d, boolean integers, long seed) {
        Random random = new Random(seed);
        double[] data = new double[n * d];
        for (int i = 0; i < data.length; i++) {
            data[i] = integers ? random.nextInt(3) - 1 : random.nextGaussian();
        }
        return Matrix.fromRowMajor(n, d, data);
    }

    private static KnownLinks known(int n, boolean directed, int edges, long seed) {
        Random random = new Random(seed);
        int[] src = new int[edges];
        int[] dst = new int[edges];
        for (int e = 0; e < edges; e++) {
            src[e] = random.nextInt(Math.max(1, n));
            dst[e] = random.nextInt(Math.max(1, n));
        }
        return KnownLinks.of(n, directed, List.of(new EdgeList(src, dst)));
    }

    private static PairScorer symmetric(int n, int d, boolean integers, long seed) {
        return DecoderScorers.innerProduct(InnerProductForm.symmetric(embeddings(n, d, integers, seed)));
    }

    private static PairScorer sourceTarget(int n, int d, boolean integers, long seed) {
        return DecoderScorers.innerProduct(
                new InnerProductForm(embeddings(n, d, integers, seed), embeddings(n, d, integers, seed + 1)));
    }

    /** Gravity-like: directed, not an inner product; logit = mass(v) − log(‖z_u − z_v‖² + 1). */
    private static PairScorer gravity(int n, int d, boolean integers, long seed) {
        Matrix z = embeddings(n, d + 1, integers, seed);
        return new PairScorer() {
            @Override
            public int nodes() {
                return n;
            }

            @Override
            public boolean directed() {
                return true;
            }

            @Override
            public double logit(int source, int target) {
                double dist = 0;
                for (int c = 0; c < d; c++) {
                    double diff = z.get(source, c) - z.get(target, c);
                    dist += diff * diff;
                }
                return z.get(target, d) - Math.log(dist + 1);
            }
        };
    }

    /** MLP-like: undirected, not an inner product; logit = Σ_c w_c·relu(z_u,c · z_v,c) + b. */
    private static PairScorer mlp(int n, int d, boolean integers, long seed) {
        Matrix z = embeddings(n, d, integers, seed);
        double[] w = {1, -0.5, 2, 0.25, -1, 1.5};
        return new PairScorer() {
            @Override
            public int nodes() {
                return n;
            }

            @Override
            public boolean directed() {
                return false;
            }

            @Override
            public double logit(int source, int target) {
                double s = 0.125;
                for (int c = 0; c < d; c++) {
                    s += w[c % w.length] * Math.max(0, z.get(source, c) * z.get(target, c));
                }
                return s;
            }
        };
    }

    private interface ScorerMaker {
        PairScorer make(int n, int d, boolean integers, long seed);
    }

    private static void assertSameAsBruteForce(PairScorer scorer, KnownLinks known) {
        BruteForceSearch brute = new BruteForceSearch(scorer, known);
        int n = scorer.nodes();
        int[] all = IntStream.range(0, n).toArray();
        for (int k : KS) {
            List<ScoredPair> expected = brute.top(k);
            List<List<ScoredPair>> expectedPerNode =
                    IntStream.range(0, n).mapToObj(u -> brute.topFrom(u, k)).toList();
            for (int threads = 1; threads <= 4; threads++) {
                ExactSearch exact = new ExactSearch(scorer, known, threads);
                String what = "k=" + k + ", threads=" + threads + ", " + exact.describe();
                assertThat(exact.top(k)).as(what).containsExactlyElementsOf(expected);
                assertThat(exact.topFrom(all, k)).as(what).containsExactlyElementsOf(expectedPerNode);
                if (n > 0) {
                    assertThat(exact.topFrom(n / 2, k)).as(what).isEqualTo(expectedPerNode.get(n / 2));
                }
            }
        }
    }

    private static void checkAll(ScorerMaker maker) {
        long seed = 11;
        for (int n : new int[] {1, 2, 3, 9, 40, 130}) {
            for (boolean integers : new boolean[] {false, true}) {
                for (int d : new int[] {1, 3, 16}) {
                    PairScorer scorer = maker.make(n, d, integers, seed++);
                    assertSameAsBruteForce(scorer, KnownLinks.none(n, scorer.directed()));
                    assertSameAsBruteForce(scorer, known(n, scorer.directed(), 3 * n, seed++));
                }
            }
        }
    }

    @Test
    void symmetricInnerProductEqualsBruteForce() {
        checkAll(ExactSearchTest::symmetric);
    }

    @Test
    void sourceTargetInnerProductEqualsBruteForce() {
        checkAll(ExactSearchTest::sourceTarget);
    }

    @Test
    void gravityLikeScorerEqualsBruteForce() {
        checkAll(ExactSearchTest::gravity);
    }

    @Test
    void mlpLikeScorerEqualsBruteForce() {
        checkAll(ExactSearchTest::mlp);
    }

    /** Several key blocks, pruning at work, and the per-block boundaries of the symmetric scan. */
    @Test
    void largerGraphsAcrossKeyBlocksEqualBruteForce() {
        int n = 1300;
        for (boolean integers : new boolean[] {false, true}) {
            PairScorer sym = symmetric(n, 16, integers, 5);
            PairScorer st = sourceTarget(n, 8, integers, 6);
            for (PairScorer scorer : List.of(sym, st)) {
                KnownLinks known = known(n, scorer.directed(), 4 * n, 7);
                BruteForceSearch brute = new BruteForceSearch(scorer, known);
                int[] sample = IntStream.range(0, 60).map(i -> (i * 97) % n).toArray();
                for (int k : new int[] {1, 10, 500}) {
                    List<ScoredPair> expected = brute.top(k);
                    List<List<ScoredPair>> perNode = IntStream.of(sample)
                            .mapToObj(u -> brute.topFrom(u, k))
                            .toList();
                    for (int threads : new int[] {1, 2, 3}) {
                        ExactSearch exact = new ExactSearch(scorer, known, threads);
                        assertThat(exact.top(k)).containsExactlyElementsOf(expected);
                        assertThat(exact.topFrom(sample, k)).containsExactlyElementsOf(perNode);
                    }
                }
            }
        }
    }

    /** Most nodes as sources, some twice, in any order: the path that scores each pair once for both ends. */
    @Test
    void manySourcesWithRepeatsEqualBruteForce() {
        int n = 700;
        for (boolean integers : new boolean[] {false, true}) {
            PairScorer scorer = symmetric(n, 5, integers, 21);
            KnownLinks known = known(n, false, 3 * n, 22);
            BruteForceSearch brute = new BruteForceSearch(scorer, known);
            int[] sources = IntStream.range(0, 2 * n / 3)
                    .map(i -> (i * 31 + 5) % n)
                    .flatMap(u -> u % 7 == 0 ? IntStream.of(u, u) : IntStream.of(u))
                    .toArray();
            for (int k : new int[] {1, 10, 1000}) {
                List<List<ScoredPair>> expected =
                        IntStream.of(sources).mapToObj(u -> brute.topFrom(u, k)).toList();
                for (int threads : new int[] {1, 2, 4}) {
                    assertThat(new ExactSearch(scorer, known, threads).topFrom(sources, k))
                            .containsExactlyElementsOf(expected);
                }
            }
        }
    }

    @Test
    void fewerCandidatesThanKReturnsWhatExists() {
        PairScorer scorer = symmetric(4, 2, false, 1);
        KnownLinks known = KnownLinks.of(4, false, List.of(new EdgeList(new int[] {0, 0}, new int[] {1, 2})));
        ExactSearch exact = new ExactSearch(scorer, known, 2);
        assertThat(exact.top(100)).hasSize(4); // 6 pairs less 2 known
        assertThat(exact.topFrom(0, 100)).extracting(ScoredPair::target).containsExactly(3);
        assertThat(exact.topFrom(3, 100)).hasSize(3);
        assertThat(new ExactSearch(symmetric(1, 2, false, 1), KnownLinks.none(1, false), 2).top(5))
                .isEmpty();
    }

    @Test
    void undirectedPairsAreListedOnceSmallerFirstAndDirectedBothWays() {
        ExactSearch undirected = new ExactSearch(symmetric(30, 3, true, 3), KnownLinks.none(30, false), 2);
        assertThat(undirected.top(435))
                .hasSize(435)
                .allSatisfy(p -> assertThat(p.source()).isLessThan(p.target()));
        ExactSearch directed = new ExactSearch(sourceTarget(30, 3, true, 3), KnownLinks.none(30, true), 2);
        assertThat(directed.top(10_000)).hasSize(870);
    }

    @Test
    void rejectsNonPositiveK() {
        ExactSearch exact = new ExactSearch(symmetric(5, 2, false, 1), KnownLinks.none(5, false), 1);
        assertThatThrownBy(() -> exact.top(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exact.topFrom(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exact.topFrom(new int[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesTheKernelAndThreads() {
        assertThat(new ExactSearch(symmetric(5, 2, false, 1), KnownLinks.none(5, false), 2).describe())
                .isEqualTo("exact (blocked inner products, 2 threads)");
        assertThat(new ExactSearch(mlp(5, 2, false, 1), KnownLinks.none(5, false), 1).describe())
                .isEqualTo("exact (row by row through the decoder, 1 thread)");
        assertThat(new ExactSearch(symmetric(5, 2, false, 1), KnownLinks.none(5, false), 1).exact())
                .isTrue();
    }

    @Test
    void linkSearchesCreatesTheExactKernel() {
        PairScorer scorer = symmetric(5, 2, false, 1);
        assertThat(LinkSearches.create(SearchMode.EXACT, scorer, KnownLinks.none(5, false), 2))
                .isInstanceOf(ExactSearch.class);
    }
}
