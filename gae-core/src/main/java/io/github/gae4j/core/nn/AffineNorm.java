// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.nn;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.BatchNorm;
import io.github.gae4j.core.autodiff.functions.LayerNorm;
import io.github.gae4j.core.autodiff.functions.ScaleColumns;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;

/**
 * A normalisation with a learnable gain γ ({@code prefix.gain}, 1 × d, starts at 1) and shift β
 * ({@code prefix.shift}, 1 × d, starts at 0): y = norm(x) ⊙ γ + β, as PyTorch's {@code LayerNorm} and
 * {@code BatchNorm1d} with {@code affine=True}. Nothing is drawn at creation.
 */
public final class AffineNorm {

    /** Which statistics normalise x. */
    public enum Kind {
        /** Each row over its d entries ({@link LayerNorm}). */
        LAYER,
        /** Each column over the n rows of this pass ({@link BatchNorm}). */
        BATCH
    }

    private final Kind kind;
    private final Weights gain;
    private final Weights shift;

    private AffineNorm(Kind kind, Weights gain, Weights shift) {
        this.kind = kind;
        this.gain = gain;
        this.shift = shift;
    }

    /** Registers gain, then shift. */
    public static AffineNorm create(Kind kind, String prefix, int dim, WeightRegistry registry) {
        if (dim < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "AffineNorm '%s' needs a positive width, got %d", prefix, dim));
        }
        Weights gain = registry.create(prefix + ".gain", Matrix.ones(1, dim));
        Weights shift = registry.create(prefix + ".shift", Matrix.zeros(1, dim));
        return new AffineNorm(kind, gain, shift);
    }

    public Variable apply(Variable x) {
        Variable normalised = kind == Kind.LAYER ? LayerNorm.of(x) : BatchNorm.of(x);
        return AddBias.of(ScaleColumns.of(normalised, gain), shift);
    }

    public Kind kind() {
        return kind;
    }

    public Weights gain() {
        return gain;
    }

    public Weights shift() {
        return shift;
    }
}
