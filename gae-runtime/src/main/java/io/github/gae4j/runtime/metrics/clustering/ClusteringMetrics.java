// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.clustering;

import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;

/**
 * External clustering scores of a clustering against ground-truth classes: accuracy (ACC),
 * normalised mutual information (NMI) and the adjusted Rand index (ARI).
 *
 * <p>Every method takes {@code labels} (the true class of each node) and {@code clusters} (the
 * cluster each node was put in) of equal length. Class and cluster ids are arbitrary
 * non-negative ints (they need not be contiguous); only the partitions they induce matter.
 * <b>A node whose label is {@link #UNLABELLED} (-1) is ignored</b>, as if it were absent: it is
 * neither counted in the denominator of ACC nor in any of the counts behind NMI and ARI. This
 * is how semi-labelled graphs are scored after clustering all nodes. Labels below -1 and
 * negative cluster ids are rejected, and so is an input without any labelled node.
 *
 * <ul>
 *   <li>{@link #accuracy}: the fraction of labelled nodes whose cluster is matched to their class
 *       under the one-to-one cluster-to-class matching that maximises that fraction (found with
 *       the {@link Hungarian} algorithm). Cluster and class counts may differ: with more clusters
 *       than classes the unmatched clusters' nodes count as errors, and with fewer clusters some
 *       classes are never predicted.</li>
 *   <li>{@link #nmi}: as scikit-learn's {@code normalized_mutual_info_score} with its default
 *       {@code average_method="arithmetic"}: I(Y; C) / ((H(Y) + H(C)) / 2), natural logarithms
 *       (the base cancels). As there, it is 1 when both partitions are a single block and 0 when
 *       the mutual information is 0 otherwise (e.g. every node in one cluster).</li>
 *   <li>{@link #ari}: as scikit-learn's {@code adjusted_rand_score}, computed from the pair
 *       confusion matrix: 2 (TP·TN − FN·FP) / ((TP + FN)(FN + TN) + (TP + FP)(FP + TN)), and 1
 *       when there are no disagreeing pairs (FN = FP = 0).</li>
 * </ul>
 */
public final class ClusteringMetrics {

    /** The label of a node without ground truth; such nodes are left out of every score. */
    public static final int UNLABELLED = -1;

    /** Entries of the mutual information sum below this are taken as 0, as in scikit-learn. */
    private static final double EPS = Math.ulp(1.0);

    private ClusteringMetrics() {}

    /** Clustering accuracy under the best one-to-one matching of clusters to classes. */
    public static double accuracy(int[] labels, int[] clusters) {
        return accuracy(Contingency.of(labels, clusters));
    }

    /** Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default). */
    public static double nmi(int[] labels, int[] clusters) {
        return nmi(Contingency.of(labels, clusters));
    }

    /** Adjusted Rand index, as scikit-learn's {@code adjusted_rand_score}. */
    public static double ari(int[] labels, int[] clusters) {
        return ari(Contingency.of(labels, clusters));
    }

    /** All three scores at once (one contingency table). */
    public static ClusteringScores scores(int[] labels, int[] clusters) {
        Contingency c = Contingency.of(labels, clusters);
        return new ClusteringScores(accuracy(c), nmi(c), ari(c));
    }

    /**
     * Clusters all rows of {@code embeddings} with {@link KMeans} (k-means++ initialisation,
     * {@code restarts} seeded restarts, default iteration limit and tolerance, single-threaded)
     * and scores the clustering against {@code labels} (unlabelled nodes: -1, ignored).
     */
    public static ClusteringScores evaluate(Matrix embeddings, int[] labels, int k, int restarts, long seed) {
        return evaluate(embeddings, labels, KMeans.builder(k).restarts(restarts).build(), seed);
    }

    /** As {@link #evaluate(Matrix, int[], int, int, long)} with a configured {@link KMeans}. */
    public static ClusteringScores evaluate(Matrix embeddings, int[] labels, KMeans kMeans, long seed) {
        if (labels.length != embeddings.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "labels has %d entries but embeddings has %d rows", labels.length, embeddings.rows()));
        }
        return scores(labels, kMeans.fit(embeddings, seed).assignments());
    }

    static double accuracy(Contingency c) {
        double[][] profit = new double[c.classes()][c.clusters()];
        for (int a = 0; a < c.classes(); a++) {
            for (int b = 0; b < c.clusters(); b++) {
                profit[a][b] = c.counts[a][b];
            }
        }
        int[] match = Hungarian.maximise(profit);
        long correct = 0;
        for (int a = 0; a < match.length; a++) {
            if (match[a] != Hungarian.UNASSIGNED) {
                correct += c.counts[a][match[a]];
            }
        }
        return (double) correct / c.n;
    }

    static double nmi(Contingency c) {
        if (c.classes() == 1 && c.clusters() == 1) {
            // Neither partition splits the nodes: both have zero entropy, a perfect match.
            return 1.0;
        }
        double mi = mutualInformation(c);
        if (mi == 0) {
            return 0.0;
        }
        double normaliser = (entropy(c.classTotals, c.n) + entropy(c.clusterTotals, c.n)) / 2;
        return mi / normaliser;
    }

    static double ari(Contingency c) {
        // Pair confusion matrix over ordered pairs of distinct nodes, as scikit-learn builds it.
        long n = c.n;
        long sumSquares = 0;
        long byCluster = 0; // sum_ij n_ij * (size of cluster j)
        long byClass = 0; // sum_ij n_ij * (size of class i)
        for (int a = 0; a < c.classes(); a++) {
            for (int b = 0; b < c.clusters(); b++) {
                long nij = c.counts[a][b];
                sumSquares += nij * nij;
                byCluster += nij * c.clusterTotals[b];
                byClass += nij * c.classTotals[a];
            }
        }
        long tp = sumSquares - n;
        long fp = byCluster - sumSquares;
        long fn = byClass - sumSquares;
        long tn = n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        double numerator = 2.0 * ((double) tp * tn - (double) fn * fp);
        double denominator = (double) (tp + fn) * (fn + tn) + (double) (tp + fp) * (fp + tn);
        return numerator / denominator;
    }

    /** I(Y; C) in nats; 0 when either partition is a single block. */
    static double mutualInformation(Contingency c) {
        if (c.classes() == 1 || c.clusters() == 1) {
            return 0.0;
        }
        double logN = Math.log((double) c.n);
        double sum = 0;
        for (int a = 0; a < c.classes(); a++) {
            for (int b = 0; b < c.clusters(); b++) {
                long nij = c.counts[a][b];
                if (nij == 0) {
                    continue;
                }
                double p = (double) nij / c.n;
                double logOuter = -Math.log((double) c.classTotals[a] * c.clusterTotals[b]) + logN + logN;
                double term = p * (Math.log((double) nij) - logN) + p * logOuter;
                if (Math.abs(term) >= EPS) {
                    sum += term;
                }
            }
        }
        return Math.max(sum, 0.0);
    }

    /** Shannon entropy in nats of the partition with block sizes {@code totals} (summing to n). */
    static double entropy(long[] totals, long n) {
        double logN = Math.log((double) n);
        double h = 0;
        for (long t : totals) {
            if (t > 0) {
                h -= ((double) t / n) * (Math.log((double) t) - logN);
            }
        }
        return h;
    }
}
