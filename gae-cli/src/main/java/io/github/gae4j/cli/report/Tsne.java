// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Exact t-SNE to two dimensions (van der Maaten &amp; Hinton, 2008), following the reference
 * implementation: Gaussian affinities whose bandwidths are found by binary search on the perplexity,
 * symmetrised P, Student-t similarities Q, early exaggeration 12 for the first 250 iterations,
 * momentum 0.5 then 0.8, delta-bar-delta gains, and initial positions drawn from N(0, 10⁻⁴ I).
 * The learning rate is scikit-learn's "auto", max(N / 12 / 4, 50), matched to its gradient with the factor 4.
 *
 * <p>O(N²) time per iteration and one N×N array of affinities: meant for the ≤ 2000 nodes a report
 * draws. Single-threaded, so the same seed gives bit-identical output.
 */
final class Tsne {

    private static final double EXAGGERATION = 12;
    private static final int EXAGGERATION_ITERATIONS = 250;
    private static final double INITIAL_MOMENTUM = 0.5;
    private static final double FINAL_MOMENTUM = 0.8;
    private static final double MIN_GAIN = 0.01;
    private static final int PERPLEXITY_STEPS = 100;
    private static final double PERPLEXITY_TOLERANCE = 1e-5;

    /** Above this the N×N affinities alone need 800 MB; a report should draw fewer nodes. */
    static final int MAX_POINTS = 10_000;

    private final double perplexity;
    private final int iterations;
    private final long seed;

