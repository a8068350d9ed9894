package io.github.gae4j.runtime.inject;

import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.OptimizerFactory;
import io.github.gae4j.core.spi.SamplerFactory;
import jakarta.inject.Inject;
import java.util.Map;

/** A {@link FactoryLookup} over the Guice-bound factory maps (PolyBind-style selection by name). */
public final class BoundFactories implements FactoryLookup {

    private final Map<ComponentKind<?>, Map<String, ? extends ComponentFactory<?>>> maps;

    @Inject
    public BoundFactories(Map<String, EncoderFactory> encoders, Map<String, SamplerFactory> samplers,
                          Map<String, DecoderFactory> decoders, Map<String, LossFactory> losses,
                          Map<String, DatasetLoaderFactory> datasets, Map<String, CorruptionFactory> corruptions,
                          Map<String, OptimizerFactory> optimizers) {
        this.maps = Map.of(ComponentKind.ENCODER, encoders, ComponentKind.SAMPLER, samplers,
                ComponentKind.DECODER, decoders, ComponentKind.LOSS, losses, ComponentKind.DATASET, datasets,
                ComponentKind.CORRUPTION, corruptions, ComponentKind.OPTIMIZER, optimizers);
    }

    @Override
    public <F extends ComponentFactory<?>> F factory(ComponentKind<F> kind, String name) {
        Map<String, ? extends ComponentFactory<?>> map = maps.get(kind);
        ComponentFactory<?> f = map.get(name);
        if (f == null) {
            throw PluginRegistry.unknown(kind, name, map.keySet());
        }
        return kind.factoryType().cast(f);
    }
}
