// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.FeaturesTimes;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the masked losses score, beyond the contract. */
final class MaskedLossesTest {

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
        return new LossInput(
                Encoding.deterministic(z),
                z,
                decoder,
                new TrainingGraph(graph),
                new SplittableRandom(5),
                new ComputationContext(),
                corruption);
    }

    @Test
    void maskedEdgeBceScoresTheRemovedEdgesAgainstFreshNonEdges() {
        Graph graph = TestGraphs.randomGraph(40, 120, 3);
        GraphInput clean = GraphInput.of(graph);
        EdgeList all = graph.upperTriangleEdges();
        EdgeList removed = new EdgeList(
                new int[] {all.src(0), all.src(5), all.src(9)}, new int[] {all.dst(0), all.dst(5), all.dst(9)});
        CorruptedInput corruption = MaskedEdgeBceContractTest.removeEdges(clean, removed);
        RecordingDecoder decoder = new RecordingDecoder();
        Weights z = new Weights("z", TestGraphs.randomMatrix(40, 4, 1));
        double value = new ComputationContext()
                .forward(new MaskedEdgeBceLoss(2).loss(input(graph, z, decoder, corruption)))
                .scalarValue();
        assertThat(value).isFinite().isPositive();
        assertThat(decoder.scored).hasSize(2);
        EdgeList negatives = decoder.scored.get(0);
        assertThat(decoder.scored.get(1)).isEqualTo(removed);
        assertThat(negatives.size()).isEqualTo(6);
        for (int k = 0; k < negatives.size(); k++) {
            assertThat(negatives.src(k)).isNotEqualTo(negatives.dst(k));
            assertThat(graph.adjacency().contains(negatives.src(k), negatives.dst(k)))
                    .as("negative (%d, %d) is a training edge", negatives.src(k), negatives.dst(k))
                    .isFalse();
        }
    }

    @Test
    void maskedEdgeBceWithoutRemovedEdgesReconstructsEveryTrainingEdge() {
        Graph graph = TestGraphs.randomGraph(20, 30, 4);
        RecordingDecoder decoder = new RecordingDecoder();
        Weights z = new Weights("z", TestGraphs.randomMatrix(20, 4, 1));
        new ComputationContext()
                .forward(new MaskedEdgeBceLoss(1)
                        .loss(input(graph, z, decoder, CorruptedInput.clean(GraphInput.of(graph)))));
        assertThat(decoder.scored.get(1)).isEqualTo(graph.upperTriangleEdges());
        assertThat(decoder.scored.get(0).size()).isEqualTo(30);
    }

    @Test
    void featureSceWithRemaskingRebuildsMaskedNodesFromTheirNeighboursOnly() {
        Graph graph = TestGraphs.twoCommunities(5, 3, 2);
        GraphInput clean = GraphInput.of(graph);
        int[] masked = {1, 6};
        CorruptedInput corruption = CorruptedInput.clean(clean).then(clean, masked, EdgeList.empty());
        FeatureSceLoss loss =
                new FeatureSceLoss(4, 3, FeatureSceLoss.DecoderKind.GCN, true, 2, new SplittableRandom(1));
        Weights z = new Weights("z", TestGraphs.randomMatrix(10, 4, 8));
        Variable value = loss.loss(input(graph, z, RowDot::of, corruption));
        ComputationContext ctx = new ComputationContext();
        assertThat(ctx.forward(value).scalarValue()).isFinite();
        ctx.backward(value);
        Matrix g = ctx.gradient(z);
        for (int i : masked) {
            for (int k = 0; k < 4; k++) {
                assertThat(g.get(i, k))
                        .as("gradient of the re-masked row %d", i)
                        .isZero();
            }
        }
        assertThat(g.maxAbs()).isPositive();
        assertThat(ctx.gradient(loss.weights().get(0)).maxAbs()).isPositive();
    }

    @Test
    void featureSceIsTheScaledCosineErrorOfTheMaskedRows() {
        Graph graph = TestGraphs.twoCommunities(3, 2, 1);
        GraphInput clean = GraphInput.of(graph);
        int[] masked = {0, 3, 5};
        FeatureSceLoss loss =
                new FeatureSceLoss(2, 2, FeatureSceLoss.DecoderKind.LINEAR, true, 3, new SplittableRandom(1));
        Matrix w = loss.weights().get(0).data();
        w.set(0, 0, 1);
        w.set(0, 1, 0);
        w.set(1, 0, 0);
        w.set(1, 1, 1); // X̂ = Z
        Matrix zValues = TestGraphs.randomMatrix(6, 2, 4);
        double value = new ComputationContext()
                .forward(loss.loss(input(
                        graph,
                        new Weights("z", zValues),
                        RowDot::of,
                        CorruptedInput.clean(clean).then(clean, masked, EdgeList.empty()))))
                .scalarValue();
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
        assertThatThrownBy(() ->
                        factory.create(ComponentConfig.of("decoder", "gin").describedAs("loss 'feature-sce'"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'decoder'")
                .hasMessageContaining("[gcn, linear, gat]")
                .hasMessageContaining("got 'gin'");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("attn-dropout", 0.1), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'attn-dropout'")
                .hasMessageContaining("gat");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("dropout", 1.0), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'dropout'");
        FeatureSceLoss gat = factory.create(ComponentConfig.of("decoder", "gat", "project", true), ctx);
        assertThat(gat.weights())
                .extracting(Weights::name)
                .containsExactly(
                        "feature-sce.W", "feature-sce.b", "feature-sce.attSrc", "feature-sce.attDst", "feature-sce.P");
        assertThat(gat.weights())
                .extracting(Weights::shape)
                .containsExactly("(16, 1433)", "(1, 1433)", "(1, 1433)", "(1, 1433)", "(16, 16)");
        assertThat(gat.weights().get(0).data())
                .as("W_d is drawn first, whatever follows")
                .isEqualTo(loss.weights().get(0).data());
        assertThatThrownBy(
                        () -> factory.create(ComponentConfig.of("gamma", 0.5).describedAs("loss 'feature-sce'"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'gamma'");
    }

    /**
     * The GAT decoder against the layer written out densely (x = h W_d for every node, attention over
     * N(i) ∪ {i} from x, then Σ_j α_ij x_j + b): computing it through W_d's transpose is the same function.
     */
    @Test
    void featureSceGatDecoderIsASingleHeadGatLayerOnTheProjectedRemaskedZ() {
        Graph graph = TestGraphs.twoCommunities(4, 3, 6);
        GraphInput clean = GraphInput.of(graph);
        int[] masked = {1, 2, 6};
        FeatureSceLoss loss = new FeatureSceLoss(
                4,
                3,
                FeatureSceLoss.DecoderKind.GAT,
                true,
                2,
                new FeatureSceLoss.DecoderOptions(true, 0, 0),
                new SplittableRandom(1));
        List<Weights> w = loss.weights(); // W b attSrc attDst P
        double[] b = w.get(1).data().data();
        for (int k = 0; k < b.length; k++) {
            b[k] = 0.1 * (k + 1);
        }
        Matrix zValues = TestGraphs.randomMatrix(8, 4, 8);
        Weights z = new Weights("z", zValues);
        CorruptedInput corruption = CorruptedInput.clean(clean).then(clean, masked, EdgeList.empty());
        double value = new ComputationContext()
                .forward(loss.loss(input(graph, z, RowDot::of, corruption)))
                .scalarValue();

        Matrix h = zValues.multiply(w.get(4).data());
        for (int i : masked) {
            for (int k = 0; k < 4; k++) {
                h.set(i, k, 0);
            }
        }
        Matrix x = h.multiply(w.get(0).data());
        Matrix a = graph.adjacency().toDense();
        Matrix xClean = graph.featuresOrIdentity().toDense();
        double expected = 0;
        for (int i : masked) {
            List<Integer> nbrs = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                if (j == i || a.get(i, j) != 0) {
                    nbrs.add(j);
                }
            }
            double[] e = new double[nbrs.size()];
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < e.length; t++) {
                double raw = dot(w.get(3).data(), x, i) + dot(w.get(2).data(), x, nbrs.get(t));
                e[t] = raw > 0 ? raw : 0.2 * raw;
                max = Math.max(max, e[t]);
            }
            double sum = 0;
            for (int t = 0; t < e.length; t++) {
                e[t] = Math.exp(e[t] - max);
                sum += e[t];
            }
            double[] out = new double[3];
            for (int c = 0; c < 3; c++) {
                out[c] = b[c];
                for (int t = 0; t < e.length; t++) {
                    out[c] += e[t] / sum * x.get(nbrs.get(t), c);
                }
            }
            double num = 0;
            double nx = 0;
            double no = 0;
            for (int c = 0; c < 3; c++) {
                num += xClean.get(i, c) * out[c];
                nx += xClean.get(i, c) * xClean.get(i, c);
                no += out[c] * out[c];
            }
            expected += Math.pow(1 - num / Math.sqrt(nx * no), 2);
        }
        assertThat(value).isCloseTo(expected / masked.length, within(1e-12));
    }

    private static double dot(Matrix row, Matrix x, int i) {
        double s = 0;
        for (int c = 0; c < x.cols(); c++) {
            s += row.get(0, c) * x.get(i, c);
        }
        return s;
    }

    /** Decoder dropout draws from the pass's random source: seeded, and absent at rate 0. */
    @Test
    void featureSceDecoderDropoutIsSeededByThePass() {
        Graph graph = TestGraphs.twoCommunities(4, 3, 6);
        GraphInput clean = GraphInput.of(graph);
        CorruptedInput corruption = CorruptedInput.clean(clean).then(clean, new int[] {0, 5}, EdgeList.empty());
        Weights z = new Weights("z", TestGraphs.randomMatrix(8, 4, 8));
        FeatureSceLoss plain = new FeatureSceLoss(
                4,
                3,
                FeatureSceLoss.DecoderKind.GAT,
                true,
                2,
                new FeatureSceLoss.DecoderOptions(false, 0, 0),
                new SplittableRandom(1));
        FeatureSceLoss dropped = new FeatureSceLoss(
                4,
                3,
                FeatureSceLoss.DecoderKind.GAT,
                true,
                2,
                new FeatureSceLoss.DecoderOptions(false, 0.5, 0.5),
                new SplittableRandom(1));
        double a = new ComputationContext()
                .forward(dropped.loss(input(graph, z, RowDot::of, corruption)))
                .scalarValue();
        double again = new ComputationContext()
                .forward(dropped.loss(input(graph, z, RowDot::of, corruption)))
                .scalarValue();
        double without = new ComputationContext()
                .forward(plain.loss(input(graph, z, RowDot::of, corruption)))
                .scalarValue();
        assertThat(again).isEqualTo(a);
        assertThat(a).isNotEqualTo(without);
    }

    /** The term trains with the model: its decoder is in the model's weights and a few Adam steps lower it. */
    @Test
    void featureSceTrainsWithTheModel() {
        Graph graph = TestGraphs.twoCommunities(10, 6, 3);
        Weights w = new Weights("enc.W", TestGraphs.randomMatrix(6, 4, 2).scale(0.5));
        Encoder encoder = new Encoder() {
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
                return 4;
            }
        };
        FeatureSceLoss sce =
                new FeatureSceLossFactory().create(ComponentConfig.empty(), new CreationContext(4, 20, 1, 6));
        GraphAutoencoder model = GraphAutoencoder.builder()
                .encoder(encoder)
                .sampler((e, m, r) -> e.mu())
                .decoder(RowDot::of)
                .loss("feature-sce", sce, 0.5)
                .corruption((in, random) -> in.then(in.input(), new int[] {random.nextInt(20)}, EdgeList.empty()))
                .build();
        assertThat(model.weights())
                .extracting(Weights::name)
                .containsExactly("enc.W", "feature-sce.W", "feature-sce.b");
        TrainingGraph training = new TrainingGraph(graph);
        GraphInput input = GraphInput.of(graph);
        Adam adam = new Adam(0.05);
        double first = 0;
        double last = 0;
        double sum = 0;
        for (int step = 0; step < 60; step++) {
            ComputationContext ctx = new ComputationContext();
            Variable loss = model.trainingLoss(input, training, new SplittableRandom(step), ctx);
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
        assertThat(last)
                .as("mean loss of the last ten steps against the first ten")
                .isLessThan(first * 0.8);
    }
}
