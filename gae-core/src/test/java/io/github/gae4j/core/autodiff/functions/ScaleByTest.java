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

final class ScaleByTest implements GradientCheck {

    @Test
    void multipliesEveryEntryByTheScalar() {
        Matrix out = new ComputationContext()
                .forward(ScaleBy.of(Constant.scalar(-2), Constant.of(Matrix.of(new double[][] {{1, 0.5}, {-3, 4}}))));
        assertThat(out.toArray()).isEqualTo(new double[][] {{-2, -1}, {6, -8}});
    }

    @Test
    void gradientsOfScalarAndInput() {
        Weights s = new Weights("s", Matrix.scalar(0.7));
        Weights x = new Weights("x", randomMatrix(4, 3, 1));
        assertGradientsMatch(List.of(s, x), MatMulTest.weightedSum(ScaleBy.of(s, x), 2));
    }

    @Test
    void ginStyleOnePlusEpsilonTimesInput() {
        // (1 + ε) · h = h + ε · h: h used twice, so both paths must accumulate into dh.
        Weights eps = new Weights("eps", Matrix.scalar(0.1));
        Weights h = new Weights("h", randomMatrix(3, 2, 3));
        assertGradientsMatch(List.of(eps, h), MatMulTest.weightedSum(Add.of(h, ScaleBy.of(eps, h)), 4));
    }

    @Test
    void rejectsANonScalarFactor() {
        assertThatThrownBy(() -> ScaleBy.of(Constant.of(Matrix.zeros(1, 2)), Constant.of(Matrix.zeros(3, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1×1")
                .hasMessageContaining("(1, 2)");
    }
}
