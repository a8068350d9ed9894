// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Elu;
import io.github.gae4j.core.autodiff.functions.PRelu;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;
import java.util.Objects;

/** The activation of a graph encoder's layers (option {@code activation} of {@code gcn}, {@code vgae} and {@code gat}). */
public enum Activation {
    /** ReLU. */
    RELU,
    /** ELU with α = 1 (GAT's and MaskGAE's). */
    ELU,
    /** PReLU with one learnable slope per layer, starting at 0.25 (PyTorch's {@code nn.PReLU()}, GraphMAE's). */
    PRELU;

    /** The option text, e.g. {@code elu}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The learnable parameter one layer's activation needs, named {@code name}: PReLU's 1 × 1 slope (0.25);
     * null for ReLU and ELU, which have none (so their models keep the same weights as before PReLU existed).
     */
    public Weights parameter(String name) {
        return this == PRELU ? new Weights(name, Matrix.wrapRowMajor(1, 1, new double[] {0.25})) : null;
    }

    /**
     * This activation of {@code x}.
     *
     * @param parameter what {@link #parameter} gave this layer
     */
    public Variable apply(Variable x, Weights parameter) {
        return switch (this) {
            case RELU -> Relu.of(x);
            case ELU -> Elu.of(x);
            case PRELU -> PRelu.of(x, Objects.requireNonNull(parameter, "PReLU needs its slope"));
        };
    }
}
