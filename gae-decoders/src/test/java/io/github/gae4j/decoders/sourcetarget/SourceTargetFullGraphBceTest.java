// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

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
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FusedKernels;
import io.github.gae4j.decoders.fused.Precision;
import io.github.gae4j.decoders.innerproduct.InnerProductBceKernels;
import io.github.gae4j.decoders.innerproduct.InnerProductFullGraphBce;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SourceTargetFullGraphBceTest implements GradientCheck {

    private static Variable naive(Variable s, Variable t, SparseMatrix target) {
        EdgeList pairs = allPairs(target.rows());
        Variable logits = RowDot.of(s, pairs.srcArray(), t, pairs.dstArray());
        return Scale.of(BceWithLogits.of(logits, labels(target), posWeight(target)), norm(target));
    }

    private static SourceTargetFullGraphBce fused(
            Variable s, Variable t, SparseMatrix target, SourceTargetBceKernel kernel) {
        return SourceTargetFullGraphBce.of(s, t, target, posWeight(target), norm(target), kernel);
    }

    private static List<SourceTargetBceKernel> kernels() {
        List<SourceTargetBceKernel> kernels = new ArrayList<>();
        kernels.add(SourceTargetBceKernels.scalar());
        SourceTargetBceKernels.vector().ifPresent(kernels::add);
        return kernels;
    }

    @Test
    void matchesTheNaiveLossAndGradientsOverAllOrderedPairs() {
        SparseMatrix target = directedTarget(150, 500, 21);
        Weights s = new Weights("s", randomMatrix(150, 8, 22));
        Weights t = new Weights("t", randomMatrix(150, 8, 23));
        Variable reference = naive(s, t, target);
        ComputationContext slow = new ComputationContext();
        double expected = slow.forward(reference).scalarValue();
        slow.backward(reference);
        for (SourceTargetBceKernel kernel : kernels()) {
            SourceTargetFullGraphBce loss = fused(s, t, target, kernel);
            ComputationContext fast = new ComputationContext();
            double value = fast.forward(loss).scalarValue();
            fast.backward(loss);
            boolean exact = kernel.precision() == Precision.DOUBLE;
            assertThat(value)
                    .as("loss, %s", kernel.name())
                    .isCloseTo(expected, within((exact ? 1e-9 : 1e-5) * Math.abs(expected)));
            assertClose(fast.gradient(s), slow.gradient(s), exact, "dS, " + kernel.name());
            assertClose(fast.gradient(t), slow.gradient(t), exact, "dT, " + kernel.name());
        }
    }

    @Test
    void oneEmbeddingForBothSidesIsTheInnerProductOnADirectedTarget() {
        SparseMatrix target = directedTarget(120, 400, 24);
        Weights z = new Weights("z", randomMatrix(120, 6, 25));
        Variable reference = naive(z, z, target);
        ComputationContext slow = new ComputationContext();
        double expected = slow.forward(reference).scalarValue();
        slow.backward(reference);
        for (SourceTargetBceKernel kernel : kernels()) {
            SourceTargetFullGraphBce loss = fused(z, z, target, kernel);
            assertThat(loss.parents()).containsExactly(z);
            ComputationContext fast = new ComputationContext();
            double value = fast.forward(loss).scalarValue();
            fast.backward(loss);
            boolean exact = kernel.precision() == Precision.DOUBLE;
            assertThat(value).isCloseTo(expected, within((exact ? 1e-9 : 1e-5) * Math.abs(expected)));
            assertClose(fast.gradient(z), slow.gradient(z), exact, "dZ, " + kernel.name());
        }
    }

    @Test
    void onASymmetricTargetTheSharedEmbeddingMatchesTheInnerProductKernel() {
        SparseMatrix target = NormalizedAdjacency.withSelfLoops(
                TestGraphs.randomGraph(100, 300, 26).adjacency());
        Weights z = new Weights("z", randomMatrix(100, 5, 27));
        InnerProductFullGraphBce symmetric = InnerProductFullGraphBce.of(
                z, target, posWeight(target), norm(target), InnerProductBceKernels.scalar());
        ComputationContext a = new ComputationContext();
        double expected = a.forward(symmetric).scalarValue();
        a.backward(symmetric);
        SourceTargetFullGraphBce directed = fused(z, z, target, SourceTargetBceKernels.scalar());
        ComputationContext b = new ComputationContext();
        assertThat(b.forward(directed).scalarValue()).isCloseTo(expected, within(1e-10 * expected));
        b.backward(directed);
        assertClose(b.gradient(z), a.gradient(z), true, "dZ");
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SparseMatrix target = directedTarget(11, 25, 28);
        Weights s = new Weights("s", randomMatrix(11, 3, 29));
        Weights t = new Weights("t", randomMatrix(11, 3, 30));
        assertGradientsMatch(List.of(s, t), fused(s, t, target, SourceTargetBceKernels.scalar()));
        Weights z = new Weights("z", randomMatrix(11, 4, 31));
        Variable halves = SourceTargetFullGraphBce.of(
                ColumnSlice.of(z, 0, 2),
                ColumnSlice.of(z, 2, 4),
                target,
                posWeight(target),
                norm(target),
                SourceTargetBceKernels.scalar());
        assertGradientsMatch(List.of(z), Scale.of(halves, 0.7));
        assertGradientsMatch(List.of(z), fused(z, z, target, SourceTargetBceKernels.scalar()));
    }

    @Test
    void vectorKernelAgreesWithTheScalarOneOnAMidSizedGraph() {
        assumeTrue(FusedKernels.vectorModulePresent(), "jdk.incubator.vector is not in the boot layer");
        SparseMatrix target = directedTarget(603, 3000, 32);
        Weights s = new Weights("s", randomMatrix(603, 17, 33));
        Weights t = new Weights("t", randomMatrix(603, 17, 34));
        ComputationContext slow = new ComputationContext();
        SourceTargetFullGraphBce exact = fused(s, t, target, SourceTargetBceKernels.scalar());
        double expected = slow.forward(exact).scalarValue();
        slow.backward(exact);
        SourceTargetFullGraphBce loss = SourceTargetFullGraphBce.of(s, t, target, posWeight(target), norm(target));
        assertThat(loss.kernel().name()).isEqualTo("vector-float");
        ComputationContext fast = new ComputationContext();
        assertThat(fast.forward(loss).scalarValue()).isCloseTo(expected, within(1e-5 * expected));
        fast.backward(loss);
        assertClose(fast.gradient(s), slow.gradient(s), false, "dS");
        assertClose(fast.gradient(t), slow.gradient(t), false, "dT");
    }

    @Test
    void bitwiseIdenticalForAnyThreadCount() {
        SparseMatrix target = directedTarget(600, 2400, 35);
        Weights s = new Weights("s", randomMatrix(600, 8, 36));
        Weights t = new Weights("t", randomMatrix(600, 8, 37));
        for (SourceTargetBceKernel kernel : kernels()) {
            ComputationContext reference = new ComputationContext();
            SourceTargetFullGraphBce single = fused(s, t, target, kernel);
            double value = reference.forward(single).scalarValue();
            reference.backward(single);
            for (int threads : new int[] {2, 3}) {
                try (Parallelism parallel = Parallelism.of(threads)) {
                    SourceTargetFullGraphBce multi = fused(s, t, target, kernel);
                    ComputationContext ctx = new ComputationContext(parallel);
                    assertThat(ctx.forward(multi).scalarValue())
                            .as("%s, %d threads", kernel.name(), threads)
                            .isEqualTo(value);
                    ctx.backward(multi);
                    assertThat(ctx.gradient(s).data())
                            .isEqualTo(reference.gradient(s).data());
                    assertThat(ctx.gradient(t).data())
                            .isEqualTo(reference.gradient(t).data());
                }
            }
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        SparseMatrix target = directedTarget(11, 25, 28);
        Weights s = new Weights("s", randomMatrix(11, 3, 29));
        Weights t = new Weights("t", randomMatrix(11, 2, 30));
        assertThatThrownBy(() -> SourceTargetFullGraphBce.of(s, t, target, 2, 1))
                .hasMessageContaining("differ in shape");
    }
}
