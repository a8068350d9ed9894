// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.FeaturesTimes;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe finds an encoder's hidden ReLU layers through its computation graph and counts the dead units. */
final class EncoderProbeTest {

    /**
     * A variational encoder with two hidden ReLU layers, H1 = ReLU(X W0), H2 = ReLU(H1 W1), μ = H2 Wμ and
     * log σ = H1 Wσ: H1 is reached from both outputs and must be counted once. On non-negative X, a column of W0
     * with only negative weights gives a unit that is zero on every node.
     */
    static final class TwoLayerEncoder implements Encoder {
        final Weights w0;
        final Weights w1;
        final Weights wMu;
        final Weights wSigma;

        TwoLayerEncoder(Matrix w0, Matrix w1) {
            this.w0 = new Weights("w0", w0);
            this.w1 = new Weights("w1", w1);
            this.wMu = new Weights("wMu", Matrix.of(new double[][] {{1, 0.5}, {0.25, -1}}));
            this.wSigma = new Weights("wSigma", Matrix.filled(w0.cols(), 2, 0.1));
        }

        @Override
        public Encoding encode(GraphInput input, Mode mode) {
            Variable h1 = Relu.of(FeaturesTimes.of(input.features(), w0));
            Variable h2 = Relu.of(MatMul.of(h1, w1));
            return Encoding.gaussian(MatMul.of(h2, wMu), MatMul.of(h1, wSigma));
        }

        @Override
        public List<Weights> weights() {
            return List.of(w0, w1, wMu, wSigma);
        }

        @Override
        public int latentDim() {
            return 2;
        }
    }

    private static GraphAutoencoder model(Encoder encoder) {
        return GraphAutoencoder.builder()
                .encoder(encoder)
                .sampler((encoding, mode, random) -> encoding.mu())
                .decoder((z, pairs) -> RowDot.of(z, pairs.srcArray(), z, pairs.dstArray()))
                .loss("sum", in -> Sum.of(in.z()))
                .build();
    }

    /** Four nodes with non-negative features. */
    private static GraphInput input() {
        Graph g = TestGraphs.path(4).withFeatures(Features.dense(Matrix.of(new double[][] {
            {1, 0}, {0, 2}, {1, 1}, {3, 0}
        })));
        return GraphInput.of(g);
    }

    @Test
    void countsTheUnitsThatAreZeroOnEveryNodeLayerByLayerInputsFirst() {
        // W0: unit 0 alive, units 1 and 2 negative on every feature (dead), unit 3 alive on node 2 only.
        Matrix w0 = Matrix.of(new double[][] {{1, -1, -0.5, -1}, {0.5, -2, -0.1, 0.6}});
        // W1: unit 0 alive (positive on H1's unit 0); unit 1 dead (negative on every live input).
        Matrix w1 = Matrix.of(new double[][] {{1, -1}, {1, 1}, {1, 1}, {0.5, -3}});
        EncoderProbe.Snapshot snap =
                new EncoderProbe(model(new TwoLayerEncoder(w0, w1)), input(), Parallelism.singleThreaded()).inspect();
        assertThat(snap.layers())
                .containsExactly(new EncoderProbe.HiddenLayer(1, 4, 2), new EncoderProbe.HiddenLayer(2, 2, 1));
        assertThat(snap.units()).isEqualTo(6);
        assertThat(snap.deadUnits()).isEqualTo(3);
        assertThat(snap.embeddings().rows()).isEqualTo(4);
        assertThat(snap.embeddings().cols()).isEqualTo(2);
    }

