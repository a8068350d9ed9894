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

final class SegmentSoftmaxTest implements GradientCheck {

    @Test
    void eachRowIsASoftmaxPerHead() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(5);
        Matrix e = randomMatrix(pattern.edges(), 2, 1).scale(3);
        Matrix a = new ComputationContext().forward(SegmentSoftmax.of(pattern, Constant.of(e)));
        for (int i = 0; i < pattern.nodes(); i++) {
            for (int h = 0; h < 2; h++) {
                double z = 0;
                for (int p = pattern.rowStart(i); p < pattern.rowEnd(i); p++) {
                    z += Math.exp(e.get(p, h));
                }
                double sum = 0;
                for (int p = pattern.rowStart(i); p < pattern.rowEnd(i); p++) {
                    assertThat(a.get(p, h)).isCloseTo(Math.exp(e.get(p, h)) / z, within(1e-14));
                    sum += a.get(p, h);
                }
                assertThat(sum).isCloseTo(1.0, within(1e-14));
            }
        }
        // The isolated node attends only to itself.
        int last = pattern.nodes() - 1;
        assertThat(a.get(pattern.rowStart(last), 0)).isEqualTo(1.0);
    }

    @Test
    void stableForHugeLogits() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(2);
        Matrix e = Matrix.zeros(pattern.edges(), 1);
        for (int p = 0; p < pattern.edges(); p++) {
            e.set(p, 0, 1000.0 + p);
        }
        e.set(pattern.edges() - 1, 0, -1000.0);
        Matrix a = new ComputationContext().forward(SegmentSoftmax.of(pattern, Constant.of(e)));
        assertThat(a.firstNonFinite()).isEqualTo(-1);
        // Row 0 holds edges 0..2 with logits 1000, 1001, 1002.
        double z = 1 + Math.exp(1) + Math.exp(2);
        assertThat(a.get(2, 0)).isCloseTo(Math.exp(2) / z, within(1e-14));
        assertThat(a.get(pattern.edges() - 1, 0)).isEqualTo(1.0);
    }

    @Test
    void gradientSeveralHeadsHubAndIsolatedNode() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(12);
        Weights e = new Weights("e", randomMatrix(pattern.edges(), 3, 2).scale(2));
        assertGradientsMatch(List.of(e), MatMulTest.weightedSum(SegmentSoftmax.of(pattern, e), 3));
    }

    @Test
    void gradientRandomGraph() {
        AttentionPattern pattern = AttentionTestSupport.random(10, 18, 4);
        Weights e = new Weights("e", randomMatrix(pattern.edges(), 1, 5));
        assertGradientsMatch(List.of(e), MatMulTest.weightedSum(SegmentSoftmax.of(pattern, e), 6));
    }

    @Test
    void rejectsWrongEdgeCount() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(2);
        assertThatThrownBy(() -> SegmentSoftmax.of(pattern, Constant.of(Matrix.zeros(3, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edges");
    }
}
