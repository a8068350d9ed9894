// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * ROC and precision-recall points of positive against negative scores, as scikit-learn's
 * {@code roc_curve} and {@code precision_recall_curve}: equal scores form one threshold, so ties move
 * the curve diagonally in one step. The summary numbers come from {@code LinkScores}; these points
 * only draw the curves, and their areas agree with those numbers (trapezoids for ROC-AUC, right steps for AP).
 */
final class Curves {

    /** False and true positive rates, from (0, 0) to (1, 1). */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    record Roc(double[] fpr, double[] tpr) {}

    /**
     * One operating point per distinct threshold, from the highest threshold down (recall rising to 1).
     * Precision {@code precision[k]} holds on the recall interval (recall[k − 1], recall[k]].
     */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    record PrecisionRecall(double[] recall, double[] precision) {}

    /** Cumulative true and false positives at each distinct threshold, highest threshold first. */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    private record Counts(long[] tp, long[] fp, int size) {}

    private Curves() {}

    /** The ROC points, collinear intermediate points dropped as {@code roc_curve(drop_intermediate=True)}. */
    static Roc roc(double[] positives, double[] negatives) {
        requireBothClasses(positives, negatives);
        Counts c = counts(positives, negatives);
        // Keep the ends and every point where the curve bends (second difference of tp or fp non-zero).
        int[] keep = new int[c.size()];
        int kept = 0;
        for (int k = 0; k < c.size(); k++) {
            boolean end = k == 0 || k == c.size() - 1;
            if (end
                    || c.fp()[k + 1] - 2 * c.fp()[k] + c.fp()[k - 1] != 0
                    || c.tp()[k + 1] - 2 * c.tp()[k] + c.tp()[k - 1] != 0) {
                keep[kept++] = k;
            }
        }
        double[] fpr = new double[kept + 1];
        double[] tpr = new double[kept + 1];
        for (int k = 0; k < kept; k++) {
            fpr[k + 1] = (double) c.fp()[keep[k]] / negatives.length;
            tpr[k + 1] = (double) c.tp()[keep[k]] / positives.length;
        }
        return new Roc(fpr, tpr);
    }

    static PrecisionRecall precisionRecall(double[] positives, double[] negatives) {
        requireBothClasses(positives, negatives);
        Counts c = counts(positives, negatives);
        double[] recall = new double[c.size()];
        double[] precision = new double[c.size()];
        for (int k = 0; k < c.size(); k++) {
            recall[k] = (double) c.tp()[k] / positives.length;
            precision[k] = (double) c.tp()[k] / (c.tp()[k] + c.fp()[k]);
        }
        return new PrecisionRecall(recall, precision);
    }

    /** Area under the ROC points by trapezoids; equals ROC-AUC with ties counted one half. */
    static double area(Roc roc) {
        double area = 0;
        for (int k = 1; k < roc.fpr().length; k++) {
            area += (roc.fpr()[k] - roc.fpr()[k - 1]) * (roc.tpr()[k] + roc.tpr()[k - 1]) / 2;
        }
        return area;
    }

    /** Σ (R_k − R_{k−1}) · P_k: average precision without interpolation. */
    static double area(PrecisionRecall pr) {
        double area = 0;
        double previousRecall = 0;
        for (int k = 0; k < pr.recall().length; k++) {
            area += (pr.recall()[k] - previousRecall) * pr.precision()[k];
            previousRecall = pr.recall()[k];
        }
        return area;
    }

    private static Counts counts(double[] positives, double[] negatives) {
        // Two sorted primitive arrays merged from the top: no boxing, O(n log n).
        double[] pos = positives.clone();
        double[] neg = negatives.clone();
        Arrays.sort(pos);
        Arrays.sort(neg);
        long[] tp = new long[pos.length + neg.length];
        long[] fp = new long[pos.length + neg.length];
        int i = pos.length - 1;
        int j = neg.length - 1;
        long tpCount = 0;
        long fpCount = 0;
        int size = 0;
        while (i >= 0 || j >= 0) {
            double threshold = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            while (i >= 0 && pos[i] == threshold) {
                tpCount++;
                i--;
            }
            while (j >= 0 && neg[j] == threshold) {
                fpCount++;
                j--;
            }
            tp[size] = tpCount;
            fp[size] = fpCount;
            size++;
        }
        return new Counts(tp, fp, size);
    }

    private static void requireBothClasses(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Curves need positive and negative scores, got %d positives and %d negatives",
                    positives.length,
                    negatives.length));
        }
        for (double[] scores : new double[][] {positives, negatives}) {
            for (int k = 0; k < scores.length; k++) {
                if (Double.isNaN(scores[k])) {
                    throw new IllegalArgumentException("Score " + k + " is NaN");
                }
            }
        }
    }
}
