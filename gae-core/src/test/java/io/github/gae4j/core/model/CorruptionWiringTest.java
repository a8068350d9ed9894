package io.github.gae4j.core.model;

import static io.github.gae4j.core.testing.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.ElementMul;
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
import io.github.gae4j.core.testing.TestGraphs;
import io.github.gae4j.core.train.TrainerConfig;
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
            return Encoding.deterministic(input.features().times(w, input.parallelism()));
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
        GraphInput corrupted = GraphInput.of(oneEdge, clean.parallelism());
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
        GraphAutoencoder model = GraphAutoencoder.builder().encoder(encoder).sampler((e, m, r) -> e.mu())
                .decoder(DOT).loss("owning", loss).corruption(HIDE_NODE_ZERO).build();
        GraphInput clean = GraphInput.of(graph, Parallelism.singleThreaded());

        new ComputationContext().forward(model.trainingLoss(clean, new TrainingGraph(graph), new SplittableRandom(1)));
        assertThat(encoder.seen.get(0).graph().edgeCount()).isEqualTo(1);            // the corrupted graph
        assertThat(graph.edgeCount()).isGreaterThan(1);
        assertThat(loss.shown.maskedNodes()).containsExactly(0);
        assertThat(loss.shown.removedEdges().size()).isEqualTo(1);

        model.embed(clean);
        assertThat(encoder.seen.get(1)).isSameAs(clean);
        assertThat(model.weights()).extracting(Weights::name).containsExactly("w", "loss.v");
    }

    @Test
    void modelFilesCarryCorruptions() {
        ModelSpec spec = ModelSpec.gae().withCorruptions(List.of(ComponentSpec.of("edge-dropout", "rate", 0.2),
                ComponentSpec.of("feature-mask", "rate", 0.1)));
        ModelDescription d = new ModelDescription(spec, TrainerConfig.defaults());
        String json = ModelFile.write(d);
        assertThat(json).contains("\"corruptions\"").contains("edge-dropout");
        assertThat(ModelFile.parse(json, "test")).isEqualTo(d);
        assertThat(ModelFile.write(new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults())))
                .doesNotContain("corruptions");
    }
}
