// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.util.Locale;
import java.util.Objects;

/**
 * One candidate of a search: how the features are fed (a dataset option, so not part of the model file), GAE or
 * VGAE, the full-graph weighted BCE or the negative-sampling loss, learning rate, latent width, and at most how
 * many epochs with how much patience (early stopping on validation AUC).
 *
 * @param epochs   the most epochs the trial may train
 * @param patience stop after this many epochs without a better validation AUC (0 = never)
 */
public record Recipe(
        Provenance.Features features,
        Model model,
        Loss loss,
        double learningRate,
        int latent,
        int epochs,
        int patience) {

    /** The encoders' default latent width (Kipf &amp; Welling's 16). */
    public static final int DEFAULT_LATENT = 16;

    /** GAE or VGAE, Kipf &amp; Welling's presets (hidden 32). */
    public enum Model {
        GAE("gae"),
        VGAE("vgae");

        private final String key;

        Model(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The reconstruction term: over all N² pairs (weighted BCE), or the edges and as many fresh non-edges. */
    public enum Loss {
        FULL("weighted-bce"),
        NEGATIVE_SAMPLING("negative-sampling-bce");

        private final String pluginName;

        Loss(String pluginName) {
            this.pluginName = pluginName;
        }

        /** The loss plugin's name, as {@code gae plugins} lists it. */
        public String pluginName() {
            return pluginName;
        }
    }

    public Recipe {
        Objects.requireNonNull(features, "features is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(loss, "loss is null");
        if (!(learningRate > 0) || !Double.isFinite(learningRate) || latent < 1 || epochs < 1 || patience < 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Bad recipe: learning rate %s, latent %d, epochs %d, patience %d",
                    learningRate,
                    latent,
                    epochs,
                    patience));
        }
    }

    /** The same recipe with another learning rate and latent width. */
    public Recipe with(double newLearningRate, int newLatent) {
        return new Recipe(features, model, loss, newLearningRate, newLatent, epochs, patience);
    }

    /** The same recipe trained for at most {@code newEpochs} epochs with {@code newPatience}. */
    public Recipe withEpochs(int newEpochs, int newPatience) {
        return new Recipe(features, model, loss, learningRate, latent, newEpochs, newPatience);
    }

    /**
     * What {@code gae train --model-file} reads: the preset, negative sampling if chosen, the latent width (only
     * when not the default, so a default recipe is the plain preset), and the training settings with {@code seed}.
     */
    public ModelDescription description(long seed) {
        ModelSpec spec = model == Model.GAE ? ModelSpec.gae() : ModelSpec.vgae();
        if (loss == Loss.NEGATIVE_SAMPLING) {
            spec = spec.withNegativeSampling();
        }
        if (latent != DEFAULT_LATENT) {
            spec = spec.withEncoder(ComponentSpec.of(spec.encoder().name(), "latent", latent));
        }
        TrainerConfig training = TrainerConfig.builder()
                .epochs(epochs)
                .learningRate(learningRate)
                .seed(seed)
                .patience(patience)
                .restoreBest(true)
                .logEvery(epochs)
                .build();
        return new ModelDescription(spec, training);
    }

    /**
     * A deterministic proxy for the cost of an epoch: the node pairs the loss scores, all n(n + 1)/2 for the
     * full-graph loss, the training edges and as many non-edges for negative sampling.
     */
    public double pairsPerEpoch(int nodes, int trainEdges) {
        return loss == Loss.FULL ? nodes * (nodes + 1.0) / 2 : 2.0 * trainEdges;
    }

    /** A short name for tables: {@code none gae neg-sampling lr=0.01 d=16}. */
    public String label() {
        return String.format(
                Locale.ROOT,
                "%s %s %s lr=%s d=%d",
                features.key(),
                model.key(),
                loss == Loss.FULL ? "full" : "neg-sampling",
                number(learningRate),
                latent);
    }

    /** The {@code gae train} flag that feeds the features this way ("" for as loaded). */
    public String featureFlag() {
        return switch (features) {
            case NONE -> "--no-features";
            case ROW_NORMALIZED -> "--normalize-features";
            case AS_LOADED -> "";
        };
    }

    static String number(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
