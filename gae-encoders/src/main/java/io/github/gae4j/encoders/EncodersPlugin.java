// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.encoders.corruption.EdgeDropoutFactory;
import io.github.gae4j.encoders.corruption.FeatureMaskFactory;
import io.github.gae4j.encoders.corruption.FeatureNoiseFactory;
import io.github.gae4j.encoders.corruption.PathMaskFactory;
import io.github.gae4j.encoders.gat.GatEncoderFactory;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import io.github.gae4j.encoders.gin.GinEncoderFactory;
import io.github.gae4j.encoders.linear.LinearEncoderFactory;
import io.github.gae4j.encoders.linear.VariationalLinearEncoderFactory;
import io.github.gae4j.encoders.sampler.SamplerFactories;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoderFactory;
import java.util.List;

/**
 * Encoders {@code gcn}, {@code vgae}, {@code linear}, {@code linear-vgae}, {@code gat}, {@code gin}; samplers {@code gaussian},
 * {@code identity}; corruptions {@code edge-dropout}, {@code path-mask}, {@code feature-mask},
 * {@code feature-noise}.
 */
public final class EncodersPlugin implements GaePlugin {

    @Override
    public String name() {
        return "gae-encoders";
    }

    @Override
    public String spiVersion() {
        return GaeSpi.VERSION;
    }

    @Override
    public List<EncoderFactory> encoders() {
        return List.of(
                new GcnEncoderFactory(),
                new VariationalGcnEncoderFactory(),
                new LinearEncoderFactory(),
                new VariationalLinearEncoderFactory(),
                new GatEncoderFactory(),
                new GinEncoderFactory());
    }

    @Override
    public List<SamplerFactory> samplers() {
        return List.of(SamplerFactories.gaussian(), SamplerFactories.identity());
    }

    @Override
    public List<CorruptionFactory> corruptions() {
        return List.of(
                new EdgeDropoutFactory(), new PathMaskFactory(), new FeatureMaskFactory(), new FeatureNoiseFactory());
    }
}
