// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.reconstruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Softplus;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.decoders.gravity.GravityDecoder;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.decoders.sourcetarget.SourceTargetDecoder;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code weighted-bce} on a directed training graph: all N² ordered pairs against the directed A_train + I. */
final class DirectedFullGraphBceTest implements GradientCheck {

    /** 0 → 1, 1 → 0, 1 → 2, 2 → 3, 4 → 3, 5 → 0, 6 → 2, 6 → 5; node 7 isolated. */
    private static final Graph GRAPH = Graph.builder(8)
            .name("directed")
            .directed(true)
            .edges(new int[] {0, 1, 1, 2, 4, 5, 6, 6}, new int[] {1, 0, 2, 3, 3, 0, 2, 5})
            .build();

    private static final TrainingGraph TRAINING = new TrainingGraph(GRAPH);

    private static LossInput input(Decoder decoder, Weights z) {
        return new LossInput(
                Encoding.deterministic(z), z, decoder, TRAINING, new SplittableRandom(1), new ComputationContext());
    }

    @Test
    void innerProductLossIsTheHandComputedDirectedDefinition() {
        Weights z = new Weights("z", TestGraphs.randomMatrix(8, 3, 2));
        int n = 8;
        long e = (long) GRAPH.edgeCount() + n;
        assertThat(TRAINING.reconstructionTarget().nnz()).isEqualTo((int) e);
        double pw = (n * (double) n - e) / e;
        double norm = n * (double) n / (2.0 * (n * (double) n - e));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = 0;
                for (int k = 0; k < 3; k++) {
                    x += z.data().get(i, k) * z.data().get(j, k);
                }
                boolean positive = i == j || GRAPH.adjacency().contains(i, j);
                sum += positive ? pw * Softplus.softplus(-x) : Softplus.softplus(x);
            }
        }
        double expected = norm * sum / (n * (double) n);
        for (boolean fused : new boolean[] {true, false}) {
            Variable loss = new FullGraphBceLoss(fused, true).loss(input(new InnerProductDecoder(), z));
            assertThat(new ComputationContext().forward(loss).scalarValue())
                    .as("fused %s", fused)
                    .isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void fusedAndMaterialisedAgreeForEveryDirectedDecoder() {
        for (Decoder decoder : List.of(
                new GravityDecoder(1.0, 0.01, false),
                new GravityDecoder(0.05, 0.01, true),
                new SourceTargetDecoder(),
                new InnerProductDecoder())) {
            for (boolean selfLoops : new boolean[] {true, false}) {
                Weights z = new Weights("z", TestGraphs.randomMatrix(8, 4, 3));
                Variable fused = new FullGraphBceLoss(true, selfLoops).loss(input(decoder, z));
                Variable dense = new FullGraphBceLoss(false, selfLoops).loss(input(decoder, z));
                ComputationContext a = new ComputationContext();
                double expected = a.forward(dense).scalarValue();
                a.backward(dense);
                ComputationContext b = new ComputationContext();
                assertThat(b.forward(fused).scalarValue()).as("%s", decoder).isCloseTo(expected, within(1e-12));
                b.backward(fused);
                double[] g = b.gradient(z).data();
                double[] e = a.gradient(z).data();
                for (int k = 0; k < g.length; k++) {
                    assertThat(g[k]).as("%s, dZ entry %d", decoder, k).isCloseTo(e[k], within(1e-12));
                }
                assertGradientsMatch(List.of(z), fused);
            }
        }
    }

    @Test
    void directedAndUndirectedTargetsDiffer() {
        Weights z = new Weights("z", TestGraphs.randomMatrix(8, 4, 4));
        TrainingGraph undirected = new TrainingGraph(GRAPH.asUndirected());
        Variable directed = new FullGraphBceLoss().loss(input(new SourceTargetDecoder(), z));
        Variable symmetric = new FullGraphBceLoss()
                .loss(new LossInput(
                        Encoding.deterministic(z),
                        z,
                        new SourceTargetDecoder(),
                        undirected,
                        new SplittableRandom(1),
                        new ComputationContext()));
        assertThat(new ComputationContext().forward(directed).scalarValue())
                .isNotEqualTo(new ComputationContext().forward(symmetric).scalarValue());
    }
}
