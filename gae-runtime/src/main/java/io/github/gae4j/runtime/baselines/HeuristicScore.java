// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.baselines;

import io.github.gae4j.runtime.metrics.LinkScores;

/**
 * One heuristic on one set of test pairs: its score of every positive and every negative pair (in the
 * order given, for curves) and the resulting ROC-AUC and average precision.
 */
@SuppressWarnings("ArrayRecordComponent") // per-pair scores for the report's curves; never compared or hashed
public record HeuristicScore(
        LinkHeuristic heuristic, double[] positiveScores, double[] negativeScores, LinkScores scores) {

    public double auc() {
        return scores.auc();
    }

    public double ap() {
        return scores.ap();
    }
}
