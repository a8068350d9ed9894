// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.runtime.provenance.Provenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What {@code --features auto} (the default of {@code gae train}) does with a graph's node features, and why.
 *
 * <p>Why features need a look first: Adam moves every weight by about the learning rate on its first steps,
 * whatever the gradient's size. A first-layer pre-activation (ÂXW₀)ᵢₖ sums the weights of the node's active
 * features, so with non-negative features it moves by up to {@code lr × row sum}: 0.18 on Cora (18 words per
 * paper), 2.7 on Amazon Computers (267 of 767 bag-of-words entries set), five times the pre-activations' size at
 * initialisation. The inner-product decoder squares that, the weighted full-graph BCE (pos_weight in the
 * hundreds) turns the overshoot into a loss spike (0.68 to 48.6), and the gradient that follows drives most
 * ReLUs dead for good: validation AUC 0.5 from epoch 5. So features whose {@code lr × mean row sum} exceeds
 * {@link #MAX_FIRST_STEP} are not used as loaded: they are row-normalised (each row sums to 1) or left out,
 * whichever scores the better validation AUC; structure alone often wins on dense co-purchase and co-author
 * graphs. Features at a safe scale (Cora, CiteSeer, TF-IDF, signed or dense embeddings) are used as loaded.
 *
 * @param use        the features as trained on, recorded in the run's provenance
 * @param reason     one line saying why
 * @param validation the validation AUC of each candidate tried, in the order tried; empty when the
 *                   statistics decided alone
 */
public record FeatureChoice(Provenance.Features use, String reason, Map<Provenance.Features, Double> validation) {

    /**
     * The largest {@code learning rate × mean row sum} of non-negative features used as loaded: Cora (0.18) and
     * CiteSeer (0.32) train well at 0.01; Coauthor Physics (0.56) spikes 3.5×, Coauthor CS (0.95) 20×.
     */
    public static final double MAX_FIRST_STEP = 0.5;

    public FeatureChoice {
        Objects.requireNonNull(use, "use is null");
        Objects.requireNonNull(reason, "reason is null");
        validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
    }

    /** A choice made without validation. */
    public static FeatureChoice of(Provenance.Features use, String reason) {
        return new FeatureChoice(use, reason, Map.of());
    }

    /**
     * The uses worth trying for features with these statistics at this learning rate, most preferred first, and
     * why: one when the statistics decide, else the candidates for validation.
     */
    public record Candidates(List<Provenance.Features> uses, String reason) {
        public Candidates {
            uses = List.copyOf(uses);
            if (uses.isEmpty()) {
                throw new IllegalArgumentException("no candidates");
            }
        }
    }

    public static Candidates candidates(FeatureStatistics stats, double learningRate) {
        if (stats.identity()) {
            return new Candidates(List.of(Provenance.Features.NONE), "the graph has no features: X = I");
        }
        if (!stats.nonNegative()) {
            return new Candidates(
                    List.of(Provenance.Features.AS_LOADED),
                    String.format(
                            Locale.ROOT, "signed values, min %.3g: not a bag-of-words scale to correct", stats.min()));
        }
        double step = learningRate * stats.meanRowSum();
        if (step <= MAX_FIRST_STEP) {
            return new Candidates(
                    List.of(Provenance.Features.AS_LOADED),
                    String.format(
                            Locale.ROOT,
                            "mean row sum %.1f: a first Adam step moves a first-layer pre-activation by at most"
                                    + " lr × %.1f = %.2f, safe up to %.1f",
                            stats.meanRowSum(),
                            stats.meanRowSum(),
                            step,
                            MAX_FIRST_STEP));
        }
        return new Candidates(
                List.of(Provenance.Features.ROW_NORMALIZED, Provenance.Features.NONE),
                String.format(
                        Locale.ROOT,
                        "mean row sum %.1f of non-negative features: a first Adam step would move a first-layer"
                                + " pre-activation by up to lr × %.1f = %.2f (> %.1f), which collapses training (loss spike,"
                                + " dead ReLUs), so row-normalised or none, whichever validates better",
                        stats.meanRowSum(),
                        stats.meanRowSum(),
                        step,
                        MAX_FIRST_STEP));
    }

    /**
     * The choice for {@code stats}: the statistics' one candidate, or the candidate with the best
     * {@code validationAuc} (ties and NaN go to the earlier candidate, which keeps the features).
     */
    public static FeatureChoice choose(
            FeatureStatistics stats, double learningRate, ToDoubleFunction<Provenance.Features> validationAuc) {
        Candidates c = candidates(stats, learningRate);
        if (c.uses().size() == 1) {
            return of(c.uses().get(0), c.reason());
        }
        Map<Provenance.Features, Double> scores = new LinkedHashMap<>();
        Provenance.Features best = null;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (Provenance.Features use : c.uses()) {
            double auc = validationAuc.applyAsDouble(use);
            scores.put(use, auc);
            if (best == null || auc > bestAuc) {
                best = use;
                bestAuc = Double.isNaN(auc) ? Double.NEGATIVE_INFINITY : auc;
            }
        }
        StringBuilder tried = new StringBuilder();
        scores.forEach((use, auc) -> tried.append(tried.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.4f", use.key(), auc)));
        return new FeatureChoice(best, c.reason() + "; validation AUC " + tried + " -> " + best.key(), scores);
    }

    /** The mode the user asked for; {@link FeatureMode#AUTO} decides with {@link #choose}. */
    public static FeatureChoice resolve(
            FeatureMode mode,
            FeatureStatistics stats,
            double learningRate,
            ToDoubleFunction<Provenance.Features> validationAuc) {
        return mode.fixed()
                .map(use -> of(use, "as asked: --features " + mode.key()))
                .orElseGet(() -> choose(stats, learningRate, validationAuc));
    }
}
