// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import static java.util.Objects.requireNonNull;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.baselines.HeuristicScore;
import io.github.gae4j.runtime.diagnostics.Warning;
import io.github.gae4j.runtime.train.EpochStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a run report shows. Validated on construction, so a bad value fails before any file is
 * written: non-finite embeddings, NaN scores, labels of the wrong length or below −1.
 *
 * @param title              e.g. "gae on sbm-1000, seed 42"
 * @param summary            rows shown at the top, in the map's iteration order (copied into an ordered map)
 * @param modelJson          the model description as JSON text, shown verbatim
 * @param history            one entry per epoch; valAuc/valAp NaN on epochs without validation
 * @param bestEpoch          the epoch with the best validation score, 0 when there was no validation
 * @param testPositiveScores link probabilities of the test edges
 * @param testNegativeScores link probabilities of the test non-edges
 * @param embeddings         n×d node embeddings
 * @param labels             null, or one class per node with −1 for unlabelled nodes
 * @param classNames         names of classes 0..k−1; may be empty (then "class 0", "class 1", ...)
 * @param seed               seeds the node subsample and t-SNE
 * @param baselines          link heuristics on the same test pairs, drawn beside the model's curves; may be empty
 * @param warnings           what the run's diagnostics found (shown near the top); may be empty
 */
@SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
public record ReportData(
        String title,
        Map<String, String> summary,
        String modelJson,
        List<EpochStats> history,
        int bestEpoch,
        double[] testPositiveScores,
        double[] testNegativeScores,
        Matrix embeddings,
        int[] labels,
        List<String> classNames,
        long seed,
        List<HeuristicScore> baselines,
        List<Warning> warnings) {

    public ReportData {
        requireNonNull(title, "title is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(modelJson, "modelJson is null");
        requireNonNull(history, "history is null");
        requireNonNull(testPositiveScores, "testPositiveScores is null");
        requireNonNull(testNegativeScores, "testNegativeScores is null");
        requireNonNull(embeddings, "embeddings is null");
        requireNonNull(classNames, "classNames is null");
        Map<String, String> rows = new LinkedHashMap<>();
        summary.forEach((key, value) -> {
            requireNonNull(key, "summary key is null");
            rows.put(key, requireNonNull(value, () -> "summary value of '" + key + "' is null"));
        });
        summary = Collections.unmodifiableMap(rows);
        history = List.copyOf(history);
        classNames = List.copyOf(classNames);
        baselines = List.copyOf(requireNonNull(baselines, "baselines is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        if (bestEpoch < 0) {
            throw new IllegalArgumentException("bestEpoch must not be negative, got " + bestEpoch);
        }
        testPositiveScores = requireNoNaN(testPositiveScores.clone(), "Test positive score");
        testNegativeScores = requireNoNaN(testNegativeScores.clone(), "Test negative score");
        Projections.requireFinite(embeddings);
        if (labels != null) {
            if (labels.length != embeddings.rows()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "%d labels for %d embedding rows", labels.length, embeddings.rows()));
            }
            labels = labels.clone();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < -1) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT, "Label of node %d is %d; use -1 for unlabelled nodes", i, labels[i]));
                }
            }
        }
    }

    private static double[] requireNoNaN(double[] scores, String what) {
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException(what + " " + i + " is NaN");
            }
        }
        return scores;
    }
}
