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
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.encoders.gat.GatEncoder;
import io.github.gae4j.encoders.gat.GatEncoderFactory;
import io.github.gae4j.encoders.gat.GatOptions;
import io.github.gae4j.encoders.gcn.Activation;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class GatEncoderTest implements GradientCheck {

    private final Graph graph = TestGraphs.twoCommunities(6, 5, 3);
    private final GraphInput input = GraphInput.of(graph);

    private static Encoder create(ComponentConfig config, int inputDim, long seed) {
        return new GatEncoderFactory().create(config, new CreationContext(inputDim, 12, seed));
    }

    private static Matrix forward(Variable v) {
        return new ComputationContext().forward(v);
    }

    private static Map<String, Weights> byName(Encoder encoder) {
        return encoder.weights().stream().collect(Collectors.toMap(Weights::name, w -> w));
    }

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

    /** One GAT layer written out densely: x = h W; per head softmax over j ∈ N(i) ∪ {i} of LeakyReLU(...). */
    private static Matrix referenceLayer(
            Graph graph,
            Matrix h,
            Weights w,
            Weights src,
            Weights dst,
            Weights bias,
            int heads,
            boolean concat,
            boolean elu) {
        Matrix x = h.multiply(w.data());
        int n = graph.nodeCount();
        int f = x.cols() / heads;
        Matrix out = Matrix.zeros(n, concat ? heads * f : f);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < heads; k++) {
                double[] logits = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (j != i && graph.adjacency().get(i, j) == 0) {
                        logits[j] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    double raw = 0;
                    for (int c = 0; c < f; c++) {
                        raw += src.data().get(0, k * f + c) * x.get(j, k * f + c)
                                + dst.data().get(0, k * f + c) * x.get(i, k * f + c);
                    }
                    logits[j] = raw > 0 ? raw : 0.2 * raw;
                    max = Math.max(max, logits[j]);
                }
                double z = 0;
                for (int j = 0; j < n; j++) {
                    z += Math.exp(logits[j] - max);
                }
                for (int j = 0; j < n; j++) {
                    double alpha = Math.exp(logits[j] - max) / z;
                    for (int c = 0; c < f; c++) {
                        int col = concat ? k * f + c : c;
                        out.add(i, col, (concat ? 1.0 : 1.0 / heads) * alpha * x.get(j, k * f + c));
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < out.cols(); c++) {
                double v = out.get(i, c) + bias.data().get(0, c);
                out.set(i, c, elu && v <= 0 ? Math.expm1(v) : v);
            }
        }
        return out;
    }

    @Test
    void computesTheGatFormula() {
        Encoder enc = create(ComponentConfig.of("hidden", 3, "heads", 2, "out-heads", 2, "latent", 4), 5, 1);
        Map<String, Weights> w = byName(enc);
        assertThat(enc.weights())
                .extracting(Weights::name)
                .containsExactly(
                        "gat.W0",
                        "gat.attSrc0",
                        "gat.attDst0",
                        "gat.b0",
                        "gat.W1",
                        "gat.attSrc1",
                        "gat.attDst1",
                        "gat.b1");
        assertThat(w.get("gat.W0").data().shape()).isEqualTo("(5, 6)");
        assertThat(w.get("gat.attSrc1").data().shape()).isEqualTo("(1, 8)");
        assertThat(w.get("gat.b1").data().shape()).isEqualTo("(1, 4)");
        // Non-zero biases, so that they are checked too.
        SplittableRandom r = new SplittableRandom(9);
        for (String b : List.of("gat.b0", "gat.b1")) {
            double[] d = w.get(b).data().data();
            for (int k = 0; k < d.length; k++) {
                d[k] = r.nextDouble() - 0.5;
            }
        }
        Matrix h = referenceLayer(
                graph,
                graph.featuresOrIdentity().toDense(),
                w.get("gat.W0"),
                w.get("gat.attSrc0"),
                w.get("gat.attDst0"),
                w.get("gat.b0"),
                2,
                true,
                true);
        Matrix expected = referenceLayer(
                graph,
                h,
                w.get("gat.W1"),
                w.get("gat.attSrc1"),
                w.get("gat.attDst1"),
                w.get("gat.b1"),
                2,
                false,
                false);
        for (Mode mode : Mode.values()) {
            Matrix z = forward(enc.encode(input, mode, new SplittableRandom(3)).mu());
            assertThat(z.rows()).isEqualTo(12);
            assertThat(z.cols()).isEqualTo(4);
            for (int i = 0; i < 12; i++) {
                for (int c = 0; c < 4; c++) {
                    assertThat(z.get(i, c)).isCloseTo(expected.get(i, c), within(1e-12));
                }
            }
        }
    }

    @Test
    void preluWithActivatedOutputComputesTheGatFormulaWithALearnableSlopePerLayer() {
        Encoder enc = create(
                ComponentConfig.of(
                        "hidden",
                        3,
                        "heads",
                        2,
                        "out-heads",
                        2,
                        "latent",
                        4,
                        "activation",
                        "prelu",
                        "activate-output",
                        true),
                5,
                1);
        Map<String, Weights> w = byName(enc);
        assertThat(enc.weights())
                .extracting(Weights::name)
                .containsExactly(
                        "gat.W0",
                        "gat.attSrc0",
                        "gat.attDst0",
                        "gat.b0",
                        "gat.prelu0",
                        "gat.W1",
                        "gat.attSrc1",
                        "gat.attDst1",
                        "gat.b1",
                        "gat.prelu1");
        assertThat(w.get("gat.prelu0").data().toArray()).isEqualTo(new double[][] {{0.25}});
        w.get("gat.prelu0").data().set(0, 0, 0.1);
        w.get("gat.prelu1").data().set(0, 0, -0.3);
        Matrix h = prelu(
                referenceLayer(
                        graph,
                        graph.featuresOrIdentity().toDense(),
                        w.get("gat.W0"),
                        w.get("gat.attSrc0"),
                        w.get("gat.attDst0"),
                        w.get("gat.b0"),
                        2,
                        true,
                        false),
                0.1);
        Matrix expected = prelu(
                referenceLayer(
                        graph,
                        h,
                        w.get("gat.W1"),
                        w.get("gat.attSrc1"),
                        w.get("gat.attDst1"),
                        w.get("gat.b1"),
                        2,
                        false,
                        false),
                -0.3);
        Matrix z = forward(enc.encode(input, Mode.EVAL).mu());
        for (int i = 0; i < 12; i++) {
            for (int c = 0; c < 4; c++) {
                assertThat(z.get(i, c)).isCloseTo(expected.get(i, c), within(1e-12));
            }
        }
        assertGradientsMatch(
                enc.weights(), pairLoss(enc.encode(input, Mode.EVAL).mu()));
    }

    private static Matrix prelu(Matrix x, double slope) {
        Matrix out = x.copy();
        for (int i = 0; i < x.rows(); i++) {
            for (int c = 0; c < x.cols(); c++) {
                double v = x.get(i, c);
                out.set(i, c, v > 0 ? v : slope * v);
            }
        }
        return out;
    }

    @Test
    void latentIsTheOutputWidthWhetherHeadsAreAveragedOrConcatenated() {
        assertThat(create(ComponentConfig.of("hidden", 2, "out-heads", 3, "latent", 6), 5, 1)
                        .latentDim())
                .isEqualTo(6);
        Encoder concat = create(ComponentConfig.of("hidden", 2, "out-heads", 3, "latent", 6, "concat-out", true), 5, 1);
        assertThat(concat.latentDim()).isEqualTo(6);
        assertThat(byName(concat).get("gat.W1").data().shape()).isEqualTo("(8, 6)");
        assertThat(forward(concat.encode(input, Mode.EVAL).mu()).shape()).isEqualTo("(12, 6)");
        assertThatThrownBy(() -> create(ComponentConfig.of("out-heads", 4, "latent", 6, "concat-out", true), 5, 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("latent")
                .hasMessageContaining("out-heads");
    }

    @Test
    void residualProjectsOnlyWhereWidthsDiffer() {
        Encoder enc = create(
                ComponentConfig.of("hidden", "2,2", "heads", 2, "latent", 4, "residual", true, "bias", false), 5, 1);
        assertThat(enc.weights())
                .extracting(Weights::name)
                .containsExactly(
                        "gat.W0",
                        "gat.attSrc0",
                        "gat.attDst0",
                        "gat.Wres0",
                        "gat.W1",
                        "gat.attSrc1",
                        "gat.attDst1",
                        "gat.W2",
                        "gat.attSrc2",
                        "gat.attDst2");
        assertThat(byName(enc).get("gat.Wres0").data().shape()).isEqualTo("(5, 4)");
        assertGradientsMatch(
                enc.weights(), pairLoss(enc.encode(input, Mode.EVAL).mu()));
    }

    @Test
    void dropoutOnlyInTrainingAndFromThePassRandom() {
        Encoder enc = create(
                ComponentConfig.of("hidden", 3, "heads", 2, "latent", 4, "feat-dropout", 0.5, "attn-dropout", 0.5),
                5,
                1);
        double[] eval = forward(enc.encode(input, Mode.EVAL).mu()).toRowMajor();
        assertThat(forward(enc.encode(input, Mode.EVAL, new SplittableRandom(1)).mu())
                        .toRowMajor())
                .as("evaluation ignores the random source")
                .containsExactly(eval);
        assertThat(forward(enc.encode(input, Mode.TRAIN).mu()).toRowMajor())
                .as("no random source, no dropout")
                .containsExactly(eval);
        double[] train = forward(
                        enc.encode(input, Mode.TRAIN, new SplittableRandom(1)).mu())
                .toRowMajor();
        assertThat(train).isNotEqualTo(eval);
        assertThat(forward(enc.encode(input, Mode.TRAIN, new SplittableRandom(1))
                                .mu())
                        .toRowMajor())
                .as("same pass random, same masks")
                .containsExactly(train);
        assertThat(forward(enc.encode(input, Mode.TRAIN, new SplittableRandom(2))
                                .mu())
                        .toRowMajor())
                .isNotEqualTo(train);
        // Only feature dropout, or only attention dropout, each changes the training pass.
        for (String option : List.of("feat-dropout", "attn-dropout")) {
            Encoder one = create(ComponentConfig.of("hidden", 3, "heads", 2, "latent", 4, option, 0.5), 5, 1);
            assertThat(forward(one.encode(input, Mode.TRAIN, new SplittableRandom(1))
                                    .mu())
                            .toRowMajor())
                    .as(option)
                    .isNotEqualTo(eval);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesInATrainingPassWithDropout() {
        Encoder enc = create(
                ComponentConfig.of(
                        "hidden",
                        "3",
                        "heads",
                        2,
                        "out-heads",
                        2,
                        "latent",
                        3,
                        "feat-dropout",
                        0.3,
                        "attn-dropout",
                        0.3,
                        "residual",
                        true),
                5,
                4);
        assertGradientsMatch(
                enc.weights(),
                pairLoss(enc.encode(input, Mode.TRAIN, new SplittableRandom(5)).mu()));
    }

    @Test
    void sameResultsWithSeveralThreads() {
        Encoder enc = create(ComponentConfig.of("hidden", 3, "heads", 2, "latent", 4), 5, 6);
        double[] one = forward(enc.encode(input, Mode.EVAL).mu()).toRowMajor();
        try (Parallelism two = Parallelism.of(2)) {
            assertThat(new ComputationContext(two)
                            .forward(enc.encode(GraphInput.of(graph), Mode.EVAL).mu())
                            .toRowMajor())
                    .containsExactly(one);
        }
    }

    @Test
    void defaultsAndBadOptions() {
        GatOptions d = GatOptions.from(ComponentConfig.empty(), "encoder 'gat'");
        assertThat(d).isEqualTo(GatOptions.defaults());
        assertThat(d.hidden()).containsExactly(128);
        assertThat(d.heads()).isEqualTo(4);
        assertThat(d.outHeads()).isEqualTo(1);
        assertThat(d.latent()).isEqualTo(128);
        assertThat(d.concatOut()).isFalse();
        assertThat(d.negativeSlope()).isEqualTo(0.2);
        assertThat(d.activation()).isEqualTo(Activation.ELU);
        assertThat(d.featDropout()).isZero();
        assertThat(d.attnDropout()).isZero();
        assertThat(d.residual()).isFalse();
        assertThat(d.bias()).isTrue();
        assertThat(d.activateOutput()).isFalse();
        assertThat(new GatEncoderFactory().parameters())
                .extracting(Parameter::name)
                .containsExactly(
                        "hidden",
                        "heads",
                        "out-heads",
                        "latent",
                        "concat-out",
                        "negative-slope",
                        "activation",
                        "activate-output",
                        "feat-dropout",
                        "attn-dropout",
                        "residual",
                        "bias");
        assertThat(new GatEncoderFactory().parameters())
                .allSatisfy(p -> assertThat(p.help()).isNotBlank())
                .extracting(Parameter::defaultValue)
                .containsExactly("128", "4", "1", "128", "false", "0.2", "elu", "false", "0", "0", "false", "true");
        Encoder defaults = create(ComponentConfig.empty(), 5, 1);
        assertThat(defaults.latentDim()).isEqualTo(128);
        assertThat(byName(defaults).get("gat.W0").data().shape()).isEqualTo("(5, 512)");

        for (Object[] bad : new Object[][] {
            {"activation", "tanh", "prelu"}, {"hidden", "4,0", "hidden"}, {"feat-dropout", 1, "[0, 1)"},
            {"attn-dropout", -0.1, "[0, 1)"}, {"heads", 0, "heads"}, {"negative-slope", -1, "negative-slope"},
            {"latent", "x", "latent"}
        }) {
            assertThatThrownBy(() -> create(ComponentConfig.of(bad[0], bad[1]), 5, 1))
                    .as("%s = %s", bad[0], bad[1])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(String.valueOf(bad[0]))
                    .hasMessageContaining(String.valueOf(bad[2]));
        }
    }

    @Test
    void discoveredByName() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThat(registry.factories(ComponentKind.ENCODER)).containsKey("gat");
        Encoder enc = registry.factory(ComponentKind.ENCODER, "gat")
                .create(ComponentConfig.of("hidden", 2, "latent", 3), new CreationContext(5, 12, 1));
        assertThat(enc).isInstanceOf(GatEncoder.class);
        assertThat(forward(enc.encode(input, Mode.EVAL).mu()).shape()).isEqualTo("(12, 3)");
    }
}
