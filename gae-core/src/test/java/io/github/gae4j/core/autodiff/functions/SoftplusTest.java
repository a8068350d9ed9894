// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SoftplusTest implements GradientCheck {

    @Test
    void valuesAreStableForLargeInputs() {
        assertThat(Softplus.softplus(0)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Softplus.softplus(1)).isCloseTo(1.3132616875182228, within(1e-15));
        assertThat(Softplus.softplus(-1)).isCloseTo(0.31326168751822286, within(1e-15));
        assertThat(Softplus.softplus(800)).isEqualTo(800.0);
        assertThat(Softplus.softplus(-800)).isEqualTo(0.0);
        assertThat(Softplus.softplus(-40)).isGreaterThan(0).isCloseTo(Math.exp(-40), within(1e-30));
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(4, 2, 1).scale(4));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(Softplus.of(x), 2));
    }

    @Test
    void gradientIsFiniteForLargeInputs() {
        Weights x = new Weights("x", Matrix.of(new double[][] {{-800, 800}}));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(Softplus.of(x)));
        assertThat(ctx.gradient(x).toArray()).isEqualTo(new double[][] {{0.0, 1.0}});
    }
}
