// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TransposeTest implements GradientCheck {

    @Test
    void forwardSwapsRowsAndColumns() {
        Matrix x = randomMatrix(2, 3, 1);
        Matrix t = new ComputationContext().forward(Transpose.of(Constant.of(x)));
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.cols()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(t.get(j, i)).isEqualTo(x.get(i, j));
            }
        }
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(4, 3, 2));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Transpose.of(x), 3));
    }
}
