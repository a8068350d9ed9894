// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.plugin;

import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.OptimizerFactory;
import io.github.gae4j.core.spi.SamplerFactory;
import java.util.List;
import java.util.function.Function;

/**
 * A kind of component a plugin can contribute. One instance per kind; the registry and the
 * listings ({@code gae plugins}) iterate {@link #ALL} instead of special-casing kinds, and the Guice
 * wiring binds the registry itself, so a new kind is its constant here, listed in {@link #ALL}
 * (beside its factory type and {@code GaePlugin} method in the SPI), and nothing else.
 *
 * @param <F> the factory type
 */
public final class ComponentKind<F extends ComponentFactory<?>> {

    public static final ComponentKind<EncoderFactory> ENCODER =
            new ComponentKind<>("encoder", EncoderFactory.class, GaePlugin::encoders);
    public static final ComponentKind<SamplerFactory> SAMPLER =
            new ComponentKind<>("sampler", SamplerFactory.class, GaePlugin::samplers);
    public static final ComponentKind<DecoderFactory> DECODER =
            new ComponentKind<>("decoder", DecoderFactory.class, GaePlugin::decoders);
    public static final ComponentKind<LossFactory> LOSS =
            new ComponentKind<>("loss", LossFactory.class, GaePlugin::losses);
    public static final ComponentKind<DatasetLoaderFactory> DATASET =
            new ComponentKind<>("dataset loader", DatasetLoaderFactory.class, GaePlugin::datasetLoaders);

    public static final ComponentKind<CorruptionFactory> CORRUPTION =
            new ComponentKind<>("corruption", CorruptionFactory.class, GaePlugin::corruptions);

    public static final ComponentKind<OptimizerFactory> OPTIMIZER =
            new ComponentKind<>("optimizer", OptimizerFactory.class, GaePlugin::optimizers);

    public static final List<ComponentKind<?>> ALL =
            List.of(ENCODER, SAMPLER, DECODER, LOSS, DATASET, CORRUPTION, OPTIMIZER);

    private final String label;
    private final Class<F> factoryType;
    private final Function<GaePlugin, List<F>> extractor;

    private ComponentKind(String label, Class<F> factoryType, Function<GaePlugin, List<F>> extractor) {
        this.label = label;
        this.factoryType = factoryType;
        this.extractor = extractor;
    }

    /** Singular label for messages, e.g. {@code encoder}. */
    public String label() {
        return label;
    }

    /** Plural label for messages, e.g. {@code encoders}, {@code losses}. */
    public String pluralLabel() {
        return label.endsWith("s") ? label + "es" : label + "s";
    }

    public Class<F> factoryType() {
        return factoryType;
    }

    /** The factories of this kind that {@code plugin} contributes (never null). */
    public List<F> factoriesOf(GaePlugin plugin) {
        List<F> list = extractor.apply(plugin);
        return list == null ? List.of() : list;
    }

    @Override
    public String toString() {
        return label;
    }
}
