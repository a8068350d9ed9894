// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An optional capability of an {@link Encoder}: its evaluation μ as a chain of steps, each either row-local (a
 * block of rows in, the same rows out, each computed from its own row only: H·W, a bias, layer norm, an
 * activation) or a propagation with Â (H ← Â·H, Â the input's {@link GraphInput#normalizedAdjacency}). Starting
 * from the dense features X, the steps in order give {@code encode(input, Mode.EVAL).mu()} (within rounding).
 *
 * <p>Distributed inference runs the row-local steps where the rows live and each propagation as one exchange of
 * partial sums between machines, with no other knowledge of the encoder. The row-local functions are the
 * encoder's own operations on its own weights: they read the weights' current values when applied.
 */
public interface StepwiseEncoder {

    /**
     * The steps of μ in evaluation mode, or empty when this encoder, as configured, has a step that is neither
     * (batch norm mixes all rows; a residual connection needs a layer's input after its propagation).
     */
    Optional<List<Step>> evaluationSteps();

    /** A step: {@link Propagate} or {@link RowLocal}. */
    sealed interface Step permits Propagate, RowLocal {}

    /** H ← Â·H. */
    record Propagate() implements Step {}

    /**
     * H ← f(H), row by row: f of any block of rows is those rows of f of all rows.
     *
     * @param outputDim the width of f's output
     * @param function  f, building the step's operations on a block of rows (a constant); forwarded by the caller
     */
    record RowLocal(int outputDim, UnaryOperator<Variable> function) implements Step {

        public RowLocal {
            Objects.requireNonNull(function, "function is null");
            if (outputDim < 1) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "A row-local step needs a positive width, got %d", outputDim));
            }
        }

        /** f of {@code rows}, checked to keep the row count and give {@link #outputDim} columns. */
        public Variable apply(Variable rows) {
            Variable out = function.apply(rows);
            if (out.rows() != rows.rows() || out.cols() != outputDim) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "A row-local step of width %d turned %s into %s",
                        outputDim,
                        rows.render(),
                        out.render()));
            }
            return out;
        }
    }
}
