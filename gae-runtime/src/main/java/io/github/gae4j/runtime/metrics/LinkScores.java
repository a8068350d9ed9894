// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics;

/** ROC-AUC and average precision of positive pairs against negative pairs. */
public record LinkScores(double auc, double ap) {

    /** Scores positives (label 1) against negatives (label 0). */
    public static LinkScores of(double[] positiveScores, double[] negativeScores) {
        int n = positiveScores.length + negativeScores.length;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        System.arraycopy(positiveScores, 0, scores, 0, positiveScores.length);
        System.arraycopy(negativeScores, 0, scores, positiveScores.length, negativeScores.length);
        for (int k = 0; k < positiveScores.length; k++) {
            labels[k] = true;
        }
        return new LinkScores(RocAuc.of(scores, labels), AveragePrecision.of(scores, labels));
    }
}
