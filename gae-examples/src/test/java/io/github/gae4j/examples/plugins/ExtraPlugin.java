// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.plugins;

import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.OptimizerFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;

/**
 * A third-party plugin in a test source set: a loss ({@code bpr}) and an optimiser ({@code rmsprop}), found through
 * {@code META-INF/services/io.github.gae4j.core.spi.GaePlugin} like any jar's and selected by name from a model
 * description. Nothing outside this package knows them.
 */
public final class ExtraPlugin implements GaePlugin {

    static final double DEFAULT_MARGIN = 0.0;
    static final double DEFAULT_ALPHA = 0.99;
    static final double DEFAULT_EPSILON = 1e-8;

    @Override
    public String name() {
        return "example-extras";
    }

    @Override
    public String spiVersion() {
        return GaeSpi.VERSION;
    }

    @Override
    public List<LossFactory> losses() {
        return List.of(SimpleFactory.loss(
                "bpr",
                "Bayesian personalised ranking: each training edge above a sampled" + " non-edge of its source",
                List.of(Parameter.of("margin", DEFAULT_MARGIN, "added to each non-edge's logit, >= 0")),
                (config, context) -> new BprLoss(config.getDouble("margin", DEFAULT_MARGIN, 0, 100))));
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(SimpleFactory.optimizer(
                "rmsprop",
                "RMSprop (PyTorch's, without momentum)",
                List.of(
                        Parameter.of("alpha", DEFAULT_ALPHA, "decay of the squared-gradient average, in [0, 1)"),
                        Parameter.of("epsilon", DEFAULT_EPSILON, "added to the denominator, > 0")),
                (config, context) -> new RmsProp(
                        config.getDouble("alpha", DEFAULT_ALPHA, 0, 0.999999),
                        config.getDouble("epsilon", DEFAULT_EPSILON, 1e-300, 1))));
    }
}