    @Test
    void anEncoderWithoutReluHasNoHiddenLayersButStillItsEmbeddings() {
        Weights w = new Weights("w", Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        Encoder linear = new Encoder() {
            @Override
            public Encoding encode(GraphInput input, Mode mode) {
                return Encoding.deterministic(FeaturesTimes.of(input.features(), w));
            }

            @Override
            public List<Weights> weights() {
                return List.of(w);
            }

            @Override
            public int latentDim() {
                return 2;
            }
        };
        EncoderProbe.Snapshot snap = new EncoderProbe(model(linear), input(), Parallelism.singleThreaded()).inspect();
        assertThat(snap.layers()).isEmpty();
        assertThat(snap.embeddings().get(1, 1)).isEqualTo(8);
    }

    @Test
    void aDiagnosticsProbeReportsDeadUnitsAtTheScheduledEpochAndInTheFinalModel() {
        Matrix w0 = Matrix.of(new double[][] {{1, -1, -0.5, -1}, {0.5, -2, -0.1, -0.6}});
        Matrix w1 = Matrix.of(new double[][] {{1, 1}, {1, 1}, {1, 1}, {1, 1}});
        List<Warning> heard = new java.util.ArrayList<>();
        TrainingDiagnostics d = new TrainingDiagnostics(
                DiagnosticThresholds.defaults().withProbeEvery(2),
                10,
                new Advice(Advice.FeatureKind.RAW, 1.5, 0.01, false),
                new EncoderProbe(model(new TwoLayerEncoder(w0, w1)), input(), Parallelism.singleThreaded()),
                heard::add);
        d.onEpoch(new io.github.gae4j.runtime.train.EpochStats(1, 0.7, 0.8, 0.8, 1));
        assertThat(heard).isEmpty();
        // Validation at chance at epoch 2: the model has collapsed, so the embeddings' shape is judged too.
        d.onEpoch(new io.github.gae4j.runtime.train.EpochStats(2, 0.7, 0.52, 0.5, 1));
        assertThat(heard).extracting(Warning::code).contains("dead-units");
        Warning dead = heard.stream()
                .filter(w -> w.code().equals("dead-units"))
                .findFirst()
                .orElseThrow();
        assertThat(dead.epoch()).isEqualTo(2);
        // Layer 1: units 1, 2, 3 dead; layer 2: none.
        assertThat(dead.message())
                .isEqualTo("At epoch 2, 3 of the encoder's 6 hidden ReLU units (50%) output zero"
                        + " for every node (layer 1: 3 of 4, layer 2: 0 of 2).");
        // H2's two columns are equal and μ = H2 Wμ is then one-dimensional.
        assertThat(heard).extracting(Warning::code).contains("rank-one-embeddings");
    }

    /** While validation is above chance, one-dimensional embeddings are a phase, not a collapse; dead units count. */
    @Test
    void theEmbeddingsShapeIsJudgedOnlyNearChanceDuringTraining() {
        Matrix w0 = Matrix.of(new double[][] {{1, -1, -0.5, -1}, {0.5, -2, -0.1, -0.6}});
        Matrix w1 = Matrix.of(new double[][] {{1, 1}, {1, 1}, {1, 1}, {1, 1}});
        List<Warning> heard = new java.util.ArrayList<>();
        TrainingDiagnostics d = new TrainingDiagnostics(
                DiagnosticThresholds.defaults().withProbeEvery(1),
                10,
                new Advice(Advice.FeatureKind.RAW, 1.5, 0.01, false),
                new EncoderProbe(model(new TwoLayerEncoder(w0, w1)), input(), Parallelism.singleThreaded()),
                heard::add);
        for (int e = 1; e <= 5; e++) {
            d.onEpoch(new io.github.gae4j.runtime.train.EpochStats(e, 0.7, 0.6 + e / 100.0, 0.6, 1));
        }
        assertThat(heard).extracting(Warning::code).containsExactly("dead-units");
        // A run still improving at its last epoch ends there: the final model is not judged on its shape either.
        java.util.List<io.github.gae4j.runtime.train.EpochStats> h = new java.util.ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            h.add(new io.github.gae4j.runtime.train.EpochStats(e, 0.7, 0.6 + e / 100.0, 0.6, 1));
        }
        d.finish(new io.github.gae4j.runtime.train.TrainingResult(
                h,
                5,
                new io.github.gae4j.runtime.metrics.LinkScores(0.7, 0.7),
                false,
                new io.github.gae4j.runtime.train.TrainingState(
                        5,
                        h,
                        5,
                        0.65,
                        List.of(),
                        List.of(),
                        new io.github.gae4j.runtime.train.OptimizerState("adam", java.util.Map.of()))));
        assertThat(heard).extracting(Warning::code).containsExactly("dead-units");
    }
}
