// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.FeaturesTimes;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Corruptions reach the encoder in training only; losses see what was hidden and may own weights. */
final class CorruptionWiringTest {

    /** Records the inputs it encoded. */
    static final class RecordingEncoder implements Encoder {
        final List<GraphInput> seen = new ArrayList<>();
        final Weights w = new Weights("w", randomMatrix(4, 3, 1));

        @Override
        public Encoding encode(GraphInput input, Mode mode) {
            seen.add(input);
            return Encoding.deterministic(FeaturesTimes.of(input.features(), w));
        }

        @Override
        public List<Weights> weights() {
            return List.of(w);
        }

        @Override
        public int latentDim() {
            return 3;
        }
    }

    /** Keeps one edge for the encoder and says node 0 and edge 0–1 were hidden. */
    static final Corruption HIDE_NODE_ZERO = (in, random) -> {
        GraphInput clean = in.input();
        Graph oneEdge = clean.graph().withEdges(new EdgeList(new int[] {0}, new int[] {1}));
        GraphInput corrupted = GraphInput.of(oneEdge);
        return in.then(corrupted, new int[] {0}, new EdgeList(new int[] {0}, new int[] {1}));
    };

    /** A term with its own parameter, which records the corruption it was shown. */
    static final class OwningLoss implements Loss {
        final Weights v = new Weights("loss.v", randomMatrix(3, 3, 5));
        CorruptedInput shown;

        @Override
        public Variable loss(LossInput input) {
            shown = input.corruption();
            return Mean.of(ElementMul.of(MatMul.of(input.z(), v), MatMul.of(input.z(), v)));
        }

        @Override
        public List<Weights> weights() {
            return List.of(v);
        }
    }

    private static final Decoder DOT = new Decoder() {
        @Override
        public Variable logits(Variable z, EdgeList pairs) {
            return RowDot.of(z, pairs.srcArray(), z, pairs.dstArray());
        }
    };

    @Test
    void trainingEncodesTheCorruptedInputAndEvaluationTheCleanOne() {
        Graph graph = TestGraphs.twoCommunities(10, 4, 3);
        RecordingEncoder encoder = new RecordingEncoder();
        OwningLoss loss = new OwningLoss();
        GraphAutoencoder model = GraphAutoencoder.builder()
                .encoder(encoder)
                .sampler((e, m, r) -> e.mu())
                .decoder(DOT)
                .loss("owning", loss)
                .corruption(HIDE_NODE_ZERO)
                .build();
        GraphInput clean = GraphInput.of(graph);

        ComputationContext first = new ComputationContext();
        first.forward(model.trainingLoss(clean, new TrainingGraph(graph), new SplittableRandom(1), first));
        assertThat(encoder.seen.get(0).graph().edgeCount()).isEqualTo(1); // the corrupted graph
        assertThat(graph.edgeCount()).isGreaterThan(1);
        assertThat(loss.shown.maskedNodes()).containsExactly(0);
        assertThat(loss.shown.removedEdges().size()).isEqualTo(1);

        model.embed(clean, Parallelism.singleThreaded());
        assertThat(encoder.seen.get(1)).isSameAs(clean);
        assertThat(model.weights()).extracting(Weights::name).containsExactly("w", "loss.v");
    }

    /** Sets node 0's features to a parameter row of its own, as a learned [MASK] token does. */
    static final class TokenCorruption implements Corruption {
        final Weights token = new Weights("corruption.token", randomMatrix(1, 4, 9));

        @Override
        public CorruptedInput corrupt(CorruptedInput in, java.util.random.RandomGenerator random) {
            return in.then(
                    in.input().withMaskToken(new GraphInput.MaskToken(new int[] {0}, token)),
                    new int[] {0},
                    EdgeList.empty());
        }

        @Override
        public List<Weights> weights() {
            return List.of(token);
        }
    }

    @Test
    void corruptionParametersAreTrainedAndSavedAfterTheOthers() {
        Graph graph = TestGraphs.twoCommunities(10, 4, 3);
        TokenCorruption corruption = new TokenCorruption();
        OwningLoss loss = new OwningLoss();
        GraphAutoencoder model = GraphAutoencoder.builder()
                .encoder(new TokenAwareEncoder())
                .sampler((e, m, r) -> e.mu())
                .decoder(DOT)
                .loss("owning", loss)
                .corruption(corruption)
                .build();
        assertThat(model.weights()).extracting(Weights::name).containsExactly("w", "loss.v", "corruption.token");

        ComputationContext pass = new ComputationContext();
        Variable total =
                model.trainingLoss(GraphInput.of(graph), new TrainingGraph(graph), new SplittableRandom(1), pass);
        pass.backward(total);
        assertThat(pass.gradient(corruption.token))
                .as("the token reaches the encoder")
                .isNotNull();
        assertThat(pass.gradient(corruption.token).maxAbs()).isPositive();

        ModelDescription d = new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults());
        SavedModel saved = SavedModel.of(d, java.util.Optional.empty(), model);
        assertThat(saved.parameters()).extracting(SavedModel.Parameter::name).endsWith("corruption.token");
        TokenCorruption fresh = new TokenCorruption();
        java.util.Arrays.fill(fresh.token.data().data(), 0.0);
        GraphAutoencoder other = GraphAutoencoder.builder()
                .encoder(new TokenAwareEncoder())
                .sampler((e, m, r) -> e.mu())
                .decoder(DOT)
                .loss("owning", new OwningLoss())
                .corruption(fresh)
                .build();
        saved.loadInto(other, "test");
        assertThat(fresh.token.data()).isEqualTo(corruption.token.data());
    }

    @Test
    void twoParametersOfTheSameNameAreRefusedAtAssembly() {
        assertThatThrownBy(() -> GraphAutoencoder.builder()
                        .encoder(new TokenAwareEncoder())
                        .sampler((e, m, r) -> e.mu())
                        .decoder(DOT)
                        .loss("owning", new OwningLoss())
                        .corruption(new TokenCorruption())
                        .corruption(new TokenCorruption())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'corruption.token'");
    }

    /** X W through {@link GraphInput#featuresTimes}, so it sees a mask token. */
    static final class TokenAwareEncoder implements Encoder {
        final Weights w = new Weights("w", randomMatrix(4, 3, 1));

        @Override
        public Encoding encode(GraphInput input, Mode mode) {
            return Encoding.deterministic(input.featuresTimes(w));
        }

        @Override
        public List<Weights> weights() {
            return List.of(w);
        }

        @Override
        public int latentDim() {
            return 3;
        }
    }

    @Test
    void modelFilesCarryCorruptions() {
        ModelSpec spec = ModelSpec.gae()
                .withCorruptions(List.of(
                        ComponentSpec.of("edge-dropout", "rate", 0.2), ComponentSpec.of("feature-mask", "rate", 0.1)));
        ModelDescription d = new ModelDescription(spec, TrainerConfig.defaults());
        String json = ModelDescriptionFile.write(d);
        assertThat(json).contains("\"corruptions\"").contains("edge-dropout");
        assertThat(ModelDescriptionFile.parse(json, "test")).isEqualTo(d);
        assertThat(ModelDescriptionFile.write(new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults())))
                .doesNotContain("corruptions");
    }
}
