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

final class ScaleColumnsTest implements GradientCheck {

    @Test
    void multipliesEveryRowByTheGain() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Matrix g = Matrix.of(new double[][] {{10, -1}});
        Matrix out = new ComputationContext().forward(ScaleColumns.of(Constant.of(x), Constant.of(g)));
        assertThat(out.toArray()).isEqualTo(new double[][] {{10, -2}, {30, -4}, {50, -6}});
    }

    @Test
    void gradientsOfInputAndGain() {
        Weights x = new Weights("x", randomMatrix(4, 3, 1));
        Weights g = new Weights("g", randomMatrix(1, 3, 2));
        assertGradientsMatch(List.of(x, g), MatMulTest.weightedSum(ScaleColumns.of(x, g), 3));
    }

    @Test
    void wrongGainShapeNamesBothShapes() {
        assertThatThrownBy(() -> ScaleColumns.of(Constant.of(Matrix.zeros(4, 3)), Constant.of(Matrix.zeros(1, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(4, 3)")
                .hasMessageContaining("(1, 4)");
    }
}
