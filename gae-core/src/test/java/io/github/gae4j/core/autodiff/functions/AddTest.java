// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AddTest implements GradientCheck {

    @Test
    void forwardAddsEntries() {
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix b = Matrix.of(new double[][] {{10, 20}, {30, 40}});
        Matrix out = new ComputationContext().forward(Add.of(Constant.of(a), Constant.of(b)));
        assertThat(out.toArray()).isEqualTo(new double[][] {{11, 22}, {33, 44}});
    }

    @Test
    void gradientsOfBothTerms() {
        Weights a = new Weights("a", randomMatrix(3, 2, 1));
        Weights b = new Weights("b", randomMatrix(3, 2, 2));
        assertGradientsMatch(List.of(a, b), MatMulTest.weightedSum(Add.of(a, b), 3));
    }

    @Test
    void sameVariableTwice() {
        Weights w = new Weights("w", randomMatrix(3, 2, 4));
        assertGradientsMatch(List.of(w), MatMulTest.weightedSum(Add.of(w, w), 5));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(Add.of(w, w)));
        assertThat(ctx.gradient(w).data()).containsOnly(2.0);
    }

    @Test
    void shapeMismatchFailsAtConstructionWithBothShapes() {
        assertThatThrownBy(() -> Add.of(Constant.of(Matrix.zeros(2, 3)), Constant.of(Matrix.zeros(3, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(3, 2)");
    }
}
