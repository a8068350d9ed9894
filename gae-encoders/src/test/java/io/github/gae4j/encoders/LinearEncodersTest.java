// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.GaussianKl;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.encoders.linear.LinearEncoder;
import io.github.gae4j.encoders.linear.VariationalLinearEncoder;
import io.github.gae4j.encoders.sampler.GaussianSampler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class LinearEncodersTest implements GradientCheck {

    private final Graph graph = TestGraphs.twoCommunities(6, 5, 3);
    private final GraphInput input = GraphInput.of(graph);

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

    private void assertEqualsDense(Matrix actual, Matrix expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        for (int i = 0; i < actual.rows(); i++) {
            for (int k = 0; k < actual.cols(); k++) {
                assertThat(actual.get(i, k)).isCloseTo(expected.get(i, k), within(1e-12));
            }
        }
    }

    @Test
    void linearIsOneHopWithoutActivation() {
        LinearEncoder enc = new LinearEncoder(5, 3, new SplittableRandom(1));
        assertThat(enc.weights()).extracting(Weights::name).containsExactly("linear.W");
        Matrix a = NormalizedAdjacency.of(graph.adjacency()).toDense();
        Matrix x = graph.featuresOrIdentity().toDense();
        Matrix expected = a.multiply(x.multiply(enc.weights().get(0).data()));
        assertEqualsDense(
                new ComputationContext().forward(enc.encode(input, Mode.TRAIN).mu()), expected);
        // Linear: some entries are negative (no ReLU anywhere).
        assertThat(Arrays.stream(expected.data()).anyMatch(v -> v < 0)).isTrue();
        // Glorot-uniform from the given generator.
        assertThat(enc.weights().get(0).data()).isEqualTo(GlorotUniform.sample(5, 3, new SplittableRandom(1)));
    }

    @Test
    void linearGradientsMatchFiniteDifferences() {
        LinearEncoder enc = new LinearEncoder(5, 3, new SplittableRandom(2));
        assertGradientsMatch(
                enc.weights(), pairLoss(enc.encode(input, Mode.TRAIN).mu()));
    }

    @Test
    void linearVgaeHasTwoIndependentLinearHeads() {
        VariationalLinearEncoder enc = new VariationalLinearEncoder(5, 3, new SplittableRandom(3));
        assertThat(enc.weights()).extracting(Weights::name).containsExactly("linear-vgae.Wmu", "linear-vgae.Wsigma");
        SplittableRandom draws = new SplittableRandom(3);
        assertThat(enc.weights().get(0).data()).isEqualTo(GlorotUniform.sample(5, 3, draws));
        assertThat(enc.weights().get(1).data()).isEqualTo(GlorotUniform.sample(5, 3, draws));
        Encoding e = enc.encode(input, Mode.TRAIN);
        assertThat(e.isVariational()).isTrue();
        Matrix a = NormalizedAdjacency.of(graph.adjacency()).toDense();
        Matrix x = graph.featuresOrIdentity().toDense();
        ComputationContext ctx = new ComputationContext();
        assertEqualsDense(
                ctx.forward(e.mu()), a.multiply(x.multiply(enc.weights().get(0).data())));
        assertEqualsDense(
                ctx.forward(e.logStd().orElseThrow()),
                a.multiply(x.multiply(enc.weights().get(1).data())));
        // log σ does not depend on Wμ.
        ctx.backward(Mean.of(e.logStd().orElseThrow()));
        assertThat(ctx.gradient(enc.weights().get(0))).isNull();
    }

    @Test
    void linearVgaeClampsLogStdAsVgaeDoes() {
        VariationalLinearEncoder enc = new VariationalLinearEncoder(5, 3, 0.01, new SplittableRandom(4));
        Arrays.fill(enc.weights().get(1).data().data(), 50.0);
        Matrix logStd = new ComputationContext()
                .forward(enc.encode(input, Mode.TRAIN).logStd().orElseThrow());
        assertThat(logStd.maxAbs()).isLessThanOrEqualTo(0.01 + 1e-15);
        assertThatThrownBy(() -> new VariationalLinearEncoder(5, 3, 0.0, new SplittableRandom(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxLogStd");
    }

    @Test
    void linearVgaeGradientsThroughTheGaussianSamplerAndKlMatchFiniteDifferences() {
        VariationalLinearEncoder enc = new VariationalLinearEncoder(5, 3, new SplittableRandom(5));
        Encoding e = enc.encode(input, Mode.TRAIN);
        Variable z = new GaussianSampler().sample(e, Mode.TRAIN, new SplittableRandom(9));
        Variable loss = Add.of(pairLoss(z), GaussianKl.of(e.mu(), e.logStd().orElseThrow()));
        assertGradientsMatch(enc.weights(), loss);
        // In evaluation the sampler gives μ.
        Encoding eval = enc.encode(input, Mode.EVAL);
        assertThat(new GaussianSampler().sample(eval, Mode.EVAL, new SplittableRandom(1)))
                .isSameAs(eval.mu());
    }

    @Test
    void factoriesAreRegisteredAndSeeded() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThat(registry.factories(ComponentKind.ENCODER)).containsKeys("linear", "linear-vgae");
        CreationContext ctx = new CreationContext(5, 12, 11L);
        Encoder linear = registry.factory(ComponentKind.ENCODER, "linear").create(ComponentConfig.empty(), ctx);
        assertThat(linear.latentDim()).isEqualTo(16);
        assertThat(linear.weights().get(0).data()).isEqualTo(GlorotUniform.sample(5, 16, new SplittableRandom(11L)));
        Encoder vae = registry.factory(ComponentKind.ENCODER, "linear-vgae")
                .create(ComponentConfig.of("latent", 4, "max-log-std", 5), ctx);
        assertThat(vae.latentDim()).isEqualTo(4);
        assertThatThrownBy(() -> registry.factory(ComponentKind.ENCODER, "linear")
                        .create(ComponentConfig.of("latent", 0).describedAs("encoder 'linear'"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'latent' of encoder 'linear' must be a positive integer, got '0'");
    }

    @Test
    void rejectsFeaturesOfTheWrongWidth() {
        LinearEncoder enc = new LinearEncoder(7, 3, new SplittableRandom(2));
        assertThatThrownBy(() -> enc.encode(input, Mode.TRAIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built for 7 input features but the graph has 5");
    }
}
