// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;

/**
 * {@code gae train}'s default model when {@code --features auto} ends without features and the user chose no
 * model: GAE with negative sampling, latent 32, learning rate 0.02, 600 epochs.
 *
 * <p>Why: without features the reference recipe (full-graph weighted BCE, latent 16, lr 0.01, 200 epochs) is
 * still improving at epoch 200 and trails truncated Katz on amazon-computers, coauthor-physics and CA-CondMat;
 * this recipe passes it on all three and gains on PubMed (0.822 to 0.852) and coauthor-cs (0.951 to 0.959), at
 * less cost per run (seed 0; README, "Baselines beside every score"). Graphs whose features are used keep the
 * reference recipe, and so does any run that names a model, a loss, an option or a training setting.
 */
public final class FeaturelessRecipe {

    static final int LATENT = 32;
    static final double LEARNING_RATE = 0.02;
    static final int EPOCHS = 600;

    private FeaturelessRecipe() {}

    /** Whether the recipe replaces the reference one: features chosen by {@code auto} as none, no model chosen. */
    public static boolean applies(FeatureMode asked, FeatureChoice choice, boolean modelChosen) {
        return asked == FeatureMode.AUTO && choice.use() == Provenance.Features.NONE && !modelChosen;
    }

    /** The recipe, with everything else (seed, validation, threads' independence) as in {@code reference}. */
    public static ModelDescription of(ModelDescription reference) {
        return new ModelDescription(
                spec(),
                reference.training().toBuilder()
                        .learningRate(LEARNING_RATE)
                        .epochs(EPOCHS)
                        .build());
    }

    /** The recipe's model: the reference GAE with negative sampling and a latent width of 32. */
    public static ModelSpec spec() {
        return ModelSpec.gae().withNegativeSampling().withEncoder("gcn", "latent", LATENT);
    }

    /** The line {@code gae train} prints when the recipe is used. */
    public static String note() {
        return "model: gae with negative sampling, latent " + LATENT + ", lr " + LEARNING_RATE + ", " + EPOCHS
                + " epochs (the default without features: it beats the full-graph recipe there; --model gae keeps"
                + " the reference recipe)";
    }
}
