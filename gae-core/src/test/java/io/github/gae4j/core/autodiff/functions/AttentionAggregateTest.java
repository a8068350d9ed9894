// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AttentionAggregateTest implements GradientCheck {

    @Test
    void forwardMatchesDensePerHeadProduct() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(4);
        int heads = 2;
        int f = 3;
        Matrix alpha = randomMatrix(pattern.edges(), heads, 1);
        Matrix x = randomMatrix(pattern.nodes(), heads * f, 2);
        Matrix out =
                new ComputationContext().forward(AttentionAggregate.of(pattern, Constant.of(alpha), Constant.of(x)));
        for (int h = 0; h < heads; h++) {
            Matrix dense = Matrix.zeros(pattern.nodes(), pattern.nodes());
            for (int p = 0; p < pattern.edges(); p++) {
                dense.set(AttentionTestSupport.rowOf(pattern, p), pattern.colAt(p), alpha.get(p, h));
            }
            for (int i = 0; i < pattern.nodes(); i++) {
                for (int c = 0; c < f; c++) {
                    double expected = 0;
                    for (int j = 0; j < pattern.nodes(); j++) {
                        expected += dense.get(i, j) * x.get(j, h * f + c);
                    }
                    assertThat(out.get(i, h * f + c)).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }

    @Test
    void gradientSeveralHeadsHubAndIsolatedNode() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(9);
        Weights alpha = new Weights("alpha", randomMatrix(pattern.edges(), 3, 3));
        Weights x = new Weights("x", randomMatrix(pattern.nodes(), 6, 4));
        assertGradientsMatch(List.of(alpha, x), MatMulTest.weightedSum(AttentionAggregate.of(pattern, alpha, x), 5));
    }

    @Test
    void gradientOneHeadRandomGraph() {
        AttentionPattern pattern = AttentionTestSupport.random(8, 12, 6);
        Weights alpha = new Weights("alpha", randomMatrix(pattern.edges(), 1, 7));
        Weights x = new Weights("x", randomMatrix(pattern.nodes(), 2, 8));
        assertGradientsMatch(List.of(alpha, x), MatMulTest.weightedSum(AttentionAggregate.of(pattern, alpha, x), 9));
    }

    /** x = h W, e = logits, α = softmax, out = Σ α x: one whole attention layer, gradients w.r.t. W and a. */
    private static Variable attentionLayer(
            AttentionPattern pattern, Variable h, Weights w, Weights src, Weights dst, int heads) {
        Variable x = MatMul.of(h, w);
        Variable e = EdgeAttentionLogits.of(pattern, x, src, dst, heads, 0.2);
        return AttentionAggregate.of(pattern, SegmentSoftmax.of(pattern, e), x);
    }

    @Test
    void gradientOfAComposedAttentionLayer() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(7);
        int heads = 2;
        Constant h = Constant.of(randomMatrix(pattern.nodes(), 4, 10));
        Weights w = new Weights("w", randomMatrix(4, heads * 3, 11));
        Weights src = new Weights("src", randomMatrix(1, heads * 3, 12));
        Weights dst = new Weights("dst", randomMatrix(1, heads * 3, 13));
        assertGradientsMatch(
                List.of(w, src, dst), MatMulTest.weightedSum(attentionLayer(pattern, h, w, src, dst, heads), 14));
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        // Large enough for several row chunks.
        AttentionPattern pattern = AttentionTestSupport.random(20_000, 60_000, 15);
        int heads = 2;
        assertThat(pattern.nodeChunkSize(heads * 4)).isLessThan(pattern.nodes() / 4);
        Constant h = Constant.of(randomMatrix(pattern.nodes(), 5, 16));
        List<double[]> reference = null;
        for (int threads : new int[] {1, 2, 3}) {
            try (Parallelism parallelism = Parallelism.of(threads)) {
                Weights w = new Weights("w", randomMatrix(5, heads * 4, 17));
                Weights src = new Weights("src", randomMatrix(1, heads * 4, 18));
                Weights dst = new Weights("dst", randomMatrix(1, heads * 4, 19));
                Variable out = attentionLayer(pattern, h, w, src, dst, heads);
                Variable loss = MatMulTest.weightedSum(out, 20);
                ComputationContext ctx = new ComputationContext(parallelism);
                ctx.backward(loss);
                List<double[]> results = new ArrayList<>();
                results.add(ctx.forward(out).data());
                for (Weights v : List.of(w, src, dst)) {
                    results.add(ctx.gradient(v).data());
                }
                if (reference == null) {
                    reference = results;
                } else {
                    for (int k = 0; k < results.size(); k++) {
                        // Arrays.equals: AssertJ's containsExactly is quadratic on arrays this long.
                        assertThat(Arrays.equals(results.get(k), reference.get(k)))
                                .as("result %d with %d threads equals the single-threaded one", k, threads)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void rejectsMismatchedHeads() {
        AttentionPattern pattern = AttentionTestSupport.starWithIsolatedNode(2);
        assertThatThrownBy(() -> AttentionAggregate.of(
                        pattern,
                        Constant.of(Matrix.zeros(pattern.edges(), 2)),
                        Constant.of(Matrix.zeros(pattern.nodes(), 5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 heads");
    }
}
