// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import static io.github.gae4j.decoders.fused.FusedTestSupport.allPairs;
import static io.github.gae4j.decoders.fused.FusedTestSupport.assertClose;
import static io.github.gae4j.decoders.fused.FusedTestSupport.directedTarget;
import static io.github.gae4j.decoders.fused.FusedTestSupport.labels;
import static io.github.gae4j.decoders.fused.FusedTestSupport.norm;
import static io.github.gae4j.decoders.fused.FusedTestSupport.posWeight;
import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.autodiff.functions.ColumnSlice;
import io.github.gae4j.core.autodiff.functions.RowL2Normalize;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FusedKernels;
import io.github.gae4j.decoders.fused.Precision;
import io.github.gae4j.testkit.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GravityFullGraphBceTest implements GradientCheck {

    /** The same loss the slow way: the N² logits of {@link GravityLogits}, then weighted BCE. */
    private static Variable naive(Variable p, Variable m, SparseMatrix t, double lambda, double epsilon) {
        Variable logits = GravityLogits.of(p, m, allPairs(t.rows()), lambda, epsilon);
        return Scale.of(BceWithLogits.of(logits, labels(t), posWeight(t)), norm(t));
    }

    private static GravityFullGraphBce fused(
            Variable p, Variable m, SparseMatrix t, double lambda, double epsilon, GravityBceKernel kernel) {
        return GravityFullGraphBce.of(p, m, t, posWeight(t), norm(t), lambda, epsilon, kernel);
    }

    private static List<GravityBceKernel> kernels() {
        List<GravityBceKernel> kernels = new ArrayList<>();
        kernels.add(GravityBceKernels.scalar());
        GravityBceKernels.vector().ifPresent(kernels::add);
        return kernels;
    }

    @Test
    void matchesTheNaiveLossAndGradientsOverAllOrderedPairs() {
        for (double lambda : new double[] {1.0, 0.05}) {
            SparseMatrix t = directedTarget(150, 500, 1);
            Weights p = new Weights("p", randomMatrix(150, 8, 2));
            Weights m = new Weights("m", randomMatrix(150, 1, 3).scale(2));
            Variable reference = naive(p, m, t, lambda, 0.01);
            ComputationContext slow = new ComputationContext();
            double expected = slow.forward(reference).scalarValue();
            slow.backward(reference);
            for (GravityBceKernel kernel : kernels()) {
                GravityFullGraphBce loss = fused(p, m, t, lambda, 0.01, kernel);
                ComputationContext fast = new ComputationContext();
                double value = fast.forward(loss).scalarValue();
                fast.backward(loss);
                boolean exact = kernel.precision() == Precision.DOUBLE;
                assertThat(value)
                        .as("loss, %s, λ = %s", kernel.name(), lambda)
                        .isCloseTo(expected, within((exact ? 1e-9 : 1e-5) * Math.abs(expected)));
                assertClose(fast.gradient(p), slow.gradient(p), exact, "dP, " + kernel.name());
                assertClose(fast.gradient(m), slow.gradient(m), exact, "dm, " + kernel.name());
            }
        }
    }

    /** Within 1e-9 (double; relative, floored at 1e-3 of the largest entry) or 1e-4 of the largest entry (float). */
    @Test
    void gradientsMatchFiniteDifferences() {
        SparseMatrix t = directedTarget(12, 25, 4);
        Weights p = new Weights("p", randomMatrix(12, 3, 5));
        Weights m = new Weights("m", randomMatrix(12, 1, 6));
        assertGradientsMatch(List.of(p, m), fused(p, m, t, 1.0, 0.01, GravityBceKernels.scalar()));
        assertGradientsMatch(List.of(p, m), Scale.of(fused(p, m, t, 0.3, 0.5, GravityBceKernels.scalar()), -1.5));
    }

    @Test
    void gradientThroughSlicesAndNormalisationOfOneEmbedding() {
        SparseMatrix t = directedTarget(10, 20, 7);
        Weights z = new Weights("z", randomMatrix(10, 4, 8));
        Variable positions = RowL2Normalize.of(ColumnSlice.of(z, 0, 3));
        Variable mass = ColumnSlice.of(z, 3, 4);
        assertGradientsMatch(List.of(z), fused(positions, mass, t, 1.0, 0.01, GravityBceKernels.scalar()));
    }

    @Test
    void vectorKernelAgreesWithTheScalarOneOnAMidSizedGraph() {
        assumeTrue(FusedKernels.vectorModulePresent(), "jdk.incubator.vector is not in the boot layer");
        // 600 nodes: two column blocks, several triangle chunks, diagonal and end tiles.
        SparseMatrix t = directedTarget(601, 3000, 9);
        Weights p = new Weights("p", randomMatrix(601, 33, 10));
        Weights m = new Weights("m", randomMatrix(601, 1, 11).scale(3));
        ComputationContext slow = new ComputationContext();
        GravityFullGraphBce exact = fused(p, m, t, 1.0, 0.01, GravityBceKernels.scalar());
        double expected = slow.forward(exact).scalarValue();
        slow.backward(exact);
        GravityFullGraphBce loss = GravityFullGraphBce.of(p, m, t, posWeight(t), norm(t), 1.0, 0.01);
        assertThat(loss.kernel().name()).isEqualTo("vector-float");
        ComputationContext fast = new ComputationContext();
        assertThat(fast.forward(loss).scalarValue()).isCloseTo(expected, within(1e-5 * expected));
        fast.backward(loss);
        assertClose(fast.gradient(p), slow.gradient(p), false, "dP");
        assertClose(fast.gradient(m), slow.gradient(m), false, "dm");
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        SparseMatrix t = directedTarget(600, 2400, 12);
        Weights p = new Weights("p", randomMatrix(600, 8, 13));
        Weights m = new Weights("m", randomMatrix(600, 1, 14));
        for (GravityBceKernel kernel : kernels()) {
            ComputationContext reference = new ComputationContext();
            GravityFullGraphBce single = fused(p, m, t, 1.0, 0.01, kernel);
            double value = reference.forward(single).scalarValue();
            reference.backward(single);
            for (int threads : new int[] {2, 3}) {
                try (Parallelism parallel = Parallelism.of(threads)) {
                    GravityFullGraphBce multi = fused(p, m, t, 1.0, 0.01, kernel);
                    ComputationContext ctx = new ComputationContext(parallel);
                    assertThat(ctx.forward(multi).scalarValue())
                            .as("%s, %d threads", kernel.name(), threads)
                            .isEqualTo(value);
                    ctx.backward(multi);
                    assertThat(ctx.gradient(p).data())
                            .isEqualTo(reference.gradient(p).data());
                    assertThat(ctx.gradient(m).data())
                            .isEqualTo(reference.gradient(m).data());
                }
            }
        }
    }

    @Test
    void defaultKernelIsScalarForSmallGraphs() {
        SparseMatrix t = directedTarget(12, 25, 4);
        Weights p = new Weights("p", randomMatrix(12, 3, 5));
        Weights m = new Weights("m", randomMatrix(12, 1, 6));
        assertThat(GravityFullGraphBce.of(p, m, t, 2, 1, 1, 0.01).kernel()).isSameAs(GravityBceKernels.scalar());
    }

    @Test
    void rejectsBadShapesAndSettings() {
        SparseMatrix t = directedTarget(12, 25, 4);
        Weights p = new Weights("p", randomMatrix(12, 3, 5));
        Weights m = new Weights("m", randomMatrix(12, 1, 6));
        assertThatThrownBy(() -> GravityFullGraphBce.of(p, p, t, 2, 1, 1, 0.01))
                .hasMessageContaining("masses must be (12, 1)");
        assertThatThrownBy(() -> GravityFullGraphBce.of(p, m, t, 2, 1, 1, 0.0))
                .hasMessageContaining("epsilon positive");
        assertThatThrownBy(() -> GravityFullGraphBce.of(p, m, SparseMatrix.identity(5), 2, 1, 1, 0.01))
                .hasMessageContaining("does not match 12 nodes");
    }
}
