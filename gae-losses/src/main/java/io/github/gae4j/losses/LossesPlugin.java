package io.github.gae4j.losses;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.losses.kl.KlLoss;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
import io.github.gae4j.losses.reconstruction.NegativeSamplingBceLoss;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;

/** Losses {@code weighted-bce} (full graph), {@code negative-sampling-bce} and {@code kl}. */
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
                                : OptionalDouble.empty())));
    }

    private record Factory(String name, Set<String> parameterNames, String description,
                           BiFunction<ComponentConfig, CreationContext, Loss> creator) implements LossFactory {
        @Override
        public Loss create(ComponentConfig config, CreationContext context) {
            return creator.apply(config, context);
        }
    }
}
