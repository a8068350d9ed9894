// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to try, fitted to the run: feature remedies only where there are features (and row normalisation only where
 * it would change them), a learning rate ten times lower than the one used, negative sampling only where the model
 * does not sample negatives already. Remedies name {@code gae train}'s options; code sets the same things through
 * the graph's features, {@code TrainerConfig} and the model's losses.
 *
 * @param features         what the encoder's features are: NONE (X = I), RAW (non-negative, rows not summing to
 *                         1), NORMALIZED (rows summing to 1) or OTHER (negative values: scaling is the caller's)
 * @param meanRowSum       the mean row sum of X (NaN for X = I)
 * @param learningRate     the run's learning rate
 * @param samplesNegatives whether a loss term already draws negatives (negative sampling, masked edges)
 */
public record Advice(FeatureKind features, double meanRowSum, double learningRate, boolean samplesNegatives) {

    /** See {@link Advice}. */
    public enum FeatureKind {
        NONE,
        RAW,
        NORMALIZED,
        OTHER
    }

    /** Loss plugins that draw negatives, by name. */
    static final List<String> SAMPLING_LOSSES = List.of("negative-sampling-bce", "masked-edge-bce");

    public Advice {
        Objects.requireNonNull(features, "features is null");
    }

    /** Advice for a model fed {@code x}, trained at {@code learningRate} with loss terms named {@code lossNames}. */
    public static Advice of(Features x, double learningRate, Collection<String> lossNames) {
        boolean sampling = lossNames.stream().anyMatch(SAMPLING_LOSSES::contains);
        if (x instanceof Features.Identity) {
            return new Advice(FeatureKind.NONE, Double.NaN, learningRate, sampling);
        }
        double[] sums;
        boolean negative = false;
        if (x instanceof Features.Sparse s) {
            SparseMatrix m = s.matrix();
            sums = m.rowSums();
            for (int p = 0; p < m.nnz() && !negative; p++) {
                negative = m.valueAt(p) < 0;
            }
        } else {
            Matrix m = x.toDense();
            sums = new double[m.rows()];
            double[] v = m.data();
            for (int k = 0; k < v.length; k++) {
                sums[k / m.cols()] += v[k];
                negative |= v[k] < 0;
            }
        }
        double total = 0;
        boolean normalized = true;
        for (double s : sums) {
            total += s;
            normalized &= s == 0 || Math.abs(s - 1) < 1e-6;
        }
        double mean = sums.length == 0 ? 0 : total / sums.length;
        FeatureKind kind = negative ? FeatureKind.OTHER : normalized ? FeatureKind.NORMALIZED : FeatureKind.RAW;
        return new Advice(kind, mean, learningRate, sampling);
    }

    /** For a jumping loss: input scale first, then the step size. */
    String lossSpike() {
        List<String> tries = new ArrayList<>();
        featureRemedies(tries);
        tries.add(lowerRate());
        tries.add("gradient clipping (--grad-clip 1)");
        return sentence(tries);
    }

    /** For a model that has collapsed (flat AUC, dead units, one-dimensional embeddings, an early best epoch). */
    String collapse() {
        List<String> tries = new ArrayList<>();
        featureRemedies(tries);
        tries.add(lowerRate());
        if (!samplesNegatives) {
            tries.add("negative sampling (--loss negative-sampling-bce)");
        }
        return sentence(tries);
    }

    /** For a model below a heuristic: the features may hurt; structure alone often does better. */
    String belowBaseline(String heuristic) {
        List<String> tries = new ArrayList<>();
        featureRemedies(tries);
        if (!samplesNegatives) {
            tries.add("negative sampling (--loss negative-sampling-bce)");
        }
        tries.add("more epochs or a larger model");
        return sentence(tries) + " Otherwise " + heuristic + " itself is the better predictor here.";
    }

    /** Why the features are suspect, for messages: "the input features are un-normalised (mean row sum 267)". */
    String featureNote() {
        return features == FeatureKind.RAW && meanRowSum > 2
                ? String.format(Locale.ROOT, " The input features are not normalised (mean row sum %.3g).", meanRowSum)
                : "";
    }

    private void featureRemedies(List<String> tries) {
        switch (features) {
            case RAW -> {
                tries.add("row-normalised features (--normalize-features)");
                tries.add("no features (--no-features)");
            }
            case NORMALIZED, OTHER -> tries.add("no features (--no-features)");
            case NONE -> {}
        }
    }

    private String lowerRate() {
        return String.format(Locale.ROOT, "a lower learning rate (--lr %s)", shortNumber(learningRate / 10));
    }

    private static String shortNumber(double v) {
        String s = String.format(Locale.ROOT, "%.2g", v);
        return s.contains("e")
                ? s
                : new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
    }

    private static String sentence(List<String> tries) {
        if (tries.size() == 1) {
            return "Try " + tries.get(0) + ".";
        }
        return "Try " + String.join(", ", tries.subList(0, tries.size() - 1)) + " or " + tries.get(tries.size() - 1)
                + ".";
    }
}
