// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics;

import java.util.Arrays;
import java.util.Locale;

/** Scores and binary labels sorted by ascending score; rejects NaN scores and length mismatches. */
final class ScoredLabels {

    private final double[] scores;
    private final boolean[] labels;
    private final long positives;

    private ScoredLabels(double[] scores, boolean[] labels, long positives) {
        this.scores = scores;
        this.labels = labels;
        this.positives = positives;
    }

    static ScoredLabels sortedAscending(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%d scores but %d labels", scores.length, labels.length));
        }
        Integer[] order = new Integer[scores.length];
        long pos = 0;
        for (int k = 0; k < scores.length; k++) {
            if (Double.isNaN(scores[k])) {
                throw new IllegalArgumentException("Score " + k + " is NaN");
            }
            order[k] = k;
            if (labels[k]) {
                pos++;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double[] s = new double[scores.length];
        boolean[] l = new boolean[scores.length];
        for (int k = 0; k < order.length; k++) {
            s[k] = scores[order[k]];
            l[k] = labels[order[k]];
        }
        return new ScoredLabels(s, l, pos);
    }

    int size() {
        return scores.length;
    }

    double score(int k) {
        return scores[k];
    }

    boolean label(int k) {
        return labels[k];
    }

    long positives() {
        return positives;
    }
}
