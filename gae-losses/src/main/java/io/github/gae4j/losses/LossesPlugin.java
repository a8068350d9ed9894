package io.github.gae4j.losses;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ConfigException;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.losses.adversarial.AdversarialLoss;
import io.github.gae4j.losses.kl.KlLoss;
import io.github.gae4j.losses.masked.FeatureSceLossFactory;
import io.github.gae4j.losses.masked.MaskedEdgeBceLossFactory;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
import io.github.gae4j.losses.reconstruction.NegativeSamplingBceLoss;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;

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

    @Override
    public List<LossFactory> losses() {
        return List.of(
                new Factory("weighted-bce", Set.of("fused", "self-loops-in-weights"),
                        "Full-graph weighted BCE over A_train + I with pos_weight and norm (Kipf & Welling)",
                        (c, ctx) -> new FullGraphBceLoss(c.getBoolean("fused", true),
                                c.getBoolean("self-loops-in-weights", true))),
                new Factory("negative-sampling-bce", Set.of("ratio"),
                        "BCE on training edges plus fresh uniform non-edges every epoch",
                        (c, ctx) -> new NegativeSamplingBceLoss(c.getDouble("ratio", 1.0, 1e-6, 1e6))),
                new Factory("kl", Set.of("beta"),
                        "VGAE KL term; beta defaults to 1/N as in the reference",
                        (c, ctx) -> new KlLoss(c.has("beta")
                                ? OptionalDouble.of(c.getDouble("beta", 0.0, 0.0, Double.MAX_VALUE))
                                : OptionalDouble.empty())),
                new Factory("adversarial", Set.of("hidden", "learning-rate", "steps", "period", "init-std"),
                        "ARGA/ARVGA adversarial regulariser: trains its own discriminator (prior N(0, I)) each pass and"
                                + " returns the generator term",
                        LossesPlugin::adversarial),
                new MaskedEdgeBceLossFactory(),
                new FeatureSceLossFactory());
    }

    /**
     * Defaults are the reference code's (TrustAGI-Lab/ARGA) discriminator: hidden 64,32, learning rate 0.001, one
     * step; period 1 (adversarial every pass) and Glorot-uniform init (the reference: normal, std 0.01).
     */
    private static Loss adversarial(ComponentConfig c, CreationContext ctx) {
        int steps = c.getInt("steps", 1);
        if (steps < 0) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "Option 'steps' of loss 'adversarial' must be an integer >= 0, got '%d'", steps));
        }
        return new AdversarialLoss(hiddenSizes(c.getString("hidden", "64,32")),
                c.getDouble("learning-rate", 0.001, 1e-9, 10.0), steps, c.getPositiveInt("period", 1),
                c.getDouble("init-std", 0.0, 0.0, 10.0), ctx.random());
    }

    /** Comma-separated positive layer sizes, e.g. {@code 64,32}; empty for a linear discriminator. */
    static int[] hiddenSizes(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split(",");
        int[] sizes = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                sizes[k] = Integer.parseInt(parts[k].trim());
            } catch (NumberFormatException e) {
                sizes[k] = 0;
            }
            if (sizes[k] < 1) {
                throw new ConfigException(String.format(Locale.ROOT,
                        "Option 'hidden' of loss 'adversarial' must be comma-separated positive integers such as"
                                + " '64,32' (or empty for none), got '%s'", value));
            }
        }
        return sizes;
    }

    private record Factory(String name, Set<String> parameterNames, String description,
                           BiFunction<ComponentConfig, CreationContext, Loss> creator) implements LossFactory {
        @Override
        public Loss create(ComponentConfig config, CreationContext context) {
            return creator.apply(config, context);
        }
    }
}
