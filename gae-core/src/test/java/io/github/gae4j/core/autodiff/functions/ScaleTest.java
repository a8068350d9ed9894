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

final class ScaleTest implements GradientCheck {

    @Test
    void forward() {
        Matrix out = new ComputationContext().forward(Scale.of(Constant.of(Matrix.of(new double[][] {{1, -2}})), -1.5));
        assertThat(out.toArray()).isEqualTo(new double[][] {{-1.5, 3}});
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(3, 2, 1));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Scale.of(x, -2.5), 2));
    }

    @Test
    void rejectsNonFiniteFactor() {
        Constant x = Constant.of(Matrix.zeros(1, 1));
        assertThatThrownBy(() -> Scale.of(x, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Scale.of(x, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
    }
}
