// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics;

/**
 * Average precision as scikit-learn's {@code average_precision_score}: Σ (R_k − R_{k−1}) · P_k over
 * the distinct score thresholds in decreasing order (tied scores enter together; no interpolation).
 */
public final class AveragePrecision {

    private AveragePrecision() {}

    public static double of(double[] scores, boolean[] labels) {
        ScoredLabels s = ScoredLabels.sortedAscending(scores, labels);
        long pos = s.positives();
        if (pos == 0) {
            throw new IllegalArgumentException("Average precision is undefined without positives");
        }
        double ap = 0;
        double prevRecall = 0;
        long tp = 0;
        long fp = 0;
        int i = s.size() - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && s.score(j - 1) == s.score(i)) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                if (s.label(k)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            double recall = (double) tp / pos;
            double precision = (double) tp / (tp + fp);
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
            i = j - 1;
        }
        return ap;
    }
}
