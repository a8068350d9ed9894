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

final class SigmoidTest implements GradientCheck {

    @Test
    void values() {
        assertThat(Sigmoid.sigmoid(0)).isEqualTo(0.5);
        assertThat(Sigmoid.sigmoid(2)).isCloseTo(0.8807970779778823, within(1e-15));
        assertThat(Sigmoid.sigmoid(-2)).isCloseTo(0.11920292202211755, within(1e-15));
        assertThat(Sigmoid.sigmoid(800)).isEqualTo(1.0);
        assertThat(Sigmoid.sigmoid(-800)).isEqualTo(0.0);
        assertThat(Sigmoid.sigmoid(-40)).isGreaterThan(0).isCloseTo(Math.exp(-40), within(1e-30));
    }

    @Test
    void forwardAppliesEntryByEntry() {
        Matrix out = new ComputationContext().forward(Sigmoid.of(Constant.of(Matrix.of(new double[][] {{0, 2}}))));
        assertThat(out.get(0, 0)).isEqualTo(0.5);
        assertThat(out.get(0, 1)).isCloseTo(0.8807970779778823, within(1e-15));
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(4, 3, 1).scale(3));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Sigmoid.of(x), 2));
    }
}
