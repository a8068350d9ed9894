// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.clustering;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * k-means clustering: Lloyd's algorithm from a k-means++ initialisation, repeated from several
 * seeded starts, keeping the run of least inertia (sum of squared distances of the points to
 * their centroid).
 *
 * <p><b>Randomness.</b> {@link #fit} takes an explicit seed. Restart r draws from the r-th
 * {@link SplittableRandom#split() split} of {@code new SplittableRandom(seed)}, so each restart's
 * stream depends on the seed and r only. The first R restarts of a fit with more restarts are
 * therefore exactly the R restarts of a fit with fewer: more restarts never give a higher
 * inertia. Ties in inertia keep the earliest restart.
 *
 * <p><b>Iterations.</b> Each iteration moves every centroid to the mean of its points, then
 * reassigns every point to its nearest centroid (squared Euclidean distance; exact ties go to
 * the lowest centroid index). A run stops when the assignment no longer changes, when the total
 * squared centroid shift is at most {@code tolerance} times the mean per-column variance of the
 * points (scikit-learn's relative tolerance), or after {@code maxIterations} iterations. The
 * returned assignment always matches the returned centroids.
 *
 * <p><b>Empty clusters.</b> When a centroid loses all its points, it is re-seeded at the point
 * farthest from its own centroid (ties: lowest point index) among clusters holding more than one
 * point. With fewer than k distinct points (duplicates) some centroids necessarily coincide, and
 * the tie rule then leaves the later of them without points; no value becomes NaN.
 *
 * <p><b>Parallelism.</b> Distance computations and centroid sums are cut into fixed chunks of
 * points via {@link Parallelism}; partial sums are combined in chunk order, so results are
 * bit-identical for every thread count. The {@link Parallelism} is borrowed, never closed.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KMeans {

    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /** Points per parallel chunk; fixed, so results do not depend on the thread count. */
    static final int CHUNK = 256;

    /** Most chunks of the centroid-sum step (each holds k × d partial sums). */
    static final int MAX_SUM_CHUNKS = 64;

    private static final Parallelism SERIAL = Parallelism.singleThreaded();

    /**
     * The best run.
     *
     * @param assignments cluster index in [0, k) of each point (the array is the caller's)
     * @param centroids   k × d centroids, row c being cluster c's
     * @param inertia     sum over points of the squared distance to their centroid
     * @param iterations  Lloyd iterations (centroid update, then reassignment) the returned run
     *                    performed, in [1, maxIterations]
     */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    public record Result(int[] assignments, Matrix centroids, double inertia, int iterations) {
        public Result {
            Objects.requireNonNull(assignments, "assignments");
            Objects.requireNonNull(centroids, "centroids");
        }

        public int k() {
            return centroids.rows();
        }
    }

    private final int k;
    private final int restarts;
    private final int maxIterations;
    private final double tolerance;
    private final Parallelism parallelism;

    private KMeans(Builder b) {
        this.k = b.k;
        this.restarts = b.restarts;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.parallelism = b.parallelism;
    }

    /** k-means with {@code k} clusters and all defaults (10 restarts, 300 iterations, 1e-4, serial). */
    public static KMeans of(int k) {
        return builder(k).build();
    }

    public static Builder builder(int k) {
        return new Builder(k);
    }

    public int k() {
        return k;
    }

    public int restarts() {
        return restarts;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double tolerance() {
        return tolerance;
    }

    /** Clusters the rows of {@code points} (N × d, N ≥ k, d ≥ 1, all finite). */
    public Result fit(Matrix points, long seed) {
        validate(points);
        int n = points.rows();
        int d = points.cols();
        Run run = new Run(points.data(), n, d);
        double absTolerance = tolerance * meanColumnVariance(points.data(), n, d);
        SplittableRandom root = new SplittableRandom(seed);
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            Result candidate = run.lloyd(run.kMeansPlusPlus(root.split()), absTolerance);
            if (best == null || candidate.inertia() < best.inertia()) {
                best = candidate;
            }
        }
        return best;
    }

    /** As {@link #fit(Matrix, long)}; {@code points[i]} is point i (rows of equal length). */
    public Result fit(double[][] points, long seed) {
        Objects.requireNonNull(points, "points");
        return fit(Matrix.of(points), seed);
    }

    /** One Lloyd run from given k × d initial centroids (no k-means++, no restarts); for tests. */
    Result fitFrom(Matrix points, Matrix initialCentroids) {
        validate(points);
        if (initialCentroids.rows() != k || initialCentroids.cols() != points.cols()) {
            throw new IllegalArgumentException("initial centroids must be " + k + " x " + points.cols() + ", got "
                    + initialCentroids.rows() + " x " + initialCentroids.cols());
        }
        Run run = new Run(points.data(), points.rows(), points.cols());
        double absTolerance = tolerance * meanColumnVariance(points.data(), points.rows(), points.cols());
        return run.lloyd(initialCentroids.toRowMajor(), absTolerance);
    }

    private void validate(Matrix points) {
        Objects.requireNonNull(points, "points");
        int n = points.rows();
        int d = points.cols();
        if (k > n) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "k = %d exceeds the number of points (%d): k-means needs k <= N", k, n));
        }
        if (d == 0) {
            throw new IllegalArgumentException("points have no columns: k-means needs d >= 1");
        }
        int bad = points.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "points contain a non-finite value (%s) at row %d, column %d",
                    points.data()[bad],
                    bad / d,
                    bad % d));
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "KMeans[k=%d, restarts=%d, maxIterations=%d, tolerance=%s, %s]",
                k,
                restarts,
                maxIterations,
                tolerance,
                parallelism);
    }

    private static double meanColumnVariance(double[] x, int n, int d) {
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double t = x[i * d + j] - mean;
                var += t * t;
            }
            total += var / n;
        }
        return total / d;
    }

    private static double squaredDistance(double[] x, int xOffset, double[] c, int cOffset, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = x[xOffset + j] - c[cOffset + j];
            s += t * t;
        }
        return s;
    }

    /** Scratch space and the steps of one fit; restarts reuse it one after the other. */
    private final class Run {
        private final double[] x;
        private final int n;
        private final int d;
        private final int sumChunk; // points per chunk of the centroid sums; a function of n only
        private final int sumChunks;
        private final double[] distance; // squared distance of each point to its centroid
        private final double[][] chunkSums; // per chunk: k × d coordinate sums
        private final long[][] chunkCounts; // per chunk: k point counts

        Run(double[] x, int n, int d) {
            this.x = x;
            this.n = n;
            this.d = d;
            this.sumChunk = Math.max(CHUNK, (n + MAX_SUM_CHUNKS - 1) / MAX_SUM_CHUNKS);
            this.sumChunks = Parallelism.chunkCount(n, sumChunk);
            this.distance = new double[n];
            this.chunkSums = new double[sumChunks][k * d];
            this.chunkCounts = new long[sumChunks][k];
        }

        Result lloyd(double[] initialCentroids, double absTolerance) {
            double[] centroids = initialCentroids;
            int[] labels = new int[n];
            assign(centroids, labels);
            int[] next = new int[n];
            int iterations = 0;
            while (iterations < maxIterations) {
                double[] updated = update(labels);
                iterations++;
                double shift = 0;
                for (int t = 0; t < updated.length; t++) {
                    double diff = updated[t] - centroids[t];
                    shift += diff * diff;
                }
                centroids = updated;
                assign(centroids, next);
                boolean stable = Arrays.equals(next, labels);
                int[] swap = labels;
                labels = next;
                next = swap;
                if (stable || shift <= absTolerance) {
                    break;
                }
            }
            double inertia = 0;
            for (int i = 0; i < n; i++) {
                inertia += distance[i];
            }
            return new Result(labels, Matrix.wrapRowMajor(k, d, centroids), inertia, iterations);
        }

        /** k-means++ (D² sampling); the sampling walk is serial, the distance updates parallel. */
        double[] kMeansPlusPlus(SplittableRandom rng) {
            double[] centroids = new double[k * d];
            int first = rng.nextInt(n);
            System.arraycopy(x, first * d, centroids, 0, d);
            double[] closest = distance; // reused as D(x)² to the nearest chosen centre
            parallelism.forEachChunk(n, CHUNK, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    closest[i] = squaredDistance(x, i * d, centroids, 0, d);
                }
            });
            for (int c = 1; c < k; c++) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    total += closest[i];
                }
                int pick = -1;
                if (total > 0) {
                    double target = rng.nextDouble() * total;
                    double cumulative = 0;
                    for (int i = 0; i < n; i++) {
                        if (closest[i] > 0) {
                            pick = i;
                            cumulative += closest[i];
                            if (cumulative > target) {
                                break;
                            }
                        }
                    }
                } else {
                    // Every point coincides with a chosen centre: any point is as good as another.
                    pick = rng.nextInt(n);
                }
                int offset = c * d;
                System.arraycopy(x, pick * d, centroids, offset, d);
                parallelism.forEachChunk(n, CHUNK, (chunk, from, to) -> {
                    for (int i = from; i < to; i++) {
                        double dist = squaredDistance(x, i * d, centroids, offset, d);
                        if (dist < closest[i]) {
                            closest[i] = dist;
                        }
                    }
                });
            }
            return centroids;
        }

        /** Nearest centroid of every point into {@code labels}, its squared distance into {@link #distance}. */
        private void assign(double[] centroids, int[] labels) {
            parallelism.forEachChunk(n, CHUNK, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    int best = 0;
                    double bestDistance = squaredDistance(x, i * d, centroids, 0, d);
                    for (int c = 1; c < k; c++) {
                        double dist = squaredDistance(x, i * d, centroids, c * d, d);
                        if (dist < bestDistance) {
                            bestDistance = dist;
                            best = c;
                        }
                    }
                    labels[i] = best;
                    distance[i] = bestDistance;
                }
            });
        }

        /**
         * Means of the clusters of {@code labels}; first re-seeds empty clusters with the farthest
         * points, moving those points in {@code labels}.
         */
        private double[] update(int[] labels) {
            long[] counts = new long[k];
            for (int i = 0; i < n; i++) {
                counts[labels[i]]++;
            }
            relocateEmpty(labels, counts);
            parallelism.forEachChunk(n, sumChunk, (chunk, from, to) -> {
                double[] sums = chunkSums[chunk];
                long[] cnt = chunkCounts[chunk];
                Arrays.fill(sums, 0);
                Arrays.fill(cnt, 0);
                for (int i = from; i < to; i++) {
                    int c = labels[i];
                    cnt[c]++;
                    int src = i * d;
                    int dst = c * d;
                    for (int j = 0; j < d; j++) {
                        sums[dst + j] += x[src + j];
                    }
                }
            });
            double[] centroids = new double[k * d];
            long[] total = new long[k];
            for (int chunk = 0; chunk < sumChunks; chunk++) {
                double[] sums = chunkSums[chunk];
                for (int t = 0; t < centroids.length; t++) {
                    centroids[t] += sums[t];
                }
                long[] cnt = chunkCounts[chunk];
                for (int c = 0; c < k; c++) {
                    total[c] += cnt[c];
                }
            }
            for (int c = 0; c < k; c++) {
                // total[c] >= 1 here: relocateEmpty filled every cluster (k <= N).
                double inv = 1.0 / total[c];
                for (int j = 0; j < d; j++) {
                    centroids[c * d + j] *= inv;
                }
            }
            return centroids;
        }

        private void relocateEmpty(int[] labels, long[] counts) {
            boolean anyEmpty = false;
            for (long count : counts) {
                anyEmpty |= count == 0;
            }
            if (!anyEmpty) {
                return;
            }
            // Points by decreasing distance to their centroid, ties by increasing index.
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int byDistance = Double.compare(distance[b], distance[a]);
                return byDistance != 0 ? byDistance : Integer.compare(a, b);
            });
            int next = 0;
            for (int c = 0; c < k; c++) {
                if (counts[c] != 0) {
                    continue;
                }
                while (counts[labels[order[next]]] <= 1) {
                    next++; // taking the only point of a cluster would just move the hole
                }
                int p = order[next++];
                counts[labels[p]]--;
                labels[p] = c;
                counts[c] = 1;
            }
        }
    }

    /** Configuration of a {@link KMeans}; every setter validates its argument. */
    public static final class Builder {
        private final int k;
        private int restarts = DEFAULT_RESTARTS;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private double tolerance = DEFAULT_TOLERANCE;
        private Parallelism parallelism = SERIAL;

        private Builder(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            this.k = k;
        }

        /** Independent k-means++ starts; the lowest-inertia run wins. Default 10. */
        public Builder restarts(int restarts) {
            if (restarts < 1) {
                throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
            }
            this.restarts = restarts;
            return this;
        }

        /** Lloyd iterations per start at most. Default 300. */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * Convergence threshold on the total squared centroid shift, relative to the mean
         * per-column variance of the points. Default 1e-4; 0 iterates until the assignment is
         * stable (or {@code maxIterations}).
         */
        public Builder tolerance(double tolerance) {
            if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /** Threads for the per-point loops (borrowed, not closed). Default single-threaded. */
        public Builder parallelism(Parallelism parallelism) {
            this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
            return this;
        }

        public KMeans build() {
            return new KMeans(this);
        }
    }
}
