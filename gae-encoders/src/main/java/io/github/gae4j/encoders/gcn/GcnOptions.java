// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The layer options of the GCN encoders {@code gcn} and {@code vgae}. {@link #defaults()} is Kipf
 * &amp; Welling's encoder: one hidden layer of 32, ReLU, no dropout, no normalisation, no residual
 * connection, no bias.
 *
 * @param hidden   the widths of the hidden layers, first to last (option {@code hidden}: {@code 32} or
 *                 {@code 64,32}; empty for none, so that the output layer reads X, as in MaskGAE's
 *                 one-layer encoder)
 * @param dropout  inverted-dropout rate on the input of every layer, in training passes only
 *                 (option {@code dropout}, in [0, 1))
 * @param norm     normalisation of the hidden layers, before their activation (option {@code norm})
 * @param residual whether a hidden layer whose input is a hidden layer of its own width adds that input
 *                 to its output (option {@code residual}; X is never added)
 * @param bias     whether every layer adds a bias after propagation (option {@code bias})
 * @param activation the activation of the hidden layers (option {@code activation}: {@code relu} or {@code elu})
 * @param activateOutput whether the output layer is normalised and activated as a hidden layer is (option
 *                 {@code activate-output} of {@code gcn} only: MaskGAE's encoder ends in norm and ELU; a
 *                 variational encoder's μ and log σ never are)
 */
public record GcnOptions(
        List<Integer> hidden,
        double dropout,
        Norm norm,
        boolean residual,
        boolean bias,
        Activation activation,
        boolean activateOutput) {

    /** The options every GCN encoder reads through {@link #from}; {@code activate-output} is read by {@code gcn} only. */
    public static final Set<String> OPTION_NAMES =
            Set.of("hidden", "dropout", "norm", "residual", "bias", "activation");

    /** The {@code gcn} encoder's extra option. */
    public static final String ACTIVATE_OUTPUT = "activate-output";

    public static final int DEFAULT_HIDDEN = 32;

    /** Normalisation of the hidden layers. */
    public enum Norm {
        /** None (the default). */
        NONE,
        /** {@link io.github.gae4j.core.autodiff.functions.BatchNorm}: per column over the nodes, learnable gain and shift. */
        BATCH,
        /** {@link io.github.gae4j.core.autodiff.functions.LayerNorm}: per node, learnable gain and shift. */
        LAYER;

        /** The option value: {@code none}, {@code batch} or {@code layer}. */
        public String optionValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GcnOptions {
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden is null"));
        if (hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("Hidden sizes must be positive, got " + hidden);
        }
        Dropout.requireRate(dropout);
        Objects.requireNonNull(norm, "norm is null");
        Objects.requireNonNull(activation, "activation is null");
    }

    /** ReLU hidden layers and a plain output layer. */
    public GcnOptions(List<Integer> hidden, double dropout, Norm norm, boolean residual, boolean bias) {
        this(hidden, dropout, norm, residual, bias, Activation.RELU, false);
    }

    /** One hidden layer of 32, ReLU, no dropout, no normalisation, no residual connection, no bias. */
    public static GcnOptions defaults() {
        return new GcnOptions(List.of(DEFAULT_HIDDEN), 0.0, Norm.NONE, false, false);
    }

    public GcnOptions withHidden(int... sizes) {
        return new GcnOptions(
                Arrays.stream(sizes).boxed().toList(), dropout, norm, residual, bias, activation, activateOutput);
    }

    public GcnOptions withDropout(double rate) {
        return new GcnOptions(hidden, rate, norm, residual, bias, activation, activateOutput);
    }

    public GcnOptions withNorm(Norm kind) {
        return new GcnOptions(hidden, dropout, kind, residual, bias, activation, activateOutput);
    }

    public GcnOptions withResidual(boolean on) {
        return new GcnOptions(hidden, dropout, norm, on, bias, activation, activateOutput);
    }

    public GcnOptions withBias(boolean on) {
        return new GcnOptions(hidden, dropout, norm, residual, on, activation, activateOutput);
    }

    public GcnOptions withActivation(Activation kind) {
        return new GcnOptions(hidden, dropout, norm, residual, bias, kind, activateOutput);
    }

    public GcnOptions withActivateOutput(boolean on) {
        return new GcnOptions(hidden, dropout, norm, residual, bias, activation, on);
    }

    /** Whether some hidden layer gets a residual connection (a hidden input of its own width). */
    public boolean hasResidualLayer() {
        if (!residual) {
            return false;
        }
        for (int l = 1; l < hidden.size(); l++) {
            if (hidden.get(l).equals(hidden.get(l - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@link #OPTION_NAMES} from {@code config}, each defaulting as in {@link #defaults()}, with the output
     * layer not activated: {@code gcn}, which declares {@link #ACTIVATE_OUTPUT}, reads that itself
     * ({@link #withActivateOutput}). An empty {@code hidden} means no hidden layer.
     *
     * @param component the component for messages, e.g. {@code encoder 'gcn'}
     * @throws ConfigException naming the option and its allowed values
     */
    public static GcnOptions from(ComponentConfig config, String component) {
        boolean noHidden = config.getString("hidden").map(String::isBlank).orElse(false);
        List<Integer> hidden = noHidden
                ? List.of()
                : LayerOptionText.hidden(
                        config, component, DEFAULT_HIDDEN, "one per hidden layer, such as '64,32', or empty for none");
        double dropout = config.describedAs(component).getDropoutRate("dropout");
        Norm norm = LayerOptionText.choice(config, "norm", component, Norm.NONE, Norm::optionValue);
        boolean residual = config.getBoolean("residual", false);
        boolean bias = config.getBoolean("bias", false);
        Activation activation =
                LayerOptionText.choice(config, "activation", component, Activation.RELU, Activation::optionValue);
        // activate-output is left to gcn, the one encoder that declares it: reading it here made vgae ask for an
        // option it does not declare (the contract kit's undeclared-option check).
        GcnOptions options = new GcnOptions(hidden, dropout, norm, residual, bias, activation, false);
        if (residual && !options.hasResidualLayer()) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Option 'residual' of %s needs two consecutive hidden layers of equal width (such as hidden"
                            + " '32,32'), but hidden is '%s': no layer would get a residual connection",
                    component,
                    LayerOptionText.join(hidden)));
        }
        return options;
    }
}
