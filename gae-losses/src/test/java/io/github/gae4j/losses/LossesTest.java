// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Softplus;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.losses.kl.KlLoss;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
import io.github.gae4j.losses.reconstruction.NegativeSamplingBceLoss;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class LossesTest implements GradientCheck {

    private final Graph graph = TestGraphs.twoCommunities(8, 3, 5);
    private final TrainingGraph training = new TrainingGraph(graph);

    private LossInput input(Encoding encoding, long seed) {
        return new LossInput(
                encoding,
                encoding.mu(),
                new InnerProductDecoder(),
                training,
                new SplittableRandom(seed),
                new ComputationContext());
    }

    @Test
    void weightsFollowTheReferenceFormulas() {
        double[] w = FullGraphBceLoss.weights(10, 30);
        assertThat(w[0]).isCloseTo((100.0 - 30) / 30, within(1e-15));
        assertThat(w[1]).isCloseTo(100.0 / (2 * 70), within(1e-15));
        assertThatThrownBy(() -> FullGraphBceLoss.weights(3, 9))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("0 < E < N²");
    }

    @Test
    void fullGraphLossEqualsTheHandComputedDefinition() {
        Weights z = new Weights("z", TestGraphs.randomMatrix(graph.nodeCount(), 4, 3));
        Variable fused = new FullGraphBceLoss().loss(input(Encoding.deterministic(z), 1));
        int n = graph.nodeCount();
        long e = training.reconstructionTarget().nnz();
        double pw = (n * (double) n - e) / e;
        double norm = n * (double) n / (2.0 * (n * (double) n - e));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = 0;
                for (int k = 0; k < 4; k++) {
                    x += z.data().get(i, k) * z.data().get(j, k);
                }
                boolean positive = i == j || graph.adjacency().contains(i, j);
                sum += positive ? pw * Softplus.softplus(-x) : Softplus.softplus(x);
            }
        }
        double expected = norm * sum / (n * (double) n);
        assertThat(new ComputationContext().forward(fused).scalarValue()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void fusedAndMaterialisedFullGraphLossAgreeInValueAndGradient() {
        Weights z = new Weights("z", TestGraphs.randomMatrix(graph.nodeCount(), 4, 4));
        Variable fused = new FullGraphBceLoss(true, true).loss(input(Encoding.deterministic(z), 1));
        Variable dense = new FullGraphBceLoss(false, true).loss(input(Encoding.deterministic(z), 1));
        ComputationContext a = new ComputationContext();
        ComputationContext b = new ComputationContext();
        a.backward(fused);
        b.backward(dense);
        double va = a.data(fused).scalarValue();
        assertThat(va).isCloseTo(b.data(dense).scalarValue(), within(1e-12 * Math.abs(va)));
        double[] ga = a.gradient(z).data();
        double[] gb = b.gradient(z).data();
        for (int k = 0; k < ga.length; k++) {
            assertThat(ga[k]).isCloseTo(gb[k], within(1e-12 + 1e-9 * Math.abs(gb[k])));
        }
        assertGradientsMatch(List.of(z), dense);
    }

    @Test
    void referenceWeightingWithoutSelfLoopsIsAvailable() {
        Weights z = new Weights("z", TestGraphs.randomMatrix(graph.nodeCount(), 4, 4));
        double withLoops = new ComputationContext()
                .forward(new FullGraphBceLoss(true, true).loss(input(Encoding.deterministic(z), 1)))
                .scalarValue();
        double without = new ComputationContext()
                .forward(new FullGraphBceLoss(true, false).loss(input(Encoding.deterministic(z), 1)))
                .scalarValue();
        assertThat(withLoops).isNotEqualTo(without);
    }

    @Test
    void negativeSamplingDrawsFreshNegativesAndHasExactGradients() {
        Weights z = new Weights("z", TestGraphs.randomMatrix(graph.nodeCount(), 4, 6));
        NegativeSamplingBceLoss loss = new NegativeSamplingBceLoss(1.0);
        double a = new ComputationContext()
                .forward(loss.loss(input(Encoding.deterministic(z), 1)))
                .scalarValue();
        double b = new ComputationContext()
                .forward(loss.loss(input(Encoding.deterministic(z), 1)))
                .scalarValue();
        double c = new ComputationContext()
                .forward(loss.loss(input(Encoding.deterministic(z), 2)))
                .scalarValue();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertGradientsMatch(List.of(z), loss.loss(input(Encoding.deterministic(z), 3)));
    }

    @Test
    void klMatchesTheClosedFormWithTheReferenceWeight() {
        Weights mu = new Weights("mu", TestGraphs.randomMatrix(graph.nodeCount(), 3, 7));
        Weights logStd = new Weights(
                "logStd", TestGraphs.randomMatrix(graph.nodeCount(), 3, 8).scale(0.5));
        Variable kl = KlLoss.reference().loss(input(Encoding.gaussian(mu, logStd), 1));
        int n = graph.nodeCount();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                double m = mu.data().get(i, k);
                double l = logStd.data().get(i, k);
                sum += 1 + 2 * l - m * m - Math.exp(2 * l);
            }
        }
        double expected = -(0.5 / n) * (sum / n);
        assertThat(new ComputationContext().forward(kl).scalarValue()).isCloseTo(expected, within(1e-14));
        assertGradientsMatch(List.of(mu, logStd), kl);
        Variable beta = new KlLoss(OptionalDouble.of(2.0)).loss(input(Encoding.gaussian(mu, logStd), 1));
        assertThat(new ComputationContext().forward(beta).scalarValue()).isCloseTo(expected * n * 2, within(1e-12));
    }

    @Test
    void klNeedsAVariationalEncoder() {
        Weights mu = new Weights("mu", Matrix.zeros(graph.nodeCount(), 2));
        assertThatThrownBy(() -> KlLoss.reference().loss(input(Encoding.deterministic(mu), 1)))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("Loss 'kl' needs a variational encoder");
    }

    @Test
    void lossesAreDiscoveredByNameWithTheirOptions() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThat(registry.factories(ComponentKind.LOSS)).containsKeys("weighted-bce", "negative-sampling-bce", "kl");
        assertThat(ComponentFactory.optionNames(registry.factory(ComponentKind.LOSS, "kl")))
                .containsExactly("beta");
        var ctx = new CreationContext(3, 16, 1);
        assertThat(registry.factory(ComponentKind.LOSS, "weighted-bce")
                        .create(ComponentConfig.of("fused", "false"), ctx))
                .isInstanceOf(FullGraphBceLoss.class);
    }
}
