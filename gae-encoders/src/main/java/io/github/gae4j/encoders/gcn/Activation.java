package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.Elu;
import io.github.gae4j.core.autodiff.functions.Relu;
import java.util.Locale;

/** The activation of a graph encoder's layers (option {@code activation} of {@code gcn}, {@code vgae} and {@code gat}). */
public enum Activation {
    /** ReLU. */
    RELU,
    /** ELU with α = 1 (GAT's and MaskGAE's). */
    ELU;

    /** The option text, e.g. {@code elu}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Variable apply(Variable x) {
        return switch (this) {
            case RELU -> Relu.of(x);
            case ELU -> Elu.of(x);
        };
    }
}
