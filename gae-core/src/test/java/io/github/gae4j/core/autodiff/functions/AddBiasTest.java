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

final class AddBiasTest implements GradientCheck {

    @Test
    void addsTheRowToEveryRow() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Matrix b = Matrix.of(new double[][] {{10, 20}});
        Matrix out = new ComputationContext().forward(AddBias.of(Constant.of(x), Constant.of(b)));
        assertThat(out.toArray()).isEqualTo(new double[][] {{11, 22}, {13, 24}, {15, 26}});
    }

    @Test
    void gradientsOfInputAndBias() {
        Weights x = new Weights("x", randomMatrix(4, 3, 1));
        Weights b = new Weights("b", randomMatrix(1, 3, 2));
        assertGradientsMatch(List.of(x, b), MatMulTest.weightedSum(AddBias.of(x, b), 3));
    }

    @Test
    void wrongBiasShapeNamesBothShapes() {
        assertThatThrownBy(() -> AddBias.of(Constant.of(Matrix.zeros(4, 3)), Constant.of(Matrix.zeros(3, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(4, 3)")
                .hasMessageContaining("(3, 1)");
    }
}
