// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MatMulTest implements GradientCheck {

    /** Σ x ⊙ c for a fixed random c, so the upstream gradient is not uniform. */
    static Variable weightedSum(Variable x, long seed) {
        return Sum.of(ElementMul.of(x, Constant.of(randomMatrix(x.rows(), x.cols(), seed))));
    }

    @Test
    void forwardMatchesNaiveProduct() {
        Matrix a = randomMatrix(4, 3, 1);
        Matrix b = randomMatrix(3, 5, 2);
        Matrix out = new ComputationContext().forward(MatMul.of(Constant.of(a), Constant.of(b)));
        assertThat(out.rows()).isEqualTo(4);
        assertThat(out.cols()).isEqualTo(5);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a.get(i, k) * b.get(k, j);
                }
                assertThat(out.get(i, j)).isCloseTo(s, within(1e-12));
            }
        }
    }

    @Test
    void gradientsOfBothFactors() {
        Weights a = new Weights("a", randomMatrix(4, 3, 3));
        Weights b = new Weights("b", randomMatrix(3, 5, 4));
        assertGradientsMatch(List.of(a, b), weightedSum(MatMul.of(a, b), 5));
    }

    @Test
    void gradientWithConstantLeftFactor() {
        Weights b = new Weights("b", randomMatrix(3, 2, 6));
        assertGradientsMatch(List.of(b), weightedSum(MatMul.of(Constant.of(randomMatrix(5, 3, 7)), b), 8));
    }

    @Test
    void sameVariableOnBothSidesThroughTranspose() {
        Weights w = new Weights("w", randomMatrix(4, 3, 9));
        assertGradientsMatch(List.of(w), weightedSum(MatMul.of(w, Transpose.of(w)), 10));
    }

    @Test
    void sameSquareVariableAsBothFactors() {
        Weights w = new Weights("w", randomMatrix(3, 3, 11));
        assertGradientsMatch(List.of(w), weightedSum(MatMul.of(w, w), 12));
    }

    @Test
    void shapeMismatchFailsAtConstructionWithBothShapes() {
        Weights a = new Weights("a", Matrix.zeros(3, 4));
        Weights b = new Weights("b", Matrix.zeros(3, 2));
        assertThatThrownBy(() -> MatMul.of(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 4)")
                .hasMessageContaining("(3, 2)");
    }
}