    Tsne(double perplexity, int iterations, long seed) {
        if (!(perplexity > 0) || Double.isInfinite(perplexity)) {
            throw new IllegalArgumentException("perplexity must be positive and finite, got " + perplexity);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.seed = seed;
    }

    /**
     * The perplexity actually used for n points: the requested one, lowered to (n − 1) / 3 (the
     * reference implementation's limit) but not below 1.
     */
    static double effectivePerplexity(double perplexity, int n) {
        return Math.max(1, Math.min(perplexity, (n - 1) / 3.0));
    }

    /**
     * Embeds n points of dimension d (row-major {@code x}) in 2-D.
     *
     * @return n×2 row-major: point i at (y[2i], y[2i + 1])
     */
    double[] embed(double[] x, int n, int d) {
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "Exact t-SNE is limited to %d points, got %d", MAX_POINTS, n));
        }
        if (x.length != (long) n * d || n < 2) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "t-SNE needs at least 2 points and an n×d array, got %d values for (%d, %d)",
                    x.length,
                    n,
                    d));
        }
        double[] p = affinities(x, n, d, effectivePerplexity(perplexity, n));
        double[] y = new double[2 * n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < y.length; k++) {
            y[k] = 1e-4 * random.nextGaussian();
        }
        double[] gradient = new double[2 * n];
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        double learningRate = Math.max(n / EXAGGERATION / 4, 50);
        for (int it = 0; it < iterations; it++) {
            boolean early = it < EXAGGERATION_ITERATIONS;
            gradient(p, y, n, early ? EXAGGERATION : 1, gradient);
            double momentum = early ? INITIAL_MOMENTUM : FINAL_MOMENTUM;
            for (int k = 0; k < y.length; k++) {
                // Delta-bar-delta: grow the gain while the step keeps its direction, shrink it on a sign flip.
                boolean sameDirection = (gradient[k] > 0) == (update[k] > 0);
                gains[k] = sameDirection ? Math.max(gains[k] * 0.8, MIN_GAIN) : gains[k] + 0.2;
                update[k] = momentum * update[k] - learningRate * gains[k] * gradient[k];
                y[k] += update[k];
            }
            centre(y, n);
        }
        return y;
    }

    /**
     * Symmetric joint probabilities p_ij = (p_j|i + p_i|j) / 2n in the upper triangle of an n×n
     * row-major array (p[i * n + j] for j &gt; i).
     */
    static double[] affinities(double[] x, int n, int d, double perplexity) {
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double sum = 0;
                for (int c = 0; c < d; c++) {
                    double diff = x[i * d + c] - x[j * d + c];
                    sum += diff * diff;
                }
                p[i * n + j] = sum;
                p[j * n + i] = sum;
            }
        }
        double target = Math.log(perplexity);
        for (int i = 0; i < n; i++) {
            conditionalRow(p, i, n, target);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                p[i * n + j] = (p[i * n + j] + p[j * n + i]) / (2.0 * n);
            }
        }
        return p;
    }

    /**
     * Replaces row i's squared distances by p_j|i ∝ exp(−β·d_ij), with β found by binary search so
     * that the entropy (in nats) is log(perplexity). Distances are shifted by the row minimum first,
     * which leaves p unchanged but keeps the nearest neighbour at exp(0) = 1, so nothing underflows to 0/0.
     */
    private static void conditionalRow(double[] p, int i, int n, double targetEntropy) {
        int row = i * n;
        double min = Double.POSITIVE_INFINITY;
        double mean = 0;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                min = Math.min(min, p[row + j]);
            }
        }
        for (int j = 0; j < n; j++) {
            if (j != i) {
                p[row + j] -= min;
                mean += p[row + j];
            }
        }
        mean /= n - 1;
        p[row + i] = 0;
        double[] probabilities = new double[n];
        // Start at the inverse mean distance, so scale-free data converges in a few steps.
        double beta = mean > 0 ? 1 / mean : 1;
        double betaMin = Double.NEGATIVE_INFINITY;
        double betaMax = Double.POSITIVE_INFINITY;
        for (int step = 0; step < PERPLEXITY_STEPS; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < n; j++) {
                double q = j == i ? 0 : Math.exp(-beta * p[row + j]);
                probabilities[j] = q;
                sum += q;
                weighted += q * p[row + j];
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int j = 0; j < n; j++) {
                probabilities[j] /= sum;
            }
            double excess = entropy - targetEntropy;
            if (Math.abs(excess) < PERPLEXITY_TOLERANCE) {
                break;
            }
            if (excess > 0) {
                betaMin = beta;
                beta = betaMax == Double.POSITIVE_INFINITY ? beta * 2 : (beta + betaMax) / 2;
            } else {
                betaMax = beta;
                beta = betaMin == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + betaMin) / 2;
            }
        }
        System.arraycopy(probabilities, 0, p, row, n);
    }

    /**
     * Gradient of KL(P‖Q): 4 Σ_j (e·p_ij − q_ij) w_ij (y_i − y_j) with w_ij = 1 / (1 + |y_i − y_j|²) and
     * q_ij = w_ij / Z. Split as 4 (Σ e·p_ij w_ij Δ − Σ w_ij² Δ / Z), both sums and Z come from one pass
     * over the upper triangle, so Q is never stored.
     */
    private static void gradient(double[] p, double[] y, int n, double exaggeration, double[] gradient) {
        double[] attraction = new double[2 * n];
        double[] repulsion = new double[2 * n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            double yi0 = y[2 * i];
            double yi1 = y[2 * i + 1];
            double attract0 = 0;
            double attract1 = 0;
            double repel0 = 0;
            double repel1 = 0;
            int row = i * n;
            for (int j = i + 1; j < n; j++) {
                double dx = yi0 - y[2 * j];
                double dy = yi1 - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                z += 2 * w;
                double pw = exaggeration * p[row + j] * w;
                double ww = w * w;
                attract0 += pw * dx;
                attract1 += pw * dy;
                repel0 += ww * dx;
                repel1 += ww * dy;
                attraction[2 * j] -= pw * dx;
                attraction[2 * j + 1] -= pw * dy;
                repulsion[2 * j] -= ww * dx;
                repulsion[2 * j + 1] -= ww * dy;
            }
            attraction[2 * i] += attract0;
            attraction[2 * i + 1] += attract1;
            repulsion[2 * i] += repel0;
            repulsion[2 * i + 1] += repel1;
        }
        for (int k = 0; k < gradient.length; k++) {
            gradient[k] = 4 * (attraction[k] - repulsion[k] / z);
        }
    }

    private static void centre(double[] y, int n) {
        double mean0 = 0;
        double mean1 = 0;
        for (int i = 0; i < n; i++) {
            mean0 += y[2 * i];
            mean1 += y[2 * i + 1];
        }
        mean0 /= n;
        mean1 /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mean0;
            y[2 * i + 1] -= mean1;
        }
    }
}
