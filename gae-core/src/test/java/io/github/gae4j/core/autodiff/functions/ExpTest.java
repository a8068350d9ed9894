// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ExpTest implements GradientCheck {

    @Test
    void forward() {
        Matrix out = new ComputationContext().forward(Exp.of(Constant.of(Matrix.of(new double[][] {{0, 1, -2}}))));
        assertThat(out.get(0, 0)).isEqualTo(1.0);
        assertThat(out.get(0, 1)).isCloseTo(Math.E, within(1e-15));
        assertThat(out.get(0, 2)).isCloseTo(0.1353352832366127, within(1e-15));
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(3, 3, 1));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Exp.of(x), 2));
    }
}
