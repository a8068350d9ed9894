// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import java.util.List;

/**
 * One per jar, listed in {@code META-INF/services/io.github.gae4j.core.spi.GaePlugin}. It hands
 * out factories; every method but {@link #name()} has a default so that new component kinds never
 * break old plugins.
 */
public interface GaePlugin {

    /** A stable, unique plugin name, e.g. {@code gae-encoders}. */
    String name();

    /** Return {@code GaeSpi.VERSION}: javac inlines it, so this is the version the plugin was built against. */
    String spiVersion();

    default List<EncoderFactory> encoders() {
        return List.of();
    }

    default List<SamplerFactory> samplers() {
        return List.of();
    }

    default List<DecoderFactory> decoders() {
        return List.of();
    }

    default List<LossFactory> losses() {
        return List.of();
    }

    default List<DatasetLoaderFactory> datasetLoaders() {
        return List.of();
    }

    default List<CorruptionFactory> corruptions() {
        return List.of();
    }

    /** Optimisers, chosen by name in the training settings. */
    default List<OptimizerFactory> optimizers() {
        return List.of();
    }
}
