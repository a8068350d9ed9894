// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.tensor.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ClusteringMetricsTest {

    private static final double EXACT = 1e-15;

    @Test
    void relabelledPerfectClustering() {
        int[] labels = {0, 0, 1, 1};
        int[] clusters = {1, 1, 0, 0};
        assertThat(ClusteringMetrics.accuracy(labels, clusters)).isEqualTo(1.0);
        assertThat(ClusteringMetrics.nmi(labels, clusters)).isCloseTo(1.0, within(EXACT));
        assertThat(ClusteringMetrics.ari(labels, clusters)).isEqualTo(1.0);
    }

    @Test
    void splitClassesHandComputed() {
        int[] labels = {0, 0, 0, 1, 1, 1};
        int[] clusters = {0, 0, 1, 1, 2, 2};
        // Contingency (classes x clusters):   c0 c1 c2 | a
        //                              class 0: 2  1  0 | 3
        //                              class 1: 0  1  2 | 3
        //                                    b: 2  2  2 | N = 6
        //
        // ACC: best one-to-one matching is class 0 -> c0 (2) and class 1 -> c2 (2); c1 is unmatched,
        // so ACC = (2 + 2) / 6 = 4/6.
        assertThat(ClusteringMetrics.accuracy(labels, clusters)).isCloseTo(4.0 / 6, within(EXACT));
        //
        // NMI: MI = sum_ij n_ij/N ln(N n_ij / (a_i b_j))
        //         = 2 * (2/6) ln(6*2 / (3*2)) + 2 * (1/6) ln(6*1 / (3*2)) = (2/3) ln 2 + 0 = 0.462098...
        // H(Y) = -2 * (3/6) ln(3/6) = ln 2 = 0.693147...,  H(C) = -3 * (2/6) ln(2/6) = ln 3 = 1.098612...
        // NMI = MI / ((H(Y) + H(C)) / 2) = (4/3) ln 2 / ln 6 = 0.5158037429793888
        assertThat(ClusteringMetrics.nmi(labels, clusters))
                .isCloseTo(4.0 / 3 * Math.log(2) / Math.log(6), within(1e-14))
                .isCloseTo(0.5158037429793888, within(1e-14));
        //
        // ARI: sum_ij C(n_ij, 2) = C(2,2) + C(1,2) + C(1,2) + C(2,2) = 1 + 0 + 0 + 1 = 2
        //      sum_i C(a_i, 2) = 3 + 3 = 6,  sum_j C(b_j, 2) = 1 + 1 + 1 = 3,  C(N, 2) = 15
        //      expected = 6 * 3 / 15 = 1.2,  max = (6 + 3) / 2 = 4.5
        //      ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3 = 8/33 = 0.242424...
        // (Pair confusion over ordered pairs: TP = 4, FP = 2, FN = 8, TN = 16;
        //  2 (4*16 - 8*2) / ((4 + 8)(8 + 16) + (4 + 2)(2 + 16)) = 96 / 396 = 8/33.)
        assertThat(ClusteringMetrics.ari(labels, clusters)).isCloseTo(8.0 / 33, within(EXACT));
    }

    @Test
    void everyNodeInOneCluster() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        int[] clusters = {4, 4, 4, 4, 4, 4};
        // One cluster: MI = 0, so NMI = 0. Ordered pairs: TP = 6, FP = 24 (same cluster, other class),
        // FN = 0, TN = 0: ARI = 2 (6*0 - 0*24) / ((6 + 0)(0 + 0) + (6 + 24)(24 + 0)) = 0.
        // ACC: the one cluster matches one class of 2 nodes: 2/6.
        assertThat(ClusteringMetrics.nmi(labels, clusters)).isZero();
        assertThat(ClusteringMetrics.ari(labels, clusters)).isZero();
        assertThat(ClusteringMetrics.accuracy(labels, clusters)).isCloseTo(2.0 / 6, within(EXACT));
    }

    @Test
    void singleClassAndSingleClusterIsAPerfectMatch() {
        // scikit-learn's convention: both partitions constant (zero entropy) gives NMI = ARI = 1.
        int[] labels = {3, 3, 3};
        int[] clusters = {0, 0, 0};
        assertThat(ClusteringMetrics.scores(labels, clusters)).isEqualTo(new ClusteringScores(1.0, 1.0, 1.0));
    }

    @Test
    void singleClassSplitIntoClusters() {
        // One class, two clusters: H(Y) = 0 so MI = 0 and NMI = 0. Ordered pairs: TP = 4, FP = 0,
        // FN = 8 (same class, other cluster), TN = 0: ARI = 2 (4*0 - 8*0) / (12*8 + 4*0) = 0. ACC = 2/4.
        int[] labels = {0, 0, 0, 0};
        int[] clusters = {0, 0, 1, 1};
        assertThat(ClusteringMetrics.nmi(labels, clusters)).isZero();
        assertThat(ClusteringMetrics.ari(labels, clusters)).isZero();
        assertThat(ClusteringMetrics.accuracy(labels, clusters)).isEqualTo(0.5);
    }

    @Test
    void discordantClusteringHasNegativeAri() {
        // scikit-learn docs: adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) == -0.5.
        // sum C(n_ij,2) = 0, sum C(a_i,2) = sum C(b_j,2) = 2, C(4,2) = 6: expected 4/6, max 2,
        // ARI = (0 - 2/3) / (2 - 2/3) = -1/2. Every n_ij = 1 = a_i b_j / N, so MI = 0 and NMI = 0.
        int[] labels = {0, 0, 1, 1};
        int[] clusters = {0, 1, 0, 1};
        assertThat(ClusteringMetrics.ari(labels, clusters)).isCloseTo(-0.5, within(EXACT));
        assertThat(ClusteringMetrics.nmi(labels, clusters)).isZero();
        assertThat(ClusteringMetrics.accuracy(labels, clusters)).isEqualTo(0.5);
    }

    @Test
    void scikitLearnAriDocExample() {
        // adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) == 0.5714...: sum C(n_ij,2) = 1,
        // sum C(a_i,2) = 2, sum C(b_j,2) = 1, C(4,2) = 6: (1 - 2/6) / (3/2 - 2/6) = (2/3) / (7/6) = 4/7.
        assertThat(ClusteringMetrics.ari(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
                .isCloseTo(4.0 / 7, within(EXACT));
        // Symmetric in its arguments.
        assertThat(ClusteringMetrics.ari(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}))
                .isCloseTo(4.0 / 7, within(EXACT));
    }

    @Test
    void fewerClustersThanClasses() {
        // Classes 0, 1, 2 of two nodes each; clusters merge classes 0 and 1. Only one of them can be
        // matched to cluster 0: ACC = (2 + 2) / 6.
        int[] labels = {0, 0, 1, 1, 2, 2};
        int[] clusters = {0, 0, 0, 0, 1, 1};
        assertThat(ClusteringMetrics.accuracy(labels, clusters)).isCloseTo(4.0 / 6, within(EXACT));
        // a = (2, 2, 2), b = (4, 2), non-zero n_ij = 2 at (0,0), (1,0), (2,1):
        // MI = (2/6) ln(6*2 / (2*4)) * 2 + (2/6) ln(6*2 / (2*2)) = (1/3)(2 ln 1.5 + ln 3) = (1/3) ln 6.75;
        // H(Y) = ln 3; H(C) = -(4/6) ln(4/6) - (2/6) ln(2/6).
        double mi = Math.log(6.75) / 3;
        double hy = Math.log(3);
        double hc = -(4.0 / 6) * Math.log(4.0 / 6) - (2.0 / 6) * Math.log(2.0 / 6);
        assertThat(ClusteringMetrics.nmi(labels, clusters)).isCloseTo(mi / ((hy + hc) / 2), within(1e-14));
        // ARI: sum C(n_ij,2) = 3, sum C(a_i,2) = 3, sum C(b_j,2) = 6 + 1 = 7, C(6,2) = 15:
        // (3 - 21/15) / (5 - 21/15) = 1.6 / 3.6 = 4/9.
        assertThat(ClusteringMetrics.ari(labels, clusters)).isCloseTo(4.0 / 9, within(EXACT));
    }

    @Test
    void unlabelledNodesAreIgnored() {
        // Without the -1 nodes this is the perfect clustering {0,0,1,1} vs {1,1,0,0};
        // the -1 nodes sit in the "wrong" clusters and would lower every score if counted.
        int[] labels = {0, -1, 0, 1, -1, 1};
        int[] clusters = {1, 0, 1, 0, 1, 0};
        assertThat(ClusteringMetrics.scores(labels, clusters).acc()).isEqualTo(1.0);
        assertThat(ClusteringMetrics.scores(labels, clusters).nmi()).isCloseTo(1.0, within(EXACT));
        assertThat(ClusteringMetrics.scores(labels, clusters).ari()).isEqualTo(1.0);
        // Same numbers as the hand-computed case, padded with unlabelled nodes.
        ClusteringScores padded = ClusteringMetrics.scores(
                new int[] {-1, 0, 0, 0, -1, 1, 1, 1, -1}, new int[] {2, 0, 0, 1, 0, 1, 2, 2, 1});
        ClusteringScores plain = ClusteringMetrics.scores(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2});
        assertThat(padded).isEqualTo(plain);
    }

    @Test
    void invariantUnderRenamingAndNodeOrder() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 5 + rng.nextInt(60);
            int[] labels = new int[n];
            int[] clusters = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rng.nextInt(-1, 4);
                clusters[i] = rng.nextInt(5);
            }
            labels[0] = 0; // at least one labelled node
            ClusteringScores base = ClusteringMetrics.scores(labels, clusters);

            // Rename clusters by a permutation (and to non-contiguous ids), classes by another.
            int[] clusterNames = {17, 3, 42, 0, 8};
            int[] classNames = {5, 100, 2, 9};
            int[] order = permutation(n, rng);
            int[] renamedLabels = new int[n];
            int[] renamedClusters = new int[n];
            for (int i = 0; i < n; i++) {
                int src = order[i];
                renamedLabels[i] = labels[src] == -1 ? -1 : classNames[labels[src]];
                renamedClusters[i] = clusterNames[clusters[src]];
            }
            ClusteringScores renamed = ClusteringMetrics.scores(renamedLabels, renamedClusters);
            assertThat(renamed.acc()).as("trial %d", trial).isCloseTo(base.acc(), within(1e-15));
            assertThat(renamed.nmi()).as("trial %d", trial).isCloseTo(base.nmi(), within(1e-12));
            assertThat(renamed.ari()).as("trial %d", trial).isCloseTo(base.ari(), within(1e-12));
        }
    }

    @Test
    void matchesDefinitionsOnRandomLabellings() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + rng.nextInt(40);
            int classes = 1 + rng.nextInt(4);
            int clusterCount = 1 + rng.nextInt(4);
            int[] labels = new int[n];
            int[] clusters = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rng.nextInt(classes);
                clusters[i] = rng.nextInt(clusterCount);
            }
            assertThat(ClusteringMetrics.accuracy(labels, clusters))
                    .as("trial %d", trial)
                    .isCloseTo(bruteForceAccuracy(labels, clusters, classes, clusterCount), within(1e-15));
            assertThat(ClusteringMetrics.ari(labels, clusters))
                    .as("trial %d", trial)
                    .isCloseTo(pairCountingAri(labels, clusters), within(1e-12));
            assertThat(ClusteringMetrics.nmi(labels, clusters))
                    .as("trial %d", trial)
                    .isCloseTo(probabilityNmi(labels, clusters, classes, clusterCount), within(1e-12))
                    .isBetween(0.0, 1.0 + 1e-12);
            // NMI and ARI are symmetric.
            assertThat(ClusteringMetrics.nmi(clusters, labels))
                    .isCloseTo(ClusteringMetrics.nmi(labels, clusters), within(1e-12));
            assertThat(ClusteringMetrics.ari(clusters, labels))
                    .isCloseTo(ClusteringMetrics.ari(labels, clusters), within(1e-12));
        }
    }

    @Test
    void evaluateClustersAndScores() {
        double[][] points = {{0, 0}, {0.1, 0}, {0, 0.1}, {10, 10}, {10.1, 10}, {10, 10.1}, {0.05, 0.05}, {10.05, 10.05}
        };
        int[] labels = {1, 1, -1, 0, 0, 0, 1, -1};
        ClusteringScores scores = ClusteringMetrics.evaluate(Matrix.of(points), labels, 2, 3, 42L);
        assertThat(scores.acc()).isEqualTo(1.0);
        assertThat(scores.nmi()).isCloseTo(1.0, within(1e-15));
        assertThat(scores.ari()).isEqualTo(1.0);
        assertThatThrownBy(() -> ClusteringMetrics.evaluate(Matrix.of(points), new int[] {0, 1}, 2, 3, 42L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels has 2 entries but embeddings has 8 rows");
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> ClusteringMetrics.accuracy(new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels has 2 entries but clusters has 1");
        assertThatThrownBy(() -> ClusteringMetrics.nmi(new int[] {0, -2}, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels[1] = -2");
        assertThatThrownBy(() -> ClusteringMetrics.ari(new int[] {0, 1}, new int[] {0, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clusters[1] = -1: cluster ids must be >= 0");
        assertThatThrownBy(() -> ClusteringMetrics.scores(new int[] {-1, -1}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no labelled nodes");
        assertThatThrownBy(() -> ClusteringMetrics.scores(new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no labelled nodes");
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Best one-to-one map over every injection of the smaller id set into the larger. */
    private static double bruteForceAccuracy(int[] labels, int[] clusters, int classes, int clusterCount) {
        long[][] counts = new long[classes][clusterCount];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][clusters[i]]++;
        }
        return (double) bestMatch(counts, 0, new boolean[clusterCount]) / labels.length;
    }

    private static long bestMatch(long[][] counts, int row, boolean[] used) {
        if (row == counts.length) {
            return 0;
        }
        long best = bestMatch(counts, row + 1, used); // class left unmatched
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, counts[row][j] + bestMatch(counts, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    /** Hubert–Arabie ARI from unordered pair counts, with scikit-learn's "no disagreement means 1". */
    private static double pairCountingAri(int[] labels, int[] clusters) {
        long sameBoth = 0;
        long sameClass = 0;
        long sameCluster = 0;
        long pairs = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = i + 1; j < labels.length; j++) {
                boolean a = labels[i] == labels[j];
                boolean b = clusters[i] == clusters[j];
                pairs++;
                sameBoth += a && b ? 1 : 0;
                sameClass += a ? 1 : 0;
                sameCluster += b ? 1 : 0;
            }
        }
        if (sameClass == sameBoth && sameCluster == sameBoth) {
            return 1.0;
        }
        double expected = (double) sameClass * sameCluster / pairs;
        double max = (sameClass + sameCluster) / 2.0;
        return (sameBoth - expected) / (max - expected);
    }

    /** I(Y;C) / mean(H(Y), H(C)) from joint and marginal probabilities; 1 if both are constant. */
    private static double probabilityNmi(int[] labels, int[] clusters, int classes, int clusterCount) {
        int n = labels.length;
        double[][] joint = new double[classes][clusterCount];
        double[] py = new double[classes];
        double[] pc = new double[clusterCount];
        for (int i = 0; i < n; i++) {
            joint[labels[i]][clusters[i]] += 1.0 / n;
            py[labels[i]] += 1.0 / n;
            pc[clusters[i]] += 1.0 / n;
        }
        double mi = 0;
        double hy = 0;
        double hc = 0;
        int usedClasses = 0;
        int usedClusters = 0;
        for (int a = 0; a < classes; a++) {
            if (py[a] > 0) {
                hy -= py[a] * Math.log(py[a]);
                usedClasses++;
            }
            for (int b = 0; b < clusterCount; b++) {
                if (joint[a][b] > 0) {
                    mi += joint[a][b] * Math.log(joint[a][b] / (py[a] * pc[b]));
                }
            }
        }
        for (int b = 0; b < clusterCount; b++) {
            if (pc[b] > 0) {
                hc -= pc[b] * Math.log(pc[b]);
                usedClusters++;
            }
        }
        if (usedClasses == 1 && usedClusters == 1) {
            return 1.0;
        }
        if (Math.abs(mi) < 1e-12) {
            return 0.0;
        }
        return mi / ((hy + hc) / 2);
    }
}
