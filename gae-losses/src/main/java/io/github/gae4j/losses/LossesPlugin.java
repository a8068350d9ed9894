// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import io.github.gae4j.losses.adversarial.AdversarialLoss;
import io.github.gae4j.losses.kl.KlLoss;
import io.github.gae4j.losses.masked.FeatureSceLossFactory;
import io.github.gae4j.losses.masked.MaskedEdgeBceLossFactory;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
import io.github.gae4j.losses.reconstruction.NegativeSamplingBceLoss;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Losses {@code weighted-bce} (full graph), {@code negative-sampling-bce}, {@code kl} and
 * {@code adversarial} (the ARGA/ARVGA regulariser, which trains its own discriminator).
 */
public final class LossesPlugin implements GaePlugin {

    @Override
    public String name() {
        return "gae-losses";
    }

    @Override
    public String spiVersion() {
        return GaeSpi.VERSION;
    }

    static final boolean DEFAULT_FUSED = true;
    static final boolean DEFAULT_SELF_LOOPS_IN_WEIGHTS = true;
    static final double DEFAULT_RATIO = 1.0;
    static final String DEFAULT_ADVERSARIAL_HIDDEN = "64,32";
    static final double DEFAULT_ADVERSARIAL_LEARNING_RATE = 0.001;
    static final int DEFAULT_ADVERSARIAL_STEPS = 1;
    static final int DEFAULT_ADVERSARIAL_PERIOD = 1;
    static final double DEFAULT_ADVERSARIAL_INIT_STD = 0.0;

    @Override
    public List<LossFactory> losses() {
        return List.of(
                SimpleFactory.loss(
                        "weighted-bce",
                        "Full-graph weighted BCE over A_train + I with pos_weight and norm (Kipf & Welling)",
                        List.of(
                                Parameter.of(
                                        "fused",
                                        DEFAULT_FUSED,
                                        "use the fused full-graph kernel (false: materialise the N×N logits)"),
                                Parameter.of(
                                        "self-loops-in-weights",
                                        DEFAULT_SELF_LOOPS_IN_WEIGHTS,
                                        "count nnz(A_train + I) for pos_weight and norm (false: nnz(A_train), as"
                                                + " the TensorFlow code)")),
                        (c, ctx) -> new FullGraphBceLoss(
                                c.getBoolean("fused", DEFAULT_FUSED),
                                c.getBoolean("self-loops-in-weights", DEFAULT_SELF_LOOPS_IN_WEIGHTS))),
                SimpleFactory.loss(
                        "negative-sampling-bce",
                        "BCE on training edges plus fresh uniform non-edges every epoch",
                        List.of(Parameter.of("ratio", DEFAULT_RATIO, "non-edges drawn per training edge")),
                        (c, ctx) -> new NegativeSamplingBceLoss(c.getDouble("ratio", DEFAULT_RATIO, 1e-6, 1e6))),
                SimpleFactory.loss(
                        "kl",
                        "VGAE KL term; beta defaults to 1/N as in the reference",
                        List.of(Parameter.withoutDefault(
                                "beta", "weight of the KL term, >= 0; 1/N (the reference)" + " when absent")),
                        (c, ctx) -> new KlLoss(
                                c.has("beta")
                                        ? OptionalDouble.of(c.getDouble("beta", 0.0, 0.0, Double.MAX_VALUE))
                                        : OptionalDouble.empty())),
                SimpleFactory.loss(
                        "adversarial",
                        "ARGA/ARVGA adversarial regulariser: trains its own discriminator (prior N(0, I)) each pass and"
                                + " returns the generator term",
                        List.of(
                                Parameter.of(
                                        "hidden",
                                        DEFAULT_ADVERSARIAL_HIDDEN,
                                        "discriminator hidden widths; empty for a linear discriminator"),
                                Parameter.of(
                                        "learning-rate",
                                        DEFAULT_ADVERSARIAL_LEARNING_RATE,
                                        "the discriminator's Adam learning rate"),
                                Parameter.of(
                                        "steps",
                                        DEFAULT_ADVERSARIAL_STEPS,
                                        "discriminator steps per adversarial pass, >= 0"),
                                Parameter.of(
                                        "period", DEFAULT_ADVERSARIAL_PERIOD, "adversarial every this many passes"),
                                Parameter.of(
                                        "init-std",
                                        DEFAULT_ADVERSARIAL_INIT_STD,
                                        "std of the normal initial discriminator weights; 0 for Glorot-uniform")),
                        LossesPlugin::adversarial),
                new MaskedEdgeBceLossFactory(),
                new FeatureSceLossFactory());
    }

    /**
     * Defaults are the reference code's (TrustAGI-Lab/ARGA) discriminator: hidden 64,32, learning rate 0.001, one
     * step; period 1 (adversarial every pass) and Glorot-uniform init (the reference: normal, std 0.01).
     */
    private static Loss adversarial(ComponentConfig c, CreationContext ctx) {
        int steps = c.getInt("steps", DEFAULT_ADVERSARIAL_STEPS);
        if (steps < 0) {
            throw new ConfigException(String.format(
                    Locale.ROOT, "Option 'steps' of loss 'adversarial' must be an integer >= 0, got '%d'", steps));
        }
        int[] hidden = c.describedAs("loss 'adversarial'")
                .getWidths("hidden", DEFAULT_ADVERSARIAL_HIDDEN, "a linear discriminator");
        return new AdversarialLoss(
                hidden,
                c.getDouble("learning-rate", DEFAULT_ADVERSARIAL_LEARNING_RATE, 1e-9, 10.0),
                steps,
                c.getPositiveInt("period", DEFAULT_ADVERSARIAL_PERIOD),
                c.getDouble("init-std", DEFAULT_ADVERSARIAL_INIT_STD, 0.0, 10.0),
                ctx.random());
    }
}
