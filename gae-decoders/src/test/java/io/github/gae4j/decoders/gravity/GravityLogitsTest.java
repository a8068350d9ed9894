// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GravityLogitsTest implements GradientCheck {

    private static final EdgeList PAIRS = new EdgeList(new int[] {0, 1, 3, 2, 4, 0}, new int[] {1, 0, 4, 2, 0, 3});

    @Test
    void logitIsTheTargetMassMinusLambdaLogSquaredDistance() {
        Matrix p = randomMatrix(5, 3, 1);
        Matrix m = randomMatrix(5, 1, 2);
        Matrix out = new ComputationContext()
                .forward(GravityLogits.of(new Weights("p", p), new Weights("m", m), PAIRS, 0.5, 0.01));
        for (int e = 0; e < PAIRS.size(); e++) {
            int i = PAIRS.src(e);
            int j = PAIRS.dst(e);
            double d2 = 0;
            for (int k = 0; k < 3; k++) {
                d2 += (p.get(i, k) - p.get(j, k)) * (p.get(i, k) - p.get(j, k));
            }
            assertThat(out.get(e, 0)).isCloseTo(m.get(j, 0) - 0.5 * Math.log(d2 + 0.01), within(1e-13));
        }
        // Asymmetric: (0, 1) and (1, 0) differ by m_1 − m_0.
        assertThat(out.get(0, 0) - out.get(1, 0)).isCloseTo(m.get(1, 0) - m.get(0, 0), within(1e-13));
        // Self pair: m_2 − λ log ε.
        assertThat(out.get(3, 0)).isCloseTo(m.get(2, 0) - 0.5 * Math.log(0.01), within(1e-13));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Weights p = new Weights("p", randomMatrix(5, 3, 3));
        Weights m = new Weights("m", randomMatrix(5, 1, 4));
        assertGradientsMatch(List.of(p, m), Sum.of(Sigmoid.of(GravityLogits.of(p, m, PAIRS, 1.0, 0.01))));
    }

    @Test
    void rejectsBadMassesAndSettings() {
        Weights p = new Weights("p", randomMatrix(5, 3, 3));
        Weights m = new Weights("m", randomMatrix(5, 1, 4));
        assertThatThrownBy(() -> GravityLogits.of(p, p, PAIRS, 1, 0.01)).hasMessageContaining("masses must be (5, 1)");
        assertThatThrownBy(() -> GravityLogits.of(p, m, PAIRS, 1, -1)).hasMessageContaining("epsilon positive");
        assertThatThrownBy(() -> GravityLogits.of(p, m, new EdgeList(new int[] {5}, new int[] {0}), 1, 0.01))
                .hasMessageContaining("out of range");
    }
}
