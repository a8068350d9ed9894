// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.optim;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.optim.AdamW;
import io.github.gae4j.core.optim.Sgd;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.OptimizerFactory;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;
import java.util.Locale;

/**
 * The built-in optimisers, registered like any plugin's: {@code adam} (L2 decay added to the gradient, the
 * default), {@code adamw} (decoupled decay) and {@code sgd} (momentum, dampening, Nesterov), each with PyTorch's
 * defaults and option names in kebab-case. The learning rate is the trainer's ({@code --lr}), not an option.
 */
public final class OptimizersPlugin implements GaePlugin {

    /** The optimiser of the default training settings. */
    public static final String DEFAULT = "adam";

    private static final String BETA1 = "beta1";
    private static final String BETA2 = "beta2";
    private static final String EPSILON = "epsilon";
    private static final String WEIGHT_DECAY = "weight-decay";

    @Override
    public String name() {
        return "gae-optimizers";
    }

    @Override
    public String spiVersion() {
        return GaeSpi.VERSION;
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(
                SimpleFactory.optimizer(
                        "adam",
                        "Adam with bias correction; weight decay is L2 added to the gradient" + " (PyTorch's Adam)",
                        adamParameters(0.0, "L2 penalty added to the gradient"),
                        (c, ctx) -> new Adam(
                                Adam.DEFAULT_LEARNING_RATE,
                                beta(c, "adam", BETA1, Adam.DEFAULT_BETA1),
                                beta(c, "adam", BETA2, Adam.DEFAULT_BETA2),
                                epsilon(c, "adam"),
                                nonNegative(c, "adam", WEIGHT_DECAY, 0.0))),
                SimpleFactory.optimizer(
                        "adamw",
                        "Adam with decoupled weight decay (PyTorch's AdamW)",
                        adamParameters(
                                AdamW.DEFAULT_WEIGHT_DECAY,
                                "decoupled decay: each step first multiplies the weights by 1 - lr * weight-decay"),
                        (c, ctx) -> new AdamW(
                                beta(c, "adamw", BETA1, Adam.DEFAULT_BETA1),
                                beta(c, "adamw", BETA2, Adam.DEFAULT_BETA2),
                                epsilon(c, "adamw"),
                                nonNegative(c, "adamw", WEIGHT_DECAY, AdamW.DEFAULT_WEIGHT_DECAY))),
                SimpleFactory.optimizer(
                        "sgd",
                        "Stochastic gradient descent with optional (Nesterov) momentum" + " (PyTorch's SGD)",
                        List.of(
                                Parameter.of("momentum", 0.0, "momentum factor (0 = none)"),
                                Parameter.of("dampening", 0.0, "dampening of the momentum"),
                                Parameter.of("nesterov", false, "Nesterov momentum (needs momentum > 0, no dampening)"),
                                Parameter.of(WEIGHT_DECAY, 0.0, "L2 penalty added to the gradient")),
                        OptimizersPlugin::sgd));
    }

    private static List<Parameter> adamParameters(double weightDecay, String weightDecayHelp) {
        return List.of(
                Parameter.of(BETA1, Adam.DEFAULT_BETA1, "decay of the first-moment estimate, in [0, 1)"),
                Parameter.of(BETA2, Adam.DEFAULT_BETA2, "decay of the second-moment estimate, in [0, 1)"),
                Parameter.of(EPSILON, Adam.DEFAULT_EPSILON, "added to the denominator, > 0"),
                Parameter.of(WEIGHT_DECAY, weightDecay, weightDecayHelp));
    }

    private static Sgd sgd(ComponentConfig c, io.github.gae4j.core.spi.CreationContext ctx) {
        double momentum = nonNegative(c, "sgd", "momentum", 0.0);
        double dampening = nonNegative(c, "sgd", "dampening", 0.0);
        boolean nesterov = c.getBoolean("nesterov", false);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Option 'nesterov' of optimizer 'sgd' needs momentum > 0 and dampening 0, got momentum %s and"
                            + " dampening %s",
                    momentum,
                    dampening));
        }
        return new Sgd(momentum, dampening, nesterov, nonNegative(c, "sgd", WEIGHT_DECAY, 0.0));
    }

    private static double beta(ComponentConfig c, String optimizer, String key, double defaultValue) {
        double v = c.getDouble(key, defaultValue);
        if (!(v >= 0 && v < 1)) {
            throw bad(optimizer, key, "a number in [0, 1)", v);
        }
        return v;
    }

    private static double epsilon(ComponentConfig c, String optimizer) {
        double v = c.getDouble(EPSILON, Adam.DEFAULT_EPSILON);
        if (!(v > 0)) {
            throw bad(optimizer, EPSILON, "a number > 0", v);
        }
        return v;
    }

    private static double nonNegative(ComponentConfig c, String optimizer, String key, double defaultValue) {
        double v = c.getDouble(key, defaultValue);
        if (!(v >= 0)) {
            throw bad(optimizer, key, "a number >= 0", v);
        }
        return v;
    }

    private static ConfigException bad(String optimizer, String key, String expected, double value) {
        return new ConfigException(String.format(
                Locale.ROOT, "Option '%s' of optimizer '%s' must be %s, got '%s'", key, optimizer, expected, value));
    }
}
