// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.StepwiseEncoder;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link EncoderContract#evaluationStepsGiveTheEvaluationMu} catches a {@link StepwiseEncoder} whose steps are not
 * its evaluation pass, naming the encoder and its steps; the same encoder without the bug passes. The contract method
 * is called directly; the nested implementations are not test classes of their own.
 */
final class StepwiseContractSelfCheckTest {

    /** One planted bug, or none. */
    private enum Bug {
        NONE,
        /** The step list ends before σ: row-local H·W, Â·H, and no activation. */
        FORGETS_ACTIVATION,
        /** {@code encode} builds Â from the graph's 0/1 adjacency instead of using the input's Â. */
        IGNORES_INPUT_ADJACENCY
    }

    /** μ = σ(Â · X W), offered as the steps H·W, Â·H, σ. */
    private record SigmoidGcnFactory(Bug bug) implements EncoderFactory {
        @Override
        public String name() {
            return "sigmoid-gcn";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.of("latent", 2, "width of μ"));
        }

        @Override
        public Encoder create(ComponentConfig config, CreationContext context) {
            int latent = config.getPositiveInt("latent", 2);
            Weights w = new Weights(
                    "w",
                    TestGraphs.randomMatrix(
                            context.inputDim(), latent, context.random().nextLong()));
            return new SigmoidGcn(bug, w, latent);
        }
    }

    private record SigmoidGcn(Bug bug, Weights w, int latent) implements Encoder, StepwiseEncoder {
        @Override
        public Encoding encode(GraphInput input, Mode mode) {
            SparseMatrix hat = bug == Bug.IGNORES_INPUT_ADJACENCY
                    ? NormalizedAdjacency.of(input.graph())
                    : input.normalizedAdjacency();
            return Encoding.deterministic(Sigmoid.of(SparseMatMul.of(hat, input.featuresTimes(w))));
        }

        @Override
        public Optional<List<Step>> evaluationSteps() {
            List<Step> steps = new ArrayList<>();
            steps.add(new RowLocal(latent, rows -> MatMul.of(rows, w)));
            steps.add(new Propagate());
            if (bug != Bug.FORGETS_ACTIVATION) {
                steps.add(new RowLocal(latent, Sigmoid::of));
            }
            return Optional.of(steps);
        }

        @Override
        public List<Weights> weights() {
            return List.of(w);
        }

        @Override
        public int latentDim() {
            return latent;
        }
    }

    private record Encoders(EncoderFactory factory) implements EncoderContract {}

    @Test
    void theEncoderWithoutBugsPassesTheStepsCheckAndTheRest() {
        Encoders contract = new Encoders(new SigmoidGcnFactory(Bug.NONE));
        assertThatCode(() -> {
                    contract.evaluationStepsGiveTheEvaluationMu();
                    contract.encodingHasNodesTimesLatentDimAndIsFinite();
                    contract.weightsAreExactlyTheParametersThatGetGradients();
                    contract.gradientsMatchFiniteDifferences();
                })
                .doesNotThrowAnyException();
    }

    @Test
    void stepsThatForgetTheActivationFail() {
        assertThatThrownBy(
                        new Encoders(new SigmoidGcnFactory(Bug.FORGETS_ACTIVATION))::evaluationStepsGiveTheEvaluationMu)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("encoder 'sigmoid-gcn': its 2 evaluation steps (row-local → 2, Â·H) on triangle,"
                        + " row-local steps on blocks of 1 rows, against μ of encode(EVAL) (3 × 2)");
    }

    /** The contract's own graphs are 0/1, where both Â agree: only the weighted input tells them apart. */
    @Test
    void anEncodeThatIgnoresTheInputsAdjacencyFailsOnWeightedEdges() {
        assertThatThrownBy(
                        new Encoders(new SigmoidGcnFactory(Bug.IGNORES_INPUT_ADJACENCY))
                                ::evaluationStepsGiveTheEvaluationMu)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("encoder 'sigmoid-gcn': its 3 evaluation steps (row-local → 2, Â·H, row-local"
                        + " → 2) on star with weighted edges");
    }
}
