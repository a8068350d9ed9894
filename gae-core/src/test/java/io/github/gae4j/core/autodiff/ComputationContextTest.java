// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.tensor.Matrix;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ComputationContextTest {

    @Test
    void gradientIsNullBeforeBackward() {
        Weights w = new Weights("w", randomMatrix(2, 2, 1));
        Variable loss = Sum.of(w);
        ComputationContext ctx = new ComputationContext();
        ctx.forward(loss);
        assertThat(ctx.gradient(w)).isNull();
        assertThat(ctx.gradient(loss)).isNull();
        ctx.backward(loss);
        assertThat(ctx.gradient(w)).isNotNull();
    }

    @Test
    void constantsGetNoGradient() {
        Weights w = new Weights("w", randomMatrix(2, 3, 1));
        Constant c = Constant.of(randomMatrix(2, 3, 2));
        assertThat(c.requireGradient()).isFalse();
        assertThat(w.requireGradient()).isTrue();
        Variable loss = Sum.of(ElementMul.of(w, c));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(loss);
        assertThat(ctx.gradient(c)).isNull();
        assertThat(ctx.gradient(w)).isEqualTo(c.data());
    }

    @Test
    void graphOfConstantsOnlyGetsNoGradients() {
        Constant c = Constant.of(randomMatrix(2, 2, 1));
        Variable loss = Sum.of(c);
        assertThat(loss.requireGradient()).isFalse();
        ComputationContext ctx = new ComputationContext();
        ctx.backward(loss);
        assertThat(ctx.gradient(c)).isNull();
        assertThat(ctx.gradient(loss)).isNull();
    }

    @Test
    void diamondAccumulatesBothPaths() {
        Weights w = new Weights("w", randomMatrix(2, 3, 1));
        Variable loss = Sum.of(Add.of(Scale.of(w, 2.0), Scale.of(w, 3.0)));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(loss);
        assertThat(ctx.gradient(w).data()).containsOnly(5.0);
    }

    @Test
    void diamondWithPathsOfDifferentDepth() {
        Weights w = new Weights("w", Matrix.of(new double[][] {{1.5, -2}}));
        Variable shallow = Scale.of(w, 2.0);
        Variable deep = Scale.of(Scale.of(Scale.of(w, 3.0), 1.0), 1.0);
        // d/dw Σ(2w ⊙ 3w) = 12 w, reached through two paths of different length.
        Variable loss = Sum.of(ElementMul.of(shallow, deep));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(loss);
        assertThat(ctx.gradient(w).toArray()).isEqualTo(new double[][] {{18, -24}});
    }

    @Test
    void nonScalarRootThrows() {
        Weights w = new Weights("w", randomMatrix(2, 3, 1));
        ComputationContext ctx = new ComputationContext();
        assertThatThrownBy(() -> ctx.backward(Scale.of(w, 2.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scalar")
                .hasMessageContaining("(2, 3)");
    }

    @Test
    void forwardComputesEachValueOnce() {
        AtomicInteger calls = new AtomicInteger();
        Weights w = new Weights("w", randomMatrix(2, 2, 1));
        Variable counted = new Variable(java.util.List.of(w), 2, 2) {
            @Override
            public Matrix apply(ComputationContext ctx) {
                calls.incrementAndGet();
                return ctx.forward(w).scale(1.0);
            }

            @Override
            public Matrix gradient(Variable parent, ComputationContext ctx) {
                return ctx.gradient(this);
            }
        };
        Variable loss = Sum.of(Add.of(counted, counted));
        ComputationContext ctx = new ComputationContext();
        Matrix first = ctx.forward(loss);
        assertThat(ctx.forward(loss)).isSameAs(first);
        ctx.backward(loss);
        assertThat(calls).hasValue(1);
        assertThat(ctx.gradient(w).data()).containsOnly(2.0);
    }

    @Test
    void wrongShapeFromAnOperationIsReported() {
        Weights w = new Weights("w", randomMatrix(2, 2, 1));
        Variable liar = new Variable(java.util.List.of(w), 3, 3) {
            @Override
            public Matrix apply(ComputationContext ctx) {
                return ctx.forward(w);
            }

            @Override
            public Matrix gradient(Variable parent, ComputationContext ctx) {
                return ctx.gradient(this);
            }
        };
        assertThatThrownBy(() -> new ComputationContext().forward(liar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(2, 2)")
                .hasMessageContaining("(3, 3)");
    }

    @Test
    void dataBeforeForwardAndMissingStashFailClearly() {
        Weights w = new Weights("w", randomMatrix(2, 2, 1));
        ComputationContext ctx = new ComputationContext();
        assertThatThrownBy(() -> ctx.data(w))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Weights[w]")
                .hasMessageContaining("forward");
        assertThatThrownBy(() -> ctx.stashed(w, Matrix.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stashed nothing");
    }

    @Test
    void addOfSameVariableTwice() {
        Weights w = new Weights("w", randomMatrix(3, 2, 1));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(Add.of(w, w)));
        assertThat(ctx.gradient(w).data()).containsOnly(2.0);
    }

    /**
     * Add hands its own gradient matrix to both parents. When that matrix is already an accumulated
     * sum, a later in-place addition into one parent must not leak into the other.
     */
    @Test
    void sharedGradientMatrixIsNotCorruptedByLaterSums() {
        Weights u = new Weights("u", Matrix.zeros(2, 2));
        Weights v = new Weights("v", Matrix.zeros(2, 2));
        Variable s = Add.of(u, v);
        // s gets two gradient contributions (so its gradient is an accumulated sum) ...
        Variable viaS = Add.of(Sum.of(s), Sum.of(s));
        // ... and u gets a late third one through a longer path.
        Variable late = Sum.of(Scale.of(Scale.of(Scale.of(u, 1.0), 1.0), 3.0));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Add.of(viaS, late));
        assertThat(ctx.gradient(v).data()).containsOnly(2.0);
        assertThat(ctx.gradient(u).data()).containsOnly(5.0);
        assertThat(ctx.gradient(s).data()).containsOnly(2.0);
    }

    @Test
    void passThroughGradientIsNotCorrupted() {
        Weights w = new Weights("w", Matrix.zeros(2, 2));
        Variable a = Scale.of(w, 1.0);
        Variable sum = Add.of(a, Constant.of(Matrix.zeros(2, 2)));
        // sum's gradient reaches a unchanged (same matrix); a then also gets a second contribution.
        Variable loss = Add.of(Sum.of(sum), Sum.of(Scale.of(Scale.of(a, 1.0), 4.0)));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(loss);
        assertThat(ctx.gradient(sum).data()).containsOnly(1.0);
        assertThat(ctx.gradient(a).data()).containsOnly(5.0);
        assertThat(ctx.gradient(w).data()).containsOnly(5.0);
    }

    @Test
    void backwardTwiceInOneContextGivesTheSameGradients() {
        Weights w = new Weights("w", randomMatrix(3, 3, 1));
        Variable loss = Sum.of(MatMul.of(w, w));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(loss);
        Matrix first = ctx.gradient(w).copy();
        ctx.backward(loss);
        assertThat(ctx.gradient(w)).isEqualTo(first);
    }
}
