// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.autodiff.functions.Transpose;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FusedKernels;
import io.github.gae4j.decoders.fused.Precision;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InnerProductFullGraphBceTest implements GradientCheck {

    /** A_train + I of the graph, as the full-graph loss wants it. */
    private static SparseMatrix target(Graph graph) {
        return NormalizedAdjacency.withSelfLoops(graph.adjacency());
    }

    private static double posWeight(SparseMatrix target) {
        return FullGraphBce.BceWeights.of(target).posWeight();
    }

    private static double norm(SparseMatrix target) {
        return FullGraphBce.BceWeights.of(target).norm();
    }

    private static InnerProductFullGraphBce fused(Variable z, SparseMatrix target) {
        return InnerProductFullGraphBce.of(z, target, posWeight(target), norm(target));
    }

    private static InnerProductFullGraphBce fused(Variable z, SparseMatrix target, InnerProductBceKernel kernel) {
        return InnerProductFullGraphBce.of(z, target, posWeight(target), norm(target), kernel);
    }

    /** The double kernels: the scalar one, and the vector one when jdk.incubator.vector is present. */
    private static List<InnerProductBceKernel> doubleKernels() {
        return InnerProductBceKernels.vector(Precision.DOUBLE)
                .map(vector -> List.of(InnerProductBceKernels.scalar(), vector))
                .orElse(List.of(InnerProductBceKernels.scalar()));
    }

    /** The same loss the slow way, through an N×N logit matrix. */
    private static Variable naive(Variable z, SparseMatrix target) {
        return Scale.of(
                BceWithLogits.of(MatMul.of(z, Transpose.of(z)), target.toDense(), posWeight(target)), norm(target));
    }

    @Test
    void gradientOnSmallGraph() {
        SparseMatrix t = target(TestGraphs.randomGraph(12, 20, 1));
        Weights z = new Weights("z", randomMatrix(12, 3, 2));
        assertGradientsMatch(List.of(z), fused(z, t));
        for (InnerProductBceKernel kernel : doubleKernels()) {
            assertGradientsMatch(List.of(z), fused(z, t, kernel));
        }
    }

    @Test
    void gradientOnStarWithIsolatedNodeAndUpstreamScale() {
        SparseMatrix t = target(TestGraphs.starWithIsolatedNode(4));
        Weights z = new Weights("z", randomMatrix(6, 2, 3).scale(2));
        for (InnerProductBceKernel kernel : doubleKernels()) {
            assertGradientsMatch(List.of(z), Scale.of(fused(z, t, kernel), -2.5));
        }
    }

    @Test
    void gradientThroughAnUpstreamLayer() {
        SparseMatrix t = target(TestGraphs.path(9));
        Weights w = new Weights("w", randomMatrix(4, 3, 4));
        Variable z = MatMul.of(io.github.gae4j.core.autodiff.Constant.of(randomMatrix(9, 4, 5)), w);
        for (InnerProductBceKernel kernel : doubleKernels()) {
            assertGradientsMatch(List.of(w), fused(z, t, kernel));
        }
    }

    @Test
    void doublePrecisionAboveTheSmallGraphCutoffUsesTheBestDoubleKernel() {
        int n = FusedKernels.SMALL_GRAPH_NODES + 8;
        SparseMatrix t = target(TestGraphs.randomGraph(n, 2 * n, 14));
        Weights z = new Weights("z", randomMatrix(n, 3, 15));
        InnerProductFullGraphBce loss = InnerProductFullGraphBce.of(z, t, posWeight(t), norm(t), Precision.DOUBLE);
        assertThat(loss.kernel()).isSameAs(InnerProductBceKernels.best(Precision.DOUBLE));
        assertThat(loss.kernel().precision()).isEqualTo(Precision.DOUBLE);
        ComputationContext ctx = new ComputationContext();
        double value = ctx.forward(loss).scalarValue();
        ctx.backward(loss);
        InnerProductFullGraphBce exact = fused(z, t, InnerProductBceKernels.scalar());
        ComputationContext reference = new ComputationContext();
        double expected = reference.forward(exact).scalarValue();
        reference.backward(exact);
        assertThat(value).isCloseTo(expected, within(1e-9 * expected));
        double scale = reference.gradient(z).maxAbs();
        double[] g = ctx.gradient(z).data();
        double[] e = reference.gradient(z).data();
        for (int k = 0; k < g.length; k++) {
            assertThat(g[k])
                    .as("dZ entry %d", k)
                    .isCloseTo(e[k], within(1e-9 * Math.max(Math.abs(e[k]), 1e-3 * scale)));
        }
    }

    @Test
    void matchesNaiveDenseLossAndGradient() {
        SparseMatrix t = target(TestGraphs.randomGraph(150, 600, 6));
        Weights z = new Weights("z", randomMatrix(150, 16, 7));
        Variable reference = naive(z, t);
        ComputationContext slow = new ComputationContext();
        double slowValue = slow.forward(reference).scalarValue();
        slow.backward(reference);
        double[] expected = slow.gradient(z).data();
        double scale = slow.gradient(z).maxAbs();
        assertThat(scale).isGreaterThan(0);

        List<InnerProductBceKernel> kernels = new ArrayList<>(doubleKernels());
        InnerProductBceKernels.vector(Precision.FLOAT).ifPresent(kernels::add);
        for (InnerProductBceKernel kernel : kernels) {
            InnerProductFullGraphBce loss = fused(z, t, kernel);
            assertThat(loss.posWeight()).isEqualTo(posWeight(t));
            assertThat(loss.norm()).isEqualTo(norm(t));
            assertThat(loss.kernel()).isSameAs(kernel);
            ComputationContext fast = new ComputationContext();
            double fastValue = fast.forward(loss).scalarValue();
            fast.backward(loss);
            double[] g = fast.gradient(z).data();
            if (kernel.precision() == Precision.DOUBLE) {
                assertThat(fastValue).as(kernel.name()).isCloseTo(slowValue, within(1e-9 * Math.abs(slowValue)));
                for (int k = 0; k < g.length; k++) {
                    assertThat(g[k])
                            .as("dZ entry %d, %s", k, kernel.name())
                            .isCloseTo(expected[k], within(1e-9 * Math.max(Math.abs(expected[k]), 1e-3 * scale)));
                }
            } else {
                assertThat(fastValue).as(kernel.name()).isCloseTo(slowValue, within(1e-5 * Math.abs(slowValue)));
                for (int k = 0; k < g.length; k++) {
                    assertThat(g[k])
                            .as("dZ entry %d, %s", k, kernel.name())
                            .isCloseTo(expected[k], within(1e-4 * scale));
                }
            }
        }
    }

    @Test
    void defaultIsTheBestFloatKernelAboveTheSmallGraphCutoffAndScalarBelow() {
        Weights big = new Weights("z", Matrix.zeros(FusedKernels.SMALL_GRAPH_NODES, 2));
        SparseMatrix bigTarget = SparseMatrix.identity(FusedKernels.SMALL_GRAPH_NODES);
        assertThat(InnerProductFullGraphBce.of(big, bigTarget, 2, 1).kernel())
                .isSameAs(InnerProductBceKernels.best(Precision.FLOAT));
        assertThat(InnerProductFullGraphBce.of(big, bigTarget, 2, 1, Precision.DOUBLE)
                        .kernel())
                .isSameAs(InnerProductBceKernels.best(Precision.DOUBLE));
        Weights small = new Weights("z", Matrix.zeros(3, 2));
        assertThat(InnerProductFullGraphBce.of(small, target(TestGraphs.triangle()), 2, 1)
                        .kernel())
                .isSameAs(InnerProductBceKernels.scalar());
    }

    @Test
    void floatKernelThroughTheOpOnAMidSizedGraph() {
        assumeTrue(FusedKernels.vectorModulePresent(), "jdk.incubator.vector is not in the boot layer");
        SparseMatrix t = target(TestGraphs.randomGraph(600, 2000, 16));
        Weights z = new Weights("z", randomMatrix(600, 16, 17));
        InnerProductFullGraphBce loss = InnerProductFullGraphBce.of(z, t, posWeight(t), norm(t), Precision.FLOAT);
        assertThat(loss.kernel().name()).isEqualTo("vector-float");
        ComputationContext fast = new ComputationContext();
        double value = fast.forward(loss).scalarValue();
        fast.backward(loss);
        InnerProductFullGraphBce exact = fused(z, t, InnerProductBceKernels.scalar());
        ComputationContext slow = new ComputationContext();
        double expected = slow.forward(exact).scalarValue();
        slow.backward(exact);
        assertThat(value).isCloseTo(expected, within(1e-5 * expected));
        double scale = slow.gradient(z).maxAbs();
        double[] g = fast.gradient(z).data();
        double[] e = slow.gradient(z).data();
        for (int k = 0; k < g.length; k++) {
            assertThat(g[k]).as("dZ entry %d", k).isCloseTo(e[k], within(1e-4 * scale));
        }
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        // 600 nodes: several triangle chunks and two correction chunks.
        SparseMatrix t = target(TestGraphs.randomGraph(600, 2400, 8));
        Weights z = new Weights("z", randomMatrix(600, 16, 9));
        ComputationContext reference = new ComputationContext();
        InnerProductFullGraphBce single = fused(z, t);
        double value = reference.forward(single).scalarValue();
        reference.backward(single);
        assertThat(single.kernel()).isSameAs(InnerProductBceKernels.best(Precision.FLOAT));
        for (int threads : new int[] {2, 4}) {
            try (Parallelism parallelism = Parallelism.of(threads)) {
                InnerProductFullGraphBce loss = fused(z, t);
                ComputationContext ctx = new ComputationContext(parallelism);
                assertThat(ctx.forward(loss).scalarValue())
                        .as("loss with %d threads", threads)
                        .isEqualTo(value);
                ctx.backward(loss);
                assertThat(ctx.gradient(z).data())
                        .as("gradient with %d threads", threads)
                        .containsExactly(reference.gradient(z).data());
            }
        }
    }

    @Test
    void finiteForHugeEmbeddings() {
        SparseMatrix t = target(TestGraphs.randomGraph(20, 30, 10));
        Weights z = new Weights("z", randomMatrix(20, 4, 11).scale(100));
        double expected = new ComputationContext().forward(naive(z, t)).scalarValue();
        List<InnerProductBceKernel> kernels = new ArrayList<>(doubleKernels());
        InnerProductBceKernels.vector(Precision.FLOAT).ifPresent(kernels::add);
        for (InnerProductBceKernel kernel : kernels) {
            InnerProductFullGraphBce loss = fused(z, t, kernel);
            ComputationContext ctx = new ComputationContext();
            double value = ctx.forward(loss).scalarValue();
            ctx.backward(loss);
            assertThat(Double.isFinite(value)).as(kernel.name()).isTrue();
            assertThat(ctx.gradient(z).firstNonFinite()).as(kernel.name()).isEqualTo(-1);
            double tolerance = kernel.precision() == Precision.DOUBLE ? 1e-9 : 1e-5;
            assertThat(value).as(kernel.name()).isCloseTo(expected, within(tolerance * value));
        }
    }

    @Test
    void rejectsBadArguments() {
        SparseMatrix t = target(TestGraphs.triangle());
        Weights z = new Weights("z", Matrix.zeros(4, 2));
        assertThatThrownBy(() -> InnerProductFullGraphBce.of(z, t, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 3)")
                .hasMessageContaining("(4, 2)");
        Weights z3 = new Weights("z", Matrix.zeros(3, 2));
        SparseMatrix unflagged = SparseMatrix.ofCoo(3, 3, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 1});
        assertThatThrownBy(() -> InnerProductFullGraphBce.of(z3, unflagged, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
        assertThatThrownBy(() -> InnerProductFullGraphBce.of(z3, t, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> InnerProductFullGraphBce.of(z3, t, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }
}
