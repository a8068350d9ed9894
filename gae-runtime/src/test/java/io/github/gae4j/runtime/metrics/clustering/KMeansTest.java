// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class KMeansTest {

    /** Gaussian blobs around the given centres, points in shuffled order; labels hold the blob of each point. */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    private record Blobs(Matrix points, int[] labels) {}

    private static Blobs blobs(double[][] centres, int perBlob, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = centres.length * perBlob;
        int d = centres[0].length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Matrix points = Matrix.zeros(n, d);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int blob = order[i] / perBlob;
            labels[i] = blob;
            for (int j = 0; j < d; j++) {
                points.set(i, j, centres[blob][j] + sd * rng.nextGaussian());
            }
        }
        return new Blobs(points, labels);
    }

    private static final double[][] FOUR_CENTRES = {{0, 0, 0}, {10, 0, 0}, {0, 10, 0}, {0, 0, 10}};

    @Test
    void recoversWellSeparatedBlobsExactly() {
        Blobs b = blobs(FOUR_CENTRES, 50, 0.5, 1);
        KMeans.Result r = KMeans.of(4).fit(b.points(), 123L);
        // Exactly the blobs, up to a renaming of the clusters.
        assertThat(ClusteringMetrics.accuracy(b.labels(), r.assignments())).isEqualTo(1.0);
        assertThat(ClusteringMetrics.ari(b.labels(), r.assignments())).isEqualTo(1.0);
        // Each centroid is the mean of its blob.
        for (int c = 0; c < 4; c++) {
            double[] mean = new double[3];
            int count = 0;
            for (int i = 0; i < b.labels().length; i++) {
                if (r.assignments()[i] == c) {
                    count++;
                    for (int j = 0; j < 3; j++) {
                        mean[j] += b.points().get(i, j);
                    }
                }
            }
            assertThat(count).isEqualTo(50);
            for (int j = 0; j < 3; j++) {
                assertThat(r.centroids().get(c, j)).isCloseTo(mean[j] / count, within(1e-12));
            }
        }
        assertThat(r.centroids().rows()).isEqualTo(4);
        assertThat(r.k()).isEqualTo(4);
        assertThat(r.iterations()).isBetween(1, KMeans.DEFAULT_MAX_ITERATIONS);
        assertThat(r.inertia()).isCloseTo(recomputedInertia(b.points(), r), within(1e-9));
    }

    @Test
    void acceptsNestedArrays() {
        Blobs b = blobs(FOUR_CENTRES, 20, 0.3, 2);
        KMeans kMeans = KMeans.builder(4).restarts(3).build();
        KMeans.Result fromMatrix = kMeans.fit(b.points(), 5L);
        KMeans.Result fromArrays = kMeans.fit(b.points().toArray(), 5L);
        assertThat(fromArrays.assignments()).isEqualTo(fromMatrix.assignments());
        assertThat(fromArrays.inertia()).isEqualTo(fromMatrix.inertia());
    }

    @Test
    void deterministicForASeed() {
        // Overlapping blobs, so the seed matters.
        Blobs b = blobs(new double[][] {{0, 0}, {2, 0}, {1, 1.5}, {3, 2}}, 100, 1.0, 3);
        KMeans kMeans = KMeans.builder(4).restarts(4).build();
        KMeans.Result first = kMeans.fit(b.points(), 99L);
        KMeans.Result second = kMeans.fit(b.points(), 99L);
        assertThat(second.assignments()).isEqualTo(first.assignments());
        assertThat(second.centroids().data()).isEqualTo(first.centroids().data());
        assertThat(second.inertia()).isEqualTo(first.inertia());
        assertThat(second.iterations()).isEqualTo(first.iterations());
        // Single restarts from different seeds do land in different local optima here.
        KMeans single = KMeans.builder(4).restarts(1).build();
        boolean anyDifferent = false;
        double reference = single.fit(b.points(), 0L).inertia();
        for (long seed = 1; seed < 20 && !anyDifferent; seed++) {
            anyDifferent = single.fit(b.points(), seed).inertia() != reference;
        }
        assertThat(anyDifferent).as("the seed has an effect").isTrue();
    }

    @Test
    void independentOfThreadCount() {
        // 3000 points: 12 chunks of 256, so the parallel loops really split the work.
        Blobs b = blobs(new double[][] {{0, 0, 0}, {3, 0, 1}, {0, 3, 2}, {2, 2, 2}, {4, 4, 0}}, 600, 1.2, 4);
        KMeans.Result reference =
                KMeans.builder(5).restarts(3).tolerance(0).build().fit(b.points(), 2024L);
        for (int threads : new int[] {1, 2, 3, 8}) {
            try (Parallelism parallelism = Parallelism.of(threads)) {
                KMeans.Result r = KMeans.builder(5)
                        .restarts(3)
                        .tolerance(0)
                        .parallelism(parallelism)
                        .build()
                        .fit(b.points(), 2024L);
                assertThat(r.assignments()).as("threads=%d", threads).isEqualTo(reference.assignments());
                assertThat(r.centroids().data())
                        .as("threads=%d", threads)
                        .isEqualTo(reference.centroids().data());
                assertThat(r.inertia()).as("threads=%d", threads).isEqualTo(reference.inertia());
                assertThat(r.iterations()).as("threads=%d", threads).isEqualTo(reference.iterations());
            }
        }
    }

    @Test
    void moreRestartsNeverIncreaseInertia() {
        // Uniform points: many local optima.
        SplittableRandom rng = new SplittableRandom(5);
        double[][] points = new double[400][2];
        for (double[] p : points) {
            p[0] = rng.nextDouble();
            p[1] = rng.nextDouble();
        }
        boolean anyImproved = false;
        for (long seed : new long[] {1L, 77L, 2024L}) {
            double previous = Double.POSITIVE_INFINITY;
            double first = Double.NaN;
            for (int restarts = 1; restarts <= 12; restarts++) {
                double inertia = KMeans.builder(9)
                        .restarts(restarts)
                        .build()
                        .fit(points, seed)
                        .inertia();
                assertThat(inertia).as("seed %d, %d restarts", seed, restarts).isLessThanOrEqualTo(previous);
                previous = inertia;
                if (restarts == 1) {
                    first = inertia;
                }
            }
            anyImproved |= previous < first;
        }
        assertThat(anyImproved).as("restarts help on this data for some seed").isTrue();
    }

    @Test
    void resultIsALloydFixedPoint() {
        Blobs b = blobs(new double[][] {{0, 0}, {1, 1}, {2, 0}}, 40, 0.7, 6);
        KMeans.Result r = KMeans.builder(3).restarts(2).tolerance(0).build().fit(b.points(), 8L);
        assertThat(r.iterations()).isLessThan(KMeans.DEFAULT_MAX_ITERATIONS);
        int n = b.points().rows();
        double[][] sums = new double[3][2];
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            int c = r.assignments()[i];
            counts[c]++;
            sums[c][0] += b.points().get(i, 0);
            sums[c][1] += b.points().get(i, 1);
            // Nearest centroid.
            for (int other = 0; other < 3; other++) {
                assertThat(sq(b.points(), i, r.centroids(), c))
                        .isLessThanOrEqualTo(sq(b.points(), i, r.centroids(), other));
            }
        }
        for (int c = 0; c < 3; c++) {
            assertThat(counts[c]).isPositive();
            assertThat(r.centroids().get(c, 0)).isCloseTo(sums[c][0] / counts[c], within(1e-12));
            assertThat(r.centroids().get(c, 1)).isCloseTo(sums[c][1] / counts[c], within(1e-12));
        }
        assertThat(r.inertia()).isCloseTo(recomputedInertia(b.points(), r), within(1e-9));
    }

    @Test
    void oneClusterIsTheMean() {
        double[][] points = {{1, 2}, {3, 4}, {5, 0}, {-1, 2}};
        KMeans.Result r = KMeans.of(1).fit(points, 1L);
        assertThat(r.assignments()).containsOnly(0);
        // Mean (2, 2); squared distances (1 + 0) + (1 + 4) + (9 + 4) + (9 + 0) = 28.
        assertThat(r.centroids().get(0, 0)).isCloseTo(2.0, within(1e-15));
        assertThat(r.centroids().get(0, 1)).isCloseTo(2.0, within(1e-15));
        assertThat(r.inertia()).isCloseTo(28.0, within(1e-12));
        assertThat(r.iterations()).isEqualTo(1);
    }

    @Test
    void asManyClustersAsPointsGivesZeroInertia() {
        double[][] points = {{0, 0}, {1, 0}, {0, 1}, {5, 5}};
        KMeans.Result r = KMeans.of(4).fit(points, 3L);
        assertThat(r.assignments()).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(r.inertia()).isZero();
    }

    @Test
    void duplicatePoints() {
        double[][] twoValues = new double[10][];
        for (int i = 0; i < 10; i++) {
            twoValues[i] = i % 2 == 0 ? new double[] {1, 1} : new double[] {-4, 2};
        }
        KMeans.Result two = KMeans.of(2).fit(twoValues, 11L);
        assertThat(two.inertia()).isZero();
        int[] parity = new int[10];
        for (int i = 0; i < 10; i++) {
            parity[i] = i % 2;
        }
        assertThat(ClusteringMetrics.accuracy(parity, two.assignments())).isEqualTo(1.0);

        // More clusters than distinct points: centroids must coincide; nothing may become NaN.
        KMeans.Result three = KMeans.of(3).fit(twoValues, 11L);
        assertThat(three.inertia()).isZero();
        assertThat(three.centroids().firstNonFinite()).isEqualTo(-1);
        assertThat(ClusteringMetrics.ari(parity, three.assignments())).isEqualTo(1.0);

        double[][] allSame = {{2, 3}, {2, 3}, {2, 3}, {2, 3}, {2, 3}};
        KMeans.Result same = KMeans.of(3).fit(allSame, 4L);
        assertThat(same.inertia()).isZero();
        for (int c = 0; c < 3; c++) {
            assertThat(same.centroids().get(c, 0)).isEqualTo(2.0);
            assertThat(same.centroids().get(c, 1)).isEqualTo(3.0);
        }
        assertThat(same.assignments()).hasSize(5).containsAnyOf(0, 1, 2).doesNotContain(-1, 3);
    }

    @Test
    void emptyClusterIsReseededAtTheFarthestPoint() {
        // 1-D points 0, 1, 2, 10, 11, 12 from centroids (0, 100, 1):
        //  assign   -> c0 {0}, c1 {}, c2 {1, 2, 10, 11, 12}; distances to own centroid 0, 0, 1, 81, 100, 121.
        //  update 1 -> c1 empty: re-seeded with the farthest point, 12 (its cluster keeps 4 points):
        //              centroids 0, 12, (1 + 2 + 10 + 11) / 4 = 6.
        //  assign   -> c0 {0, 1, 2}, c1 {10, 11, 12}, c2 {} (2 is 2 from 0 and 4 from 6; 10 is 2 from 12).
        //              Distances 0, 1, 4, 4, 1, 0.
        //  update 2 -> c2 empty: the farthest points tie at 4 (points 2 and 10): the lower index, point 2,
        //              goes: centroids (0 + 1) / 2 = 0.5, 11, 2.
        //  assign   -> c0 {0, 1}, c1 {10, 11, 12}, c2 {2}: unchanged, so the run stops after 2 iterations.
        // Inertia 0.25 + 0.25 + 0 + 1 + 0 + 1 = 2.5.
        Matrix points = Matrix.of(new double[][] {{0}, {1}, {2}, {10}, {11}, {12}});
        for (int threads : new int[] {1, 3}) {
            try (Parallelism parallelism = Parallelism.of(threads)) {
                KMeans kMeans =
                        KMeans.builder(3).tolerance(0).parallelism(parallelism).build();
                KMeans.Result r = kMeans.fitFrom(points, Matrix.of(new double[][] {{0}, {100}, {1}}));
                assertThat(r.assignments()).containsExactly(0, 0, 2, 1, 1, 1);
                assertThat(r.centroids().toRowMajor()).containsExactly(0.5, 11, 2);
                assertThat(r.inertia()).isEqualTo(2.5);
                assertThat(r.iterations()).isEqualTo(2);
            }
        }
    }

    @Test
    void everyRestartEndsWithNonEmptyClusters() {
        // Three tight pairs far apart plus one far outlier; with k = 4 every restart must end with
        // four non-empty clusters (the outlier alone).
        double[][] points = {{0, 0}, {0, 0.1}, {5, 0}, {5, 0.1}, {0, 5}, {0.1, 5}, {40, 40}};
        for (long seed = 0; seed < 20; seed++) {
            KMeans.Result r = KMeans.builder(4).restarts(1).build().fit(points, seed);
            int[] counts = new int[4];
            for (int a : r.assignments()) {
                counts[a]++;
            }
            assertThat(counts).as("seed %d", seed).doesNotContain(0);
            assertThat(r.inertia()).as("seed %d", seed).isCloseTo(3 * 0.005, within(1e-12));
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> KMeans.of(4).fit(new double[][] {{0}, {1}, {2}}, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 4 exceeds the number of points (3)");
        assertThatThrownBy(() -> KMeans.of(1).fit(new double[0][0], 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 1 exceeds the number of points (0)");
        assertThatThrownBy(() -> KMeans.of(2).fit(new double[][] {{0, 1}, {2, Double.NaN}, {3, 3}}, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-finite value (NaN) at row 1, column 1");
        assertThatThrownBy(() -> KMeans.of(1).fit(new double[][] {{Double.NEGATIVE_INFINITY}}, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-finite value (-Infinity) at row 0, column 0");
        assertThatThrownBy(() -> KMeans.of(1).fit(Matrix.zeros(3, 0), 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points have no columns");
        assertThatThrownBy(() -> KMeans.of(1).fit(new double[][] {{0, 1}, {2}}, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row 1 has 1 columns, expected 2");
        assertThatThrownBy(() -> KMeans.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be >= 1, got 0");
        assertThatThrownBy(() -> KMeans.builder(2).restarts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restarts must be >= 1, got 0");
        assertThatThrownBy(() -> KMeans.builder(2).maxIterations(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxIterations must be >= 1, got 0");
        assertThatThrownBy(() -> KMeans.builder(2).tolerance(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> KMeans.builder(2).tolerance(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance must be finite and >= 0");
    }

    @Test
    void maxIterationsIsHonoured() {
        Blobs b = blobs(new double[][] {{0, 0}, {1, 0}, {0, 1}}, 100, 1.0, 9);
        KMeans.Result r = KMeans.builder(3)
                .restarts(1)
                .maxIterations(2)
                .tolerance(0)
                .build()
                .fit(b.points(), 1L);
        assertThat(r.iterations()).isBetween(1, 2);
        assertThat(r.inertia()).isCloseTo(recomputedInertia(b.points(), r), within(1e-9));
    }

    private static double sq(Matrix points, int i, Matrix centroids, int c) {
        double s = 0;
        for (int j = 0; j < points.cols(); j++) {
            double t = points.get(i, j) - centroids.get(c, j);
            s += t * t;
        }
        return s;
    }

    private static double recomputedInertia(Matrix points, KMeans.Result r) {
        double s = 0;
        for (int i = 0; i < points.rows(); i++) {
            s += sq(points, i, r.centroids(), r.assignments()[i]);
        }
        return s;
    }
}
