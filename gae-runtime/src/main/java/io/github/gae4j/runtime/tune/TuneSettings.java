// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

import io.github.gae4j.runtime.provenance.Provenance;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a search tries and how long it may take. The trial list is a function of these settings and the screening
 * results alone (never of the clock): the budget and {@link #maxTrials} only cut it, so the trials that run are
 * always a prefix of the same list, with the same numbers.
 *
 * @param seed             the split, the initial weights and the training noise of every trial ({@code gae train
 *                         --seed})
 * @param budget           wall-clock time for the whole search; no trial starts that the rest cannot fit
 * @param maxTrials        run at most this many trials (0 = as many as the budget allows): with it the search is
 *                         reproducible whatever the machine's speed
 * @param features         the feature modes to screen, in order
 * @param models           the models to screen, in order
 * @param losses           the reconstruction losses to screen, in order
 * @param screenEpochs     epochs of a screening trial
 * @param screenPatience   patience of a screening trial
 * @param epochs           epochs of a refinement trial (the most; early stopping with {@code patience})
 * @param patience         patience of a refinement trial
 * @param refineTop        how many of the best screened recipes are refined
 * @param learningRates    the learning rates of the refinement, the first also the screening's
 * @param latents          the latent widths of the refinement, the first also the screening's
 */
public record TuneSettings(
        long seed,
        Duration budget,
        int maxTrials,
        List<Provenance.Features> features,
        List<Recipe.Model> models,
        List<Recipe.Loss> losses,
        int screenEpochs,
        int screenPatience,
        int epochs,
        int patience,
        int refineTop,
        List<Double> learningRates,
        List<Integer> latents) {

    public TuneSettings {
        Objects.requireNonNull(budget, "budget is null");
        features = List.copyOf(features);
        models = List.copyOf(models);
        losses = List.copyOf(losses);
        learningRates = List.copyOf(learningRates);
        latents = List.copyOf(latents);
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, got " + budget);
        }
        if (maxTrials < 0 || screenEpochs < 1 || epochs < 1 || screenPatience < 0 || patience < 0 || refineTop < 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Bad tune settings: trials %d, screen epochs %d (patience %d), epochs %d (patience %d), refine"
                            + " top %d",
                    maxTrials,
                    screenEpochs,
                    screenPatience,
                    epochs,
                    patience,
                    refineTop));
        }
        if (features.isEmpty()
                || models.isEmpty()
                || losses.isEmpty()
                || learningRates.isEmpty()
                || latents.isEmpty()) {
            throw new IllegalArgumentException(
                    "Tune settings need at least one feature mode, model, loss, learning" + " rate and latent width");
        }
    }

    /**
     * The default search: features as loaded, row-normalised and none × GAE, VGAE × full-graph, negative-sampling
     * loss, screened for 20 epochs at lr 0.01 and latent 16 (no early stopping: validation AUC often peaks at epoch
     * 1 or 2 from the random embedding's structure, dips, then climbs); the best 2 refined over lr 0.01, 0.005,
     * 0.02 × latent 16, 32 for up to 200 epochs (patience 50: counted from that early peak, a shorter one
     * stops a slower learning rate before it climbs past it).
     */
    public static TuneSettings defaults(long seed, Duration budget) {
        return new TuneSettings(
                seed,
                budget,
                0,
                List.of(Provenance.Features.AS_LOADED, Provenance.Features.ROW_NORMALIZED, Provenance.Features.NONE),
                List.of(Recipe.Model.GAE, Recipe.Model.VGAE),
                List.of(Recipe.Loss.FULL, Recipe.Loss.NEGATIVE_SAMPLING),
                20,
                0,
                200,
                50,
                2,
                List.of(0.01, 0.005, 0.02),
                List.of(Recipe.DEFAULT_LATENT, 32));
    }

    /** The same settings with at most {@code n} trials (0 = no limit). */
    public TuneSettings withMaxTrials(int n) {
        return new TuneSettings(
                seed,
                budget,
                n,
                features,
                models,
                losses,
                screenEpochs,
                screenPatience,
                epochs,
                patience,
                refineTop,
                learningRates,
                latents);
    }

    /** The same settings screening only these feature modes. */
    public TuneSettings withFeatures(List<Provenance.Features> modes) {
        return new TuneSettings(
                seed,
                budget,
                maxTrials,
                modes,
                models,
                losses,
                screenEpochs,
                screenPatience,
                epochs,
                patience,
                refineTop,
                learningRates,
                latents);
    }

    /** The same settings with other trial lengths. */
    public TuneSettings withEpochs(int newScreenEpochs, int newScreenPatience, int newEpochs, int newPatience) {
        return new TuneSettings(
                seed,
                budget,
                maxTrials,
                features,
                models,
                losses,
                newScreenEpochs,
                newScreenPatience,
                newEpochs,
                newPatience,
                refineTop,
                learningRates,
                latents);
    }

    /** The same settings with another refinement grid and breadth. */
    public TuneSettings withRefinement(int top, List<Double> rates, List<Integer> widths) {
        return new TuneSettings(
                seed,
                budget,
                maxTrials,
                features,
                models,
                losses,
                screenEpochs,
                screenPatience,
                epochs,
                patience,
                top,
                rates,
                widths);
    }

    /** The same settings with another budget. */
    public TuneSettings withBudget(Duration newBudget) {
        return new TuneSettings(
                seed,
                newBudget,
                maxTrials,
                features,
                models,
                losses,
                screenEpochs,
                screenPatience,
                epochs,
                patience,
                refineTop,
                learningRates,
                latents);
    }
}
