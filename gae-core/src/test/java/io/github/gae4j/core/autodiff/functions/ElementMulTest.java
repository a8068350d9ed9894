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

final class ElementMulTest implements GradientCheck {

    @Test
    void forwardMultipliesEntries() {
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix b = Matrix.of(new double[][] {{-1, 0.5}, {2, 0}});
        Matrix out = new ComputationContext().forward(ElementMul.of(Constant.of(a), Constant.of(b)));
        assertThat(out.toArray()).isEqualTo(new double[][] {{-1, 1}, {6, 0}});
    }

    @Test
    void gradientsOfBothFactors() {
        Weights a = new Weights("a", randomMatrix(3, 4, 1));
        Weights b = new Weights("b", randomMatrix(3, 4, 2));
        assertGradientsMatch(List.of(a, b), MatMulTest.weightedSum(ElementMul.of(a, b), 3));
    }

    @Test
    void sameVariableTwice() {
        Weights w = new Weights("w", randomMatrix(3, 4, 4));
        assertGradientsMatch(List.of(w), MatMulTest.weightedSum(ElementMul.of(w, w), 5));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(ElementMul.of(w, w)));
        assertThat(ctx.gradient(w)).isEqualTo(w.data().scale(2.0));
    }

    @Test
    void shapeMismatchFailsAtConstructionWithBothShapes() {
        assertThatThrownBy(() -> ElementMul.of(Constant.of(Matrix.zeros(2, 3)), Constant.of(Matrix.zeros(2, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(2, 4)");
    }
}
