// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.encoders.gcn.GcnEncoder;
import io.github.gae4j.encoders.sampler.GaussianSampler;
import io.github.gae4j.encoders.sampler.IdentitySampler;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoder;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class EncodersTest implements GradientCheck {

    private final Graph graph = TestGraphs.twoCommunities(6, 5, 3);
    private final GraphInput input = GraphInput.of(graph);

    /** A scalar that depends on every embedding entry and pair structure. */
    private static Variable pairLoss(Variable z) {
        int n = z.rows();
        int[] s = new int[n];
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
            d[i] = (i * 7 + 3) % n;
        }
        return Mean.of(Sigmoid.of(RowDot.of(z, s, z, d)));
    }

    @Test
    void gcnComputesTheTwoLayerFormula() {
        GcnEncoder enc = new GcnEncoder(5, 4, 3, new SplittableRandom(1));
        Matrix z =
                new ComputationContext().forward(enc.encode(input, Mode.TRAIN).mu());
        Matrix a = NormalizedAdjacency.of(graph.adjacency()).toDense();
        Matrix x = graph.featuresOrIdentity().toDense();
        Matrix h = a.multiply(x.multiply(enc.weights().get(0).data())).map(v -> Math.max(v, 0));
        Matrix expected = a.multiply(h.multiply(enc.weights().get(1).data()));
        assertThat(z.rows()).isEqualTo(12);
        assertThat(z.cols()).isEqualTo(3);
        for (int i = 0; i < z.rows(); i++) {
            for (int k = 0; k < z.cols(); k++) {
                assertThat(z.get(i, k)).isCloseTo(expected.get(i, k), within(1e-12));
            }
        }
    }

    @Test
    void gcnGradientsMatchFiniteDifferences() {
        GcnEncoder enc = new GcnEncoder(5, 4, 3, new SplittableRandom(2));
        assertGradientsMatch(
                enc.weights(), pairLoss(enc.encode(input, Mode.TRAIN).mu()));
    }

    @Test
    void gcnIsDeterministicForASeedAndDiffersAcrossSeeds() {
        Matrix a = new GcnEncoder(5, 4, 3, new SplittableRandom(7))
                .weights()
                .get(0)
                .data();
        Matrix b = new GcnEncoder(5, 4, 3, new SplittableRandom(7))
                .weights()
                .get(0)
                .data();
        Matrix c = new GcnEncoder(5, 4, 3, new SplittableRandom(8))
                .weights()
                .get(0)
                .data();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void gcnRejectsFeaturesOfTheWrongWidth() {
        GcnEncoder enc = new GcnEncoder(7, 4, 3, new SplittableRandom(2));
        assertThatThrownBy(() -> enc.encode(input, Mode.TRAIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built for 7 input features but the graph has 5");
    }

    @Test
    void featurelessGraphUsesIdentityFeatures() {
        Graph plain = TestGraphs.path(6);
        GraphInput in = GraphInput.of(plain);
        GcnEncoder enc = new GcnEncoder(6, 4, 2, new SplittableRandom(5));
        assertGradientsMatch(enc.weights(), pairLoss(enc.encode(in, Mode.TRAIN).mu()));
    }

    @Test
    void vgaeSharesW0BetweenItsHeads() {
        VariationalGcnEncoder enc = new VariationalGcnEncoder(5, 4, 3, new SplittableRandom(3));
        assertThat(enc.weights()).extracting(Weights::name).containsExactly("vgae.W0", "vgae.Wmu", "vgae.Wsigma");
        Encoding e = enc.encode(input, Mode.TRAIN);
        assertThat(e.isVariational()).isTrue();
        // μ and log σ both depend on W0: a loss of log σ alone has a gradient for W0.
        ComputationContext ctx = new ComputationContext();
        Variable loss = Sum.of(e.logStd().orElseThrow());
        ctx.backward(loss);
        assertThat(ctx.gradient(enc.weights().get(0)).maxAbs()).isGreaterThan(0);
        assertThat(ctx.gradient(enc.weights().get(1))).isNull();
    }

    @Test
    void vgaeGradientsThroughTheSamplerMatchFiniteDifferences() {
        VariationalGcnEncoder enc = new VariationalGcnEncoder(5, 4, 3, new SplittableRandom(4));
        Variable z = new GaussianSampler().sample(enc.encode(input, Mode.TRAIN), Mode.TRAIN, new SplittableRandom(9));
        assertGradientsMatch(enc.weights(), pairLoss(z));
    }

    @Test
    void vgaeClampsLogStd() {
        VariationalGcnEncoder enc = new VariationalGcnEncoder(5, 4, 3, 0.01, new SplittableRandom(4));
        // Make the log σ head large so that the clamp bites.
        java.util.Arrays.fill(enc.weights().get(2).data().data(), 50.0);
        java.util.Arrays.fill(enc.weights().get(0).data().data(), 1.0);
        Matrix logStd = new ComputationContext()
                .forward(enc.encode(input, Mode.TRAIN).logStd().orElseThrow());
        assertThat(logStd.maxAbs()).isLessThanOrEqualTo(0.01 + 1e-15);
    }

    @Test
    void gaussianSamplerIsMuInEvaluationAndNoisyInTraining() {
        VariationalGcnEncoder enc = new VariationalGcnEncoder(5, 4, 3, new SplittableRandom(4));
        Encoding e = enc.encode(input, Mode.EVAL);
        GaussianSampler sampler = new GaussianSampler();
        ComputationContext ctx = new ComputationContext();
        Matrix mu = ctx.forward(e.mu());
        assertThat(ctx.forward(sampler.sample(e, Mode.EVAL, new SplittableRandom(1))))
                .isEqualTo(mu);
        Matrix a = ctx.forward(sampler.sample(e, Mode.TRAIN, new SplittableRandom(1)));
        Matrix b = ctx.forward(sampler.sample(e, Mode.TRAIN, new SplittableRandom(1)));
        Matrix c = ctx.forward(sampler.sample(e, Mode.TRAIN, new SplittableRandom(2)));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a).isNotEqualTo(mu);
    }

    @Test
    void gaussianSamplerHasTheRightMeanAndSpread() {
        VariationalGcnEncoder enc = new VariationalGcnEncoder(5, 4, 3, new SplittableRandom(4));
        Encoding e = enc.encode(input, Mode.TRAIN);
        ComputationContext ctx = new ComputationContext();
        Matrix mu = ctx.forward(e.mu());
        Matrix sigma = ctx.forward(e.logStd().orElseThrow()).map(Math::exp);
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 4000;
        double[] sum = new double[mu.data().length];
        double[] sumSq = new double[mu.data().length];
        for (int t = 0; t < draws; t++) {
            double[] z = ctx.forward(new GaussianSampler().sample(e, Mode.TRAIN, rng))
                    .data();
            for (int k = 0; k < z.length; k++) {
                sum[k] += z[k];
                sumSq[k] += z[k] * z[k];
            }
        }
        for (int k = 0; k < sum.length; k++) {
            double mean = sum[k] / draws;
            double sd = Math.sqrt(sumSq[k] / draws - mean * mean);
            double s = sigma.data()[k];
            assertThat(mean).isCloseTo(mu.data()[k], within(5 * s / Math.sqrt(draws)));
            assertThat(sd).isCloseTo(s, within(0.1 * s));
        }
    }

    @Test
    void gaussianSamplerNeedsAVariationalEncoder() {
        Encoding e = new GcnEncoder(5, 4, 3, new SplittableRandom(1)).encode(input, Mode.TRAIN);
        assertThatThrownBy(() -> new GaussianSampler().sample(e, Mode.TRAIN, new SplittableRandom(1)))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("needs a variational encoder");
    }

    @Test
    void identitySamplerReturnsMu() {
        Encoding e = new GcnEncoder(5, 4, 3, new SplittableRandom(1)).encode(input, Mode.TRAIN);
        assertThat(new IdentitySampler().sample(e, Mode.TRAIN, new SplittableRandom(1)))
                .isSameAs(e.mu());
    }

    @Test
    void pluginIsDiscoveredByNameAndOptionsAreChecked() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThat(registry.factories(ComponentKind.ENCODER)).containsKeys("gcn", "vgae");
        assertThat(registry.factories(ComponentKind.SAMPLER)).containsKeys("gaussian", "identity");
        CreationContext ctx = new CreationContext(5, 12, 3L);
        var enc = registry.factory(ComponentKind.ENCODER, "gcn")
                .create(ComponentConfig.of("hidden", 8, "latent", 4), ctx);
        assertThat(enc.latentDim()).isEqualTo(4);
        // Same seed through the factory and by hand: same weights.
        List<Matrix> viaFactory = new ArrayList<>();
        enc.weights().forEach(w -> viaFactory.add(w.data()));
        List<Matrix> byHand = new ArrayList<>();
        new GcnEncoder(5, 8, 4, new SplittableRandom(3L)).weights().forEach(w -> byHand.add(w.data()));
        assertThat(viaFactory).isEqualTo(byHand);
        assertThatThrownBy(() -> registry.factory(ComponentKind.ENCODER, "gcn")
                        .create(ComponentConfig.of("hidden", "many").describedAs("encoder 'gcn'"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Option 'hidden' of encoder 'gcn' must be a positive integer or a comma-separated list")
                .hasMessageContaining("got 'many'");
    }
}
