// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.OptimizerFactory;
import io.github.gae4j.runtime.optim.OptimizersPlugin;
import org.junit.jupiter.api.Nested;

/** The runtime's built-in optimisers pass the optimiser contract, and their plugin the plugin contract. */
final class BuiltInOptimizersContractTest {

    private static OptimizerFactory builtIn(String name) {
        return new OptimizersPlugin()
                .optimizers().stream()
                        .filter(f -> f.name().equals(name))
                        .findFirst()
                        .orElseThrow();
    }

    @Nested
    final class Plugin implements PluginContract {
        @Override
        public GaePlugin plugin() {
            return new OptimizersPlugin();
        }
    }

    @Nested
    final class Adam implements OptimizerContract {
        @Override
        public OptimizerFactory factory() {
            return builtIn("adam");
        }
    }

    @Nested
    final class AdamWithL2 implements OptimizerContract {
        @Override
        public OptimizerFactory factory() {
            return builtIn("adam");
        }

        @Override
        public ComponentConfig config() {
            return ComponentConfig.of("weight-decay", 0.01, "beta1", 0.8);
        }
    }

    @Nested
    final class AdamW implements OptimizerContract {
        @Override
        public OptimizerFactory factory() {
            return builtIn("adamw");
        }
    }

    @Nested
    final class Sgd implements OptimizerContract {
        @Override
        public OptimizerFactory factory() {
            return builtIn("sgd");
        }
    }

    @Nested
    final class SgdWithMomentum implements OptimizerContract {
        @Override
        public OptimizerFactory factory() {
            return builtIn("sgd");
        }

        @Override
        public ComponentConfig config() {
            return ComponentConfig.of("momentum", 0.9, "dampening", 0.1, "weight-decay", 0.001);
        }
    }

    @Nested
    final class SgdWithNesterovMomentum implements OptimizerContract {
        @Override
        public OptimizerFactory factory() {
            return builtIn("sgd");
        }

        @Override
        public ComponentConfig config() {
            return ComponentConfig.of("momentum", 0.9, "nesterov", true);
        }
    }
}
