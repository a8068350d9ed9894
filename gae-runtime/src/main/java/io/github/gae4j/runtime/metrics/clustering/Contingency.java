// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.clustering;

import java.util.Arrays;
import java.util.Locale;

/**
 * Class × cluster counts over the labelled nodes (label != {@link ClusteringMetrics#UNLABELLED}),
 * with class and cluster ids remapped to dense indices in ascending order of their values.
 */
final class Contingency {

    final long[][] counts;
    final long[] classTotals;
    final long[] clusterTotals;
    final long n;

    private Contingency(long[][] counts, long[] classTotals, long[] clusterTotals, long n) {
        this.counts = counts;
        this.classTotals = classTotals;
        this.clusterTotals = clusterTotals;
        this.n = n;
    }

    int classes() {
        return classTotals.length;
    }

    int clusters() {
        return clusterTotals.length;
    }

    static Contingency of(int[] labels, int[] clusters) {
        if (labels.length != clusters.length) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "labels has %d entries but clusters has %d", labels.length, clusters.length));
        }
        int labelled = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < ClusteringMetrics.UNLABELLED) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "labels[%d] = %d: labels must be >= 0, or -1 for an unlabelled node",
                        i,
                        labels[i]));
            }
            if (clusters[i] < 0) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "clusters[%d] = %d: cluster ids must be >= 0", i, clusters[i]));
            }
            if (labels[i] != ClusteringMetrics.UNLABELLED) {
                labelled++;
            }
        }
        if (labelled == 0) {
            throw new IllegalArgumentException(
                    "no labelled nodes: every one of the " + labels.length + " labels is -1 (or there are none)");
        }
        int[] y = new int[labelled];
        int[] c = new int[labelled];
        for (int i = 0, k = 0; i < labels.length; i++) {
            if (labels[i] != ClusteringMetrics.UNLABELLED) {
                y[k] = labels[i];
                c[k] = clusters[i];
                k++;
            }
        }
        int[] classIds = distinctSorted(y);
        int[] clusterIds = distinctSorted(c);
        long[][] counts = new long[classIds.length][clusterIds.length];
        long[] classTotals = new long[classIds.length];
        long[] clusterTotals = new long[clusterIds.length];
        for (int k = 0; k < labelled; k++) {
            int a = Arrays.binarySearch(classIds, y[k]);
            int b = Arrays.binarySearch(clusterIds, c[k]);
            counts[a][b]++;
            classTotals[a]++;
            clusterTotals[b]++;
        }
        return new Contingency(counts, classTotals, clusterTotals, labelled);
    }

    private static int[] distinctSorted(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int d = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                sorted[d++] = sorted[k];
            }
        }
        return Arrays.copyOf(sorted, d);
    }
}
