// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.StepwiseEncoder;
import io.github.gae4j.core.spi.StepwiseEncoder.RowLocal;
import io.github.gae4j.core.spi.StepwiseEncoder.Step;
import io.github.gae4j.encoders.gcn.GcnEncoderFactory;
import io.github.gae4j.encoders.linear.LinearEncoderFactory;
import io.github.gae4j.encoders.linear.VariationalLinearEncoderFactory;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoderFactory;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluation steps of gcn, vgae and linear ({@link StepwiseEncoder}), run in order on the whole graph, give μ
 * of {@code encode(input, EVAL)}; configurations with a step that is not row-local (batch norm) or a residual
 * connection offer none.
 */
final class StepwiseEncoderTest {

    private static final int NODES = 300;
    private static final int DIM = 10;

    static Stream<Arguments> encoders() {
        return Stream.of(
                Arguments.of(new GcnEncoderFactory(), ComponentConfig.of("hidden", 8, "latent", 4), true),
                Arguments.of(
                        new GcnEncoderFactory(),
                        ComponentConfig.of(
                                "hidden",
                                "8,8,6",
                                "latent",
                                4,
                                "norm",
                                "layer",
                                "bias",
                                true,
                                "activation",
                                "prelu",
                                "activate-output",
                                true),
                        true),
                Arguments.of(new GcnEncoderFactory(), ComponentConfig.of("hidden", "", "latent", 4), true),
                Arguments.of(new GcnEncoderFactory(), ComponentConfig.of("hidden", "8,8", "norm", "batch"), false),
                Arguments.of(new GcnEncoderFactory(), ComponentConfig.of("hidden", "8,8", "residual", true), false),
                Arguments.of(new VariationalGcnEncoderFactory(), ComponentConfig.of("hidden", 8, "latent", 4), true),
                Arguments.of(
                        new VariationalGcnEncoderFactory(),
                        ComponentConfig.of("hidden", "8,8", "activation", "elu", "bias", true),
                        true),
                Arguments.of(new LinearEncoderFactory(), ComponentConfig.of("latent", 4), true),
                Arguments.of(new VariationalLinearEncoderFactory(), ComponentConfig.of("latent", 4), true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("encoders")
    void theStepsGiveTheEvaluationMu(EncoderFactory factory, ComponentConfig config, boolean offered) {
        Graph graph = TestGraphs.randomGraph(NODES, 900, 7)
                .withFeatures(Features.dense(TestGraphs.randomMatrix(NODES, DIM, 8)));
        Encoder encoder = factory.create(config, new CreationContext(DIM, NODES, 11L));
        assertThat(encoder).isInstanceOf(StepwiseEncoder.class);
        Optional<List<Step>> steps = ((StepwiseEncoder) encoder).evaluationSteps();
        assertThat(steps.isPresent()).as("steps offered").isEqualTo(offered);
        if (!offered) {
            return;
        }
        GraphInput input = GraphInput.of(graph);
        Variable h = Constant.of(graph.features().orElseThrow().toDense());
        for (Step step : steps.orElseThrow()) {
            h = step instanceof RowLocal local ? local.apply(h) : SparseMatMul.of(input.normalizedAdjacency(), h);
        }
        double[] expected = new ComputationContext()
                .forward(encoder.encode(input, Mode.EVAL).mu())
                .toRowMajor();
        assertThat(new ComputationContext().forward(h).toRowMajor()).containsExactly(expected, within(1e-12));
    }
}
