// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseEncoder;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.encoders.gat.GatEncoderFactory;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import io.github.gae4j.encoders.gin.GinEncoderFactory;
import io.github.gae4j.encoders.linear.LinearEncoderFactory;
import io.github.gae4j.encoders.linear.VariationalLinearEncoderFactory;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoderFactory;
import io.github.gae4j.testkit.TestGraphs;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layer-wise inference of every built-in encoder, with its layer options, equals the full-graph forward pass in
 * evaluation on a seeded random graph of 300 nodes with dense features: for blocks of 1, 7, 64 and 1000 rows, on 1
 * and 2 threads. The encoders build both from the same operations on the same rows, so they agree to the bit.
 */
final class LayerwiseInferenceTest {

    private static final int NODES = 300;
    private static final int DIM = 10;

    static Stream<Arguments> encoders() {
        return Stream.of(
                Arguments.of(new GcnEncoderFactory(), ComponentConfig.of("hidden", 8, "latent", 4)),
                Arguments.of(
                        new GcnEncoderFactory(),
                        ComponentConfig.of(
                                "hidden",
                                "8,8,6",
                                "latent",
                                4,
                                "norm",
                                "layer",
                                "residual",
                                true,
                                "bias",
                                true,
                                "activation",
                                "prelu",
                                "activate-output",
                                true,
                                "dropout",
                                0.5)),
                Arguments.of(
                        new GcnEncoderFactory(),
                        ComponentConfig.of("hidden", "8,8", "latent", 4, "norm", "batch", "activation", "elu")),
                Arguments.of(new GcnEncoderFactory(), ComponentConfig.of("hidden", "", "latent", 4)),
                Arguments.of(new VariationalGcnEncoderFactory(), ComponentConfig.of("hidden", 8, "latent", 4)),
                Arguments.of(
                        new VariationalGcnEncoderFactory(),
                        ComponentConfig.of("hidden", "8,8", "latent", 4, "residual", true, "bias", true)),
                Arguments.of(new LinearEncoderFactory(), ComponentConfig.of("latent", 4)),
                Arguments.of(new VariationalLinearEncoderFactory(), ComponentConfig.of("latent", 4)),
                Arguments.of(new GatEncoderFactory(), ComponentConfig.empty()),
                Arguments.of(
                        new GatEncoderFactory(),
                        ComponentConfig.of("hidden", "4,4", "heads", 2, "residual", true, "bias", true)),
                Arguments.of(new GinEncoderFactory(), ComponentConfig.of("hidden", 8, "latent", 4)),
                Arguments.of(
                        new GinEncoderFactory(),
                        ComponentConfig.of("hidden", 8, "latent", 4, "norm", "layer", "train-eps", true, "eps", 0.1)),
                Arguments.of(new GinEncoderFactory(), ComponentConfig.of("hidden", 8, "latent", 4, "norm", "none")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("encoders")
    void layerwiseEqualsTheFullGraphForwardPassForAnyBlockSizeAndThreadCount(
            EncoderFactory factory, ComponentConfig config) {
        Graph graph = randomGraph();
        Encoder encoder = factory.create(config, new CreationContext(DIM, NODES, 11L));
        assertThat(encoder).isInstanceOf(LayerwiseEncoder.class);
        GraphInput input = GraphInput.of(graph);
        Encoding full = encoder.encode(input, Mode.EVAL);
        double[] mu = new ComputationContext().forward(full.mu()).toRowMajor();
        for (int rows : new int[] {1, 7, 64, 1000}) {
            Encoding layerwise = LayerwiseInference.encode(encoder, input, rows);
            try (Parallelism two = Parallelism.of(2)) {
                double[] one = new ComputationContext().forward(layerwise.mu()).toRowMajor();
                assertThat(one).as("μ in blocks of %d rows", rows).containsExactly(mu);
                assertThat(new ComputationContext(two).forward(layerwise.mu()).toRowMajor())
                        .as("μ in blocks of %d rows on 2 threads", rows)
                        .containsExactly(one);
            }
            if (full.isVariational()) {
                Matrix logStd = new ComputationContext().forward(full.logStd().orElseThrow());
                assertThat(new ComputationContext()
                                .forward(layerwise.logStd().orElseThrow())
                                .toRowMajor())
                        .as("log σ in blocks of %d rows", rows)
                        .containsExactly(logStd.toRowMajor());
            }
        }
    }

    /** 300 nodes, 900 distinct undirected edges, dense 10-d features in [-1, 1). */
    private static Graph randomGraph() {
        return TestGraphs.randomGraph(NODES, 900, 7)
                .withFeatures(Features.dense(TestGraphs.randomMatrix(NODES, DIM, 8)));
    }
}
