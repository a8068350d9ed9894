package io.github.gae4j.losses.masked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.model.GraphAutoencoder;
import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ConfigException;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.testing.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the masked losses score, beyond the contract. */
final class MaskedLossesTest {

    private static final Parallelism ONE = Parallelism.singleThreaded();

    /** An inner product that records the pairs it scores. */
    private static final class RecordingDecoder implements Decoder {
        final List<EdgeList> scored = new ArrayList<>();

        @Override
        public Variable logits(Variable z, EdgeList pairs) {
            scored.add(pairs);
            return RowDot.of(z, pairs);
        }
    }

    private static LossInput input(Graph graph, Variable z, Decoder decoder, CorruptedInput corruption) {
        return new LossInput(Encoding.deterministic(z), z, decoder, new TrainingGraph(graph), new SplittableRandom(5),
                ONE, corruption);
    }

    @Test
    void maskedEdgeBceScoresTheRemovedEdgesAgainstFreshNonEdges() {
        Graph graph = TestGraphs.randomGraph(40, 120, 3);
        GraphInput clean = GraphInput.of(graph, ONE);
        EdgeList all = graph.upperTriangleEdges();
        EdgeList removed = new EdgeList(new int[] {all.src(0), all.src(5), all.src(9)},
                new int[] {all.dst(0), all.dst(5), all.dst(9)});
        CorruptedInput corruption = MaskedEdgeBceContractTest.removeEdges(clean, removed);
        RecordingDecoder decoder = new RecordingDecoder();
        Weights z = new Weights("z", TestGraphs.randomMatrix(40, 4, 1));
        double value = new ComputationContext().forward(new MaskedEdgeBceLoss(2).loss(input(graph, z, decoder, corruption)))
                .scalarValue();
        assertThat(value).isFinite().isPositive();
        assertThat(decoder.scored).hasSize(2);
        EdgeList negatives = decoder.scored.get(0);
        assertThat(decoder.scored.get(1)).isEqualTo(removed);
        assertThat(negatives.size()).isEqualTo(6);
        for (int k = 0; k < negatives.size(); k++) {
            assertThat(negatives.src(k)).isNotEqualTo(negatives.dst(k));
            assertThat(graph.adjacency().contains(negatives.src(k), negatives.dst(k)))
                    .as("negative (%d, %d) is a training edge", negatives.src(k), negatives.dst(k)).isFalse();
        }
    }

    @Test
    void maskedEdgeBceWithoutRemovedEdgesReconstructsEveryTrainingEdge() {
        Graph graph = TestGraphs.randomGraph(20, 30, 4);
        RecordingDecoder decoder = new RecordingDecoder();
        Weights z = new Weights("z", TestGraphs.randomMatrix(20, 4, 1));
        new ComputationContext().forward(new MaskedEdgeBceLoss(1).loss(
                input(graph, z, decoder, CorruptedInput.clean(GraphInput.of(graph, ONE)))));
        assertThat(decoder.scored.get(1)).isEqualTo(graph.upperTriangleEdges());
        assertThat(decoder.scored.get(0).size()).isEqualTo(30);
    }

    @Test
    void featureSceWithRemaskingRebuildsMaskedNodesFromTheirNeighboursOnly() {
        Graph graph = TestGraphs.twoCommunities(5, 3, 2);
        GraphInput clean = GraphInput.of(graph, ONE);
        int[] masked = {1, 6};
        CorruptedInput corruption = CorruptedInput.clean(clean).then(clean, masked, EdgeList.empty());
        FeatureSceLoss loss = new FeatureSceLoss(4, 3, FeatureSceLoss.DecoderKind.GCN, true, 2, new SplittableRandom(1));
        Weights z = new Weights("z", TestGraphs.randomMatrix(10, 4, 8));
        Variable value = loss.loss(input(graph, z, RowDot::of, corruption));
        ComputationContext ctx = new ComputationContext();
        assertThat(ctx.forward(value).scalarValue()).isFinite();
        ctx.backward(value);
        Matrix g = ctx.gradient(z);
        for (int i : masked) {
            for (int k = 0; k < 4; k++) {
                assertThat(g.get(i, k)).as("gradient of the re-masked row %d", i).isZero();
            }
        }
        assertThat(g.maxAbs()).isPositive();
        assertThat(ctx.gradient(loss.weights().get(0)).maxAbs()).isPositive();
    }

