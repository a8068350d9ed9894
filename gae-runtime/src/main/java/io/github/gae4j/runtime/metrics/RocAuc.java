// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics;

/**
 * Area under the ROC curve, as scikit-learn's {@code roc_auc_score}: tied scores count one half
 * (the trapezoid between distinct thresholds), computed through mid-ranks in O(n log n).
 */
public final class RocAuc {

    private RocAuc() {}

    public static double of(double[] scores, boolean[] labels) {
        ScoredLabels s = ScoredLabels.sortedAscending(scores, labels);
        long pos = s.positives();
        long neg = s.size() - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException(
                    "ROC-AUC is undefined with only one class present (" + pos + " positives, " + neg + " negatives)");
        }
        double rankSum = 0;
        int i = 0;
        while (i < s.size()) {
            int j = i;
            while (j + 1 < s.size() && s.score(j + 1) == s.score(i)) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (s.label(k)) {
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
