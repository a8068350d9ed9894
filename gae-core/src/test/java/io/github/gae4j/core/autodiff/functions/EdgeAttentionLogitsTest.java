// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EdgeAttentionLogitsTest implements GradientCheck {

    @Test
    void forwardMatchesNaiveFormula() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(4);
        int heads = 3;
        int f = 2;
        Matrix x = randomMatrix(pattern.nodes(), heads * f, 1);
        Matrix src = randomMatrix(1, heads * f, 2);
        Matrix dst = randomMatrix(1, heads * f, 3);
        Matrix e = new ComputationContext()
                .forward(EdgeAttentionLogits.of(
                        pattern, Constant.of(x), Constant.of(src), Constant.of(dst), heads, 0.2));
        assertThat(e.rows()).isEqualTo(pattern.edges());
        assertThat(e.cols()).isEqualTo(heads);
        for (int p = 0; p < pattern.edges(); p++) {
            int i = AttentionTestSupport.rowOf(pattern, p);
            int j = pattern.colAt(p);
            for (int h = 0; h < heads; h++) {
                double raw = 0;
                for (int c = 0; c < f; c++) {
                    raw += src.get(0, h * f + c) * x.get(j, h * f + c) + dst.get(0, h * f + c) * x.get(i, h * f + c);
                }
                double expected = raw > 0 ? raw : 0.2 * raw;
                assertThat(e.get(p, h)).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void gradientSeveralHeadsHubAndIsolatedNode() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(6);
        int heads = 3;
        Weights x = new Weights("x", randomMatrix(pattern.nodes(), heads * 2, 4));
        Weights src = new Weights("src", randomMatrix(1, heads * 2, 5));
        Weights dst = new Weights("dst", randomMatrix(1, heads * 2, 6));
        assertGradientsMatch(
                List.of(x, src, dst),
                MatMulTest.weightedSum(EdgeAttentionLogits.of(pattern, x, src, dst, heads, 0.2), 7));
    }

    @Test
    void gradientOneHeadRandomGraph() {
        AttentionPattern pattern = AttentionTestSupport.random(9, 14, 8);
        Weights x = new Weights("x", randomMatrix(pattern.nodes(), 3, 9));
        Weights src = new Weights("src", randomMatrix(1, 3, 10));
        Weights dst = new Weights("dst", randomMatrix(1, 3, 11));
        assertGradientsMatch(
                List.of(x, src, dst), MatMulTest.weightedSum(EdgeAttentionLogits.of(pattern, x, src, dst, 1, 0.2), 12));
    }

    @Test
    void gradientWithZeroSlopeAndSharedAttentionVector() {
        AttentionPattern pattern = AttentionTestSupport.random(7, 9, 13);
        Weights x = new Weights("x", randomMatrix(pattern.nodes(), 4, 14));
        Weights a = new Weights("a", randomMatrix(1, 4, 15));
        assertGradientsMatch(
                List.of(x, a), MatMulTest.weightedSum(EdgeAttentionLogits.of(pattern, x, a, a, 2, 0.0), 16));
    }

    @Test
    void rejectsBadShapes() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(2);
        Constant x = Constant.of(Matrix.zeros(pattern.nodes(), 6));
        Constant a = Constant.of(Matrix.zeros(1, 6));
        assertThatThrownBy(() -> EdgeAttentionLogits.of(pattern, x, a, a, 4, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 heads");
        assertThatThrownBy(() -> EdgeAttentionLogits.of(pattern, x, Constant.of(Matrix.zeros(1, 3)), a, 2, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 × 6");
        assertThatThrownBy(() -> EdgeAttentionLogits.of(pattern, Constant.of(Matrix.zeros(2, 6)), a, a, 2, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodes");
        assertThatThrownBy(() -> EdgeAttentionLogits.of(pattern, x, a, a, 2, -0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
