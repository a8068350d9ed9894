// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class GraphAutoencoderTest {

    private static final Parallelism ONE = Parallelism.singleThreaded();

    /** Z = W directly (one row per node), shared with the decoder to test de-duplication. */
    private static final Weights Z = new Weights("z", randomMatrix(4, 3, 1));

    private static final Encoder ENCODER = new Encoder() {
        @Override
        public Encoding encode(GraphInput input, Mode mode) {
            return Encoding.deterministic(Z);
        }

        @Override
        public List<Weights> weights() {
            return List.of(Z);
        }

        @Override
        public int latentDim() {
            return 3;
        }
    };

    private static final Weights EXTRA = new Weights("extra", randomMatrix(1, 1, 2));

    private static final Decoder DECODER = new Decoder() {
        @Override
        public Variable logits(Variable z, EdgeList pairs) {
            return RowDot.of(z, pairs.srcArray(), z, pairs.dstArray());
        }

        @Override
        public List<Weights> weights() {
            return List.of(Z, EXTRA);
        }
    };

    /** Adds 10 to μ in training mode only, so tests can tell the modes apart. */
    private static final Sampler SAMPLER = (encoding, mode, random) -> mode == Mode.TRAIN
            ? io.github.gae4j.core.autodiff.functions.Add.of(
                    encoding.mu(), Constant.of(Z.data().map(v -> 10.0)))
            : encoding.mu();

    private static GraphAutoencoder.Builder builder() {
        return GraphAutoencoder.builder().encoder(ENCODER).sampler(SAMPLER).decoder(DECODER);
    }

    private static GraphInput input() {
        return GraphInput.of(TestGraphs.path(4));
    }

    @Test
    void weightsAreListedOnceInOrder() {
        GraphAutoencoder model = builder().loss("l", in -> Sum.of(in.z())).build();
        assertThat(model.weights()).containsExactly(Z, EXTRA);
    }

    @Test
    void trainingLossIsTheWeightedSumOfTerms() {
        GraphAutoencoder model = builder()
                .loss("a", in -> Sum.of(in.z()))
                .loss("b", in -> Sum.of(in.encoding().mu()), 2.5)
                .build();
        ComputationContext pass = new ComputationContext();
        Variable total =
                model.trainingLoss(input(), new TrainingGraph(TestGraphs.path(4)), new SplittableRandom(1), pass);
        double zSum = Z.data().sum();
        double value = pass.forward(total).scalarValue();
        // Train-mode Z is μ + 10 everywhere (12 entries).
        assertThat(value).isCloseTo(zSum + 120 + 2.5 * zSum, within(1e-12));
    }

    @Test
    void nonScalarLossTermIsRejected() {
        GraphAutoencoder model = builder().loss("wide", LossInputs::z).build();
        assertThatThrownBy(() -> model.trainingLoss(
                        input(),
                        new TrainingGraph(TestGraphs.path(4)),
                        new SplittableRandom(1),
                        new ComputationContext()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Loss 'wide'")
                .hasMessageContaining("not a scalar");
    }

    @Test
    void evaluationUsesTheDeterministicEmbedding() {
        GraphAutoencoder model = builder().loss("l", in -> Sum.of(in.z())).build();
        assertThat(model.embed(input(), ONE)).isEqualTo(Z.data());
        EdgeList pairs = new EdgeList(new int[] {0, 2}, new int[] {1, 3});
        double[] p = model.score(input(), pairs, ONE);
        Variable logits = DECODER.logits(Z, pairs);
        double[] x = new ComputationContext().forward(logits).data();
        assertThat(p).hasSize(2);
        assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(-x[0])), within(1e-15));
        assertThat(p[1]).isCloseTo(1 / (1 + Math.exp(-x[1])), within(1e-15));
        List<double[]> both = model.score(input(), List.of(pairs, new EdgeList(new int[] {3}, new int[] {3})), ONE);
        assertThat(both.get(0)).containsExactly(p);
        assertThat(both.get(1)).hasSize(1);
    }

    @Test
    void builderRequiresEveryPart() {
        assertThatThrownBy(() -> GraphAutoencoder.builder()
                        .sampler(SAMPLER)
                        .decoder(DECODER)
                        .loss("l", in -> Sum.of(in.z()))
                        .build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("encoder is not set");
        assertThatThrownBy(() -> builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one loss term");
        assertThatThrownBy(() -> builder().loss("l", in -> Sum.of(in.z()), Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    /** Method reference target for a deliberately non-scalar loss. */
    private static final class LossInputs {
        static Variable z(io.github.gae4j.core.spi.LossInput in) {
            return in.z();
        }
    }
}