    @Test
    void featureSceIsTheScaledCosineErrorOfTheMaskedRows() {
        Graph graph = TestGraphs.twoCommunities(3, 2, 1);
        GraphInput clean = GraphInput.of(graph, ONE);
        int[] masked = {0, 3, 5};
        FeatureSceLoss loss = new FeatureSceLoss(2, 2, FeatureSceLoss.DecoderKind.LINEAR, true, 3,
                new SplittableRandom(1));
        Matrix w = loss.weights().get(0).data();
        w.set(0, 0, 1);
        w.set(0, 1, 0);
        w.set(1, 0, 0);
        w.set(1, 1, 1);                                  // X̂ = Z
        Matrix zValues = TestGraphs.randomMatrix(6, 2, 4);
        double value = new ComputationContext().forward(loss.loss(input(graph, new Weights("z", zValues), RowDot::of,
                CorruptedInput.clean(clean).then(clean, masked, EdgeList.empty())))).scalarValue();
        Matrix x = graph.featuresOrIdentity().toDense();
        double expected = 0;
        for (int i : masked) {
            double dot = x.get(i, 0) * zValues.get(i, 0) + x.get(i, 1) * zValues.get(i, 1);
            double cos = dot / Math.hypot(x.get(i, 0), x.get(i, 1)) / Math.hypot(zValues.get(i, 0), zValues.get(i, 1));
            expected += Math.pow(1 - cos, 3);
        }
        assertThat(value).isCloseTo(expected / 3, within(1e-12));
    }

    @Test
    void featureSceOptionsAndWeights() {
        FeatureSceLossFactory factory = new FeatureSceLossFactory();
        CreationContext ctx = new CreationContext(16, 100, 3, 1433);
        FeatureSceLoss loss = factory.create(ComponentConfig.empty(), ctx);
        assertThat(loss.gamma()).isEqualTo(2.0);
        assertThat(loss.decoder()).isEqualTo(FeatureSceLoss.DecoderKind.GCN);
        assertThat(loss.weights()).extracting(Weights::name).containsExactly("feature-sce.W", "feature-sce.b");
        assertThat(loss.weights()).extracting(Weights::shape).containsExactly("(16, 1433)", "(1, 1433)");
        assertThat(factory.create(ComponentConfig.empty(), ctx).weights().get(0).data())
                .isEqualTo(loss.weights().get(0).data());
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("decoder", "gat").describedAs("loss 'feature-sce'"),
                ctx)).isInstanceOf(ConfigException.class).hasMessageContaining("Option 'decoder'")
                .hasMessageContaining("[gcn, linear]").hasMessageContaining("got 'gat'");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("gamma", 0.5).describedAs("loss 'feature-sce'"),
                ctx)).isInstanceOf(ConfigException.class).hasMessageContaining("Option 'gamma'");
    }

    /** The term trains with the model: its decoder is in the model's weights and a few Adam steps lower it. */
    @Test
    void featureSceTrainsWithTheModel() {
        Graph graph = TestGraphs.twoCommunities(10, 6, 3);
        Weights w = new Weights("enc.W", TestGraphs.randomMatrix(6, 4, 2).scale(0.5));
        Encoder encoder = new Encoder() {
            @Override
            public Encoding encode(GraphInput input, Mode mode) {
                return Encoding.deterministic(input.features().times(w, input.parallelism()));
            }

            @Override
            public List<Weights> weights() {
                return List.of(w);
            }

            @Override
            public int latentDim() {
                return 4;
            }
        };
        FeatureSceLoss sce = new FeatureSceLossFactory().create(ComponentConfig.empty(),
                new CreationContext(4, 20, 1, 6));
        GraphAutoencoder model = GraphAutoencoder.builder().encoder(encoder).sampler((e, m, r) -> e.mu())
                .decoder(RowDot::of).loss("feature-sce", sce, 0.5)
                .corruption((in, random) -> in.then(in.input(), new int[] {random.nextInt(20)}, EdgeList.empty()))
                .build();
        assertThat(model.weights()).extracting(Weights::name).containsExactly("enc.W", "feature-sce.W", "feature-sce.b");
        TrainingGraph training = new TrainingGraph(graph);
        GraphInput input = GraphInput.of(graph, ONE);
        Adam adam = new Adam(0.05);
        double first = 0;
        double last = 0;
        double sum = 0;
        for (int step = 0; step < 60; step++) {
            ComputationContext ctx = new ComputationContext();
            Variable loss = model.trainingLoss(input, training, new SplittableRandom(step));
            double v = ctx.forward(loss).scalarValue();
            sum += v;
            if (step == 9) {
                first = sum / 10;
                sum = 0;
            } else if (step == 59) {
                last = sum / 10;
            } else if (step == 49) {
                sum = 0;
            }
            ctx.backward(loss);
            adam.step(model.weights(), ctx);
        }
        assertThat(last).as("mean loss of the last ten steps against the first ten").isLessThan(first * 0.8);
    }
}
