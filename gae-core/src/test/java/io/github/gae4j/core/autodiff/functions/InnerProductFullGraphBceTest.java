package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.core.testing.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.core.testing.GradientCheck;
import io.github.gae4j.core.testing.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InnerProductFullGraphBceTest implements GradientCheck {

    private static final Parallelism ONE = Parallelism.singleThreaded();

    /** A_train + I of the graph, as the full-graph loss wants it. */
    private static SparseMatrix target(Graph graph) {
        return NormalizedAdjacency.withSelfLoops(graph.adjacency());
    }

    private static double posWeight(SparseMatrix target) {
        double n2 = (double) target.rows() * target.rows();
        return (n2 - target.nnz()) / target.nnz();
    }

    private static double norm(SparseMatrix target) {
        double n2 = (double) target.rows() * target.rows();
        return n2 / (2 * (n2 - target.nnz()));
    }

    private static InnerProductFullGraphBce fused(Variable z, SparseMatrix target, Parallelism parallelism) {
        return InnerProductFullGraphBce.of(z, target, posWeight(target), norm(target), parallelism);
    }

    /** The same loss the slow way, through an N×N logit matrix. */
    private static Variable naive(Variable z, SparseMatrix target) {
        return Scale.of(BceWithLogits.of(MatMul.of(z, Transpose.of(z)), target.toDense(), posWeight(target)),
                norm(target));
    }

    @Test
    void gradientOnSmallGraph() {
        SparseMatrix t = target(TestGraphs.randomGraph(12, 20, 1));
        Weights z = new Weights("z", randomMatrix(12, 3, 2));
        assertGradientsMatch(List.of(z), fused(z, t, ONE));
    }

    @Test
    void gradientOnStarWithIsolatedNodeAndUpstreamScale() {
        SparseMatrix t = target(TestGraphs.starWithIsolatedNode(4));
        Weights z = new Weights("z", randomMatrix(6, 2, 3).scale(2));
        assertGradientsMatch(List.of(z), Scale.of(fused(z, t, ONE), -2.5));
    }

    @Test
    void gradientThroughAnUpstreamLayer() {
        SparseMatrix t = target(TestGraphs.path(9));
        Weights w = new Weights("w", randomMatrix(4, 3, 4));
        Variable z = MatMul.of(io.github.gae4j.core.autodiff.Constant.of(randomMatrix(9, 4, 5)), w);
        assertGradientsMatch(List.of(w), fused(z, t, ONE));
    }

    @Test
    void matchesNaiveDenseLossAndGradient() {
        SparseMatrix t = target(TestGraphs.randomGraph(150, 600, 6));
        Weights z = new Weights("z", randomMatrix(150, 16, 7));
        InnerProductFullGraphBce loss = fused(z, t, ONE);
        assertThat(loss.posWeight()).isEqualTo(posWeight(t));
        assertThat(loss.norm()).isEqualTo(norm(t));

        ComputationContext fast = new ComputationContext();
        double fastValue = fast.forward(loss).scalarValue();
        fast.backward(loss);
        Variable reference = naive(z, t);
        ComputationContext slow = new ComputationContext();
        double slowValue = slow.forward(reference).scalarValue();
        slow.backward(reference);

        assertThat(fastValue).isCloseTo(slowValue, within(1e-9 * Math.abs(slowValue)));
        double[] g = fast.gradient(z).data();
        double[] expected = slow.gradient(z).data();
        double scale = slow.gradient(z).maxAbs();
        assertThat(scale).isGreaterThan(0);
        for (int k = 0; k < g.length; k++) {
            assertThat(g[k]).as("dZ entry %d", k).isCloseTo(expected[k], within(1e-9 * Math.max(Math.abs(expected[k]), 1e-3 * scale)));
        }
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        // 600 nodes: several triangle chunks and two correction chunks.
        SparseMatrix t = target(TestGraphs.randomGraph(600, 2400, 8));
        Weights z = new Weights("z", randomMatrix(600, 16, 9));
        ComputationContext reference = new ComputationContext();
        InnerProductFullGraphBce single = fused(z, t, ONE);
        double value = reference.forward(single).scalarValue();
        reference.backward(single);
        for (int threads : new int[] {2, 4}) {
            try (Parallelism parallelism = Parallelism.of(threads)) {
                InnerProductFullGraphBce loss = fused(z, t, parallelism);
                ComputationContext ctx = new ComputationContext();
                assertThat(ctx.forward(loss).scalarValue()).as("loss with %d threads", threads).isEqualTo(value);
                ctx.backward(loss);
                assertThat(ctx.gradient(z).data()).as("gradient with %d threads", threads)
                        .containsExactly(reference.gradient(z).data());
            }
        }
    }

    @Test
    void finiteForHugeEmbeddings() {
        SparseMatrix t = target(TestGraphs.randomGraph(20, 30, 10));
        Weights z = new Weights("z", randomMatrix(20, 4, 11).scale(100));
        InnerProductFullGraphBce loss = fused(z, t, ONE);
        ComputationContext ctx = new ComputationContext();
        double value = ctx.forward(loss).scalarValue();
        ctx.backward(loss);
        assertThat(Double.isFinite(value)).isTrue();
        assertThat(ctx.gradient(z).firstNonFinite()).isEqualTo(-1);
        Variable reference = naive(z, t);
        assertThat(value).isCloseTo(new ComputationContext().forward(reference).scalarValue(), within(1e-9 * value));
    }

    @Test
    void balancedBoundsCoverAllRowsWithSimilarPairCounts() {
        for (int n : new int[] {0, 1, 63, 64, 200, 1000, 5000}) {
            int[] b = InnerProductFullGraphBce.balancedBounds(n);
            assertThat(b[0]).isZero();
            assertThat(b[b.length - 1]).isEqualTo(n);
            assertThat(b.length - 1).isBetween(1, 16);
            for (int c = 0; c + 1 < b.length; c++) {
                assertThat(b[c + 1]).isGreaterThanOrEqualTo(b[c]);
            }
        }
        int n = 5000;
        int[] b = InnerProductFullGraphBce.balancedBounds(n);
        double total = (double) n * (n + 1) / 2;
        double perChunk = total / (b.length - 1);
        for (int c = 0; c + 1 < b.length; c++) {
            double pairs = 0;
            for (int i = b[c]; i < b[c + 1]; i++) {
                pairs += n - i;
            }
            assertThat(pairs).isCloseTo(perChunk, within(0.01 * perChunk + n));
        }
    }

    @Test
    void rejectsBadArguments() {
        SparseMatrix t = target(TestGraphs.triangle());
        Weights z = new Weights("z", Matrix.zeros(4, 2));
        assertThatThrownBy(() -> fused(z, t, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 3)")
                .hasMessageContaining("(4, 2)");
        Weights z3 = new Weights("z", Matrix.zeros(3, 2));
        SparseMatrix unflagged = SparseMatrix.ofCoo(3, 3, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 1});
        assertThatThrownBy(() -> InnerProductFullGraphBce.of(z3, unflagged, 1, 1, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
        assertThatThrownBy(() -> InnerProductFullGraphBce.of(z3, t, 0, 1, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> InnerProductFullGraphBce.of(z3, t, 1, Double.NaN, ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }
}
