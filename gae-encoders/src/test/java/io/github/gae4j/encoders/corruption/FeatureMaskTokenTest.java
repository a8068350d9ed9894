// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.encoders.EncodersPlugin;
import io.github.gae4j.encoders.gcn.GcnEncoder;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * GraphMAE's learned [MASK] token: every built-in encoder sees X' = X with the masked rows replaced by t, without
 * knowing about masks, and the token gets the gradient of X'.
 */
final class FeatureMaskTokenTest implements GradientCheck {

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new EncodersPlugin()));

    /** Dense features (6 wide), sparse 0/1 features (6 wide) and none (X = I, 12 wide), on 12 nodes. */
    private static List<Graph> graphs() {
        Graph dense = TestGraphs.twoCommunities(6, 6, 3);
        Matrix x = dense.featuresOrIdentity().toDense();
        List<int[]> entries = new ArrayList<>();
        for (int i = 0; i < x.rows(); i++) {
            for (int k = 0; k < x.cols(); k++) {
                if (x.get(i, k) > 0.5) {
                    entries.add(new int[] {i, k});
                }
            }
        }
        SparseMatrix s = SparseMatrix.ofCoo(
                x.rows(),
                x.cols(),
                entries.stream().mapToInt(e -> e[0]).toArray(),
                entries.stream().mapToInt(e -> e[1]).toArray(),
                entries.stream().mapToDouble(e -> 1.0).toArray());
        Graph sparse = Graph.builder(12)
                .name("sparse")
                .edges(dense.upperTriangleEdges())
                .features(Features.sparse(s))
                .build();
        return List.of(dense, sparse, TestGraphs.randomGraph(12, 20, 4));
    }

    /**
     * Options that reach every first-layer path: GCN with and without a hidden layer, both variational heads, the
     * linear encoders, and GAT with an identity residual (width = input width) and a projected one.
     */
    private static List<ComponentSpec> encoders(int dim) {
        return List.of(
                ComponentSpec.of("gcn", "hidden", 5, "latent", 3),
                ComponentSpec.of("gcn", "hidden", "", "latent", 3, "bias", true),
                ComponentSpec.of("vgae", "hidden", 5, "latent", 3),
                ComponentSpec.of("linear", "latent", 3),
                ComponentSpec.of("linear-vgae", "latent", 3),
                ComponentSpec.of("gat", "hidden", dim / 2, "heads", 2, "latent", 3, "residual", true),
                ComponentSpec.of("gat", "hidden", 4, "heads", 2, "out-heads", 2, "latent", 3, "residual", true));
    }

    private static Encoder encoder(ComponentSpec spec, Graph graph) {
        return new ModelAssembler(REGISTRY)
                .create(
                        ComponentKind.ENCODER,
                        spec,
                        new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), 7));
    }

    /** A learned-token mask whose token is set to non-zero values, so that it shows. */
    private static FeatureMask maskWithToken(int dim, long seed) {
        FeatureMask mask = new FeatureMask(0.5, dim);
        Matrix t = randomMatrix(1, dim, seed);
        System.arraycopy(t.data(), 0, mask.weights().get(0).data().data(), 0, dim);
        return mask;
    }

    /** The corrupted features with the masked rows replaced by t, as one dense matrix. */
    private static Features tokenFilled(CorruptedInput out, Matrix token) {
        Matrix x = out.input().features().toDense().copy();
        for (int i : out.maskedNodes()) {
            for (int k = 0; k < x.cols(); k++) {
                assertThat(x.get(i, k)).as("masked row %d is zero in X", i).isZero();
                x.set(i, k, token.get(0, k));
            }
        }
        return Features.dense(x);
    }

    private static Variable scalarOf(Encoding e, long seed) {
        Variable s = Sum.of(ElementMul.of(e.mu(), Constant.of(randomMatrix(e.mu().rows(), e.mu().cols(), seed))));
        if (e.logStd().isPresent()) {
            Variable l = e.logStd().get();
            s = Add.of(s, Sum.of(ElementMul.of(l, Constant.of(randomMatrix(l.rows(), l.cols(), seed + 1)))));
        }
        return s;
    }

    @Test
    void everyEncoderSeesTheMaskedRowsReplacedByTheToken() {
        for (Graph graph : graphs()) {
            int dim = graph.featuresOrIdentity().dim();
            FeatureMask mask = maskWithToken(dim, 11);
            CorruptedInput out = mask.corrupt(CorruptedInput.clean(GraphInput.of(graph)), new SplittableRandom(5));
            assertThat(out.maskedNodes()).hasSize(6);
            assertThat(out.input().maskToken().rows()).containsExactly(out.maskedNodes());
            assertThat(out.input().maskToken().value()).isSameAs(mask.weights().get(0));
            assertThat(out.input().features().getClass())
                    .as("the kind of X is kept")
                    .isEqualTo(
                            graph.featuresOrIdentity() instanceof Features.Dense
                                    ? Features.Dense.class
                                    : Features.Sparse.class);
            GraphInput explicit = new GraphInput(
                    out.input().graph(),
                    out.input().normalizedAdjacency(),
                    tokenFilled(out, mask.weights().get(0).data()));
            for (ComponentSpec spec : encoders(dim)) {
                Encoder encoder = encoder(spec, graph);
                Encoding withToken = encoder.encode(out.input(), Mode.EVAL);
                Encoding dense = encoder.encode(explicit, Mode.EVAL);
                String what = spec + " on " + graph.name();
                assertClose(withToken.mu(), dense.mu(), "μ of " + what);
                if (dense.logStd().isPresent()) {
                    assertClose(withToken.logStd().orElseThrow(), dense.logStd().get(), "log σ of " + what);
                }
            }
        }
    }

    /** The brief's reference: a plain GcnEncoder on X' built by hand. */
    @Test
    void gcnEncoderOnHandBuiltFeaturesMatches() {
        Graph graph = TestGraphs.twoCommunities(6, 6, 3);
        FeatureMask mask = maskWithToken(6, 12);
        CorruptedInput out = mask.corrupt(CorruptedInput.clean(GraphInput.of(graph)), new SplittableRandom(2));
        Matrix x = graph.featuresOrIdentity().toDense().copy();
        for (int i : out.maskedNodes()) {
            for (int k = 0; k < 6; k++) {
                x.set(i, k, mask.weights().get(0).data().get(0, k));
            }
        }
        GcnEncoder gcn = new GcnEncoder(6, 4, 3, new SplittableRandom(1));
        Variable a = gcn.encode(out.input(), Mode.EVAL).mu();
        Variable b = gcn.encode(new GraphInput(graph, out.input().normalizedAdjacency(), Features.dense(x)), Mode.EVAL)
                .mu();
        assertClose(a, b, "GCN on X' against GCN with the token");
    }

    private static void assertClose(Variable actual, Variable expected, String what) {
        double[] a = new ComputationContext().forward(actual).toRowMajor();
        double[] e = new ComputationContext().forward(expected).toRowMajor();
        assertThat(a).as(what).containsExactly(e, within(1e-12));
    }

    @Test
    void tokenGradientMatchesFiniteDifferencesThroughEveryEncoder() {
        for (Graph graph : graphs()) {
            int dim = graph.featuresOrIdentity().dim();
            FeatureMask mask = maskWithToken(dim, 13);
            CorruptedInput out = mask.corrupt(CorruptedInput.clean(GraphInput.of(graph)), new SplittableRandom(6));
            for (ComponentSpec spec : encoders(dim)) {
                Encoder encoder = encoder(spec, graph);
                Variable loss = scalarOf(encoder.encode(out.input(), Mode.EVAL), 21);
                List<Weights> checked = new ArrayList<>(mask.weights());
                checked.add(encoder.weights().get(0));
                assertGradientsMatch(checked, loss);
            }
        }
    }

    /** Training passes with input dropout: X is dropped, the token is added after, and the gradient is right. */
    @Test
    void tokenGradientWithInputDropout() {
        Graph graph = TestGraphs.twoCommunities(6, 6, 3);
        FeatureMask mask = maskWithToken(6, 14);
        CorruptedInput out = mask.corrupt(CorruptedInput.clean(GraphInput.of(graph)), new SplittableRandom(7));
        for (ComponentSpec spec : List.of(
                ComponentSpec.of("gcn", "hidden", 5, "latent", 3, "dropout", 0.3),
                ComponentSpec.of("gat", "hidden", 3, "heads", 2, "latent", 3, "feat-dropout", 0.3, "residual", true))) {
            Encoder encoder = encoder(spec, graph);
            Variable loss = scalarOf(encoder.encode(out.input(), Mode.TRAIN, new SplittableRandom(8)), 22);
            assertGradientsMatch(mask.weights(), loss);
        }
    }

    /** At its initial zeros the token changes nothing: same draws, same features, the same encoding. */
    @Test
    void aZeroTokenMasksAsTheZeroMask() {
        for (Graph graph : graphs()) {
            int dim = graph.featuresOrIdentity().dim();
            GraphInput clean = GraphInput.of(graph);
            FeatureMask learned = new FeatureMask(0.5, dim);
            assertThat(learned.weights().get(0).data()).isEqualTo(Matrix.zeros(1, dim));
            CorruptedInput a = new FeatureMask(0.5).corrupt(CorruptedInput.clean(clean), new SplittableRandom(9));
            CorruptedInput b = learned.corrupt(CorruptedInput.clean(clean), new SplittableRandom(9));
            assertThat(a.input().maskToken()).isNull();
            assertThat(b.maskedNodes()).containsExactly(a.maskedNodes());
            assertThat(b.input().features().getClass())
                    .isEqualTo(a.input().features().getClass());
            assertThat(b.input().features().toDense().toRowMajor())
                    .containsExactly(a.input().features().toDense().toRowMajor());
            for (ComponentSpec spec : encoders(dim)) {
                Encoder encoder = encoder(spec, graph);
                assertClose(
                        encoder.encode(b.input(), Mode.EVAL).mu(),
                        encoder.encode(a.input(), Mode.EVAL).mu(),
                        spec + " with a zero token");
            }
        }
    }

    @Test
    void theFactoryGivesALearnedTokenAsWideAsTheFeatures() {
        FeatureMaskFactory factory = new FeatureMaskFactory();
        Corruption zero = factory.create(ComponentConfig.of("rate", 0.3), new CreationContext(9, 20, 1));
        assertThat(zero.weights()).isEmpty();
        assertThat(((FeatureMask) zero).token()).isEqualTo(FeatureMask.Token.ZERO);
        Corruption learned =
                factory.create(ComponentConfig.of("rate", 0.3, "token", " Learned "), new CreationContext(9, 20, 1));
        assertThat(((FeatureMask) learned).token()).isEqualTo(FeatureMask.Token.LEARNED);
        assertThat(learned.weights()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo(FeatureMask.TOKEN_NAME).isEqualTo("feature-mask.token");
            assertThat(w.data()).isEqualTo(Matrix.zeros(1, 9));
        });
        assertThat(learned).hasToString("FeatureMask[rate=0.3, token=learned]");
    }

    @Test
    void aTokenOfAnotherWidthIsRefused() {
        Graph graph = TestGraphs.twoCommunities(6, 6, 3);
        assertThatThrownBy(() -> new FeatureMask(0.5, 5)
                        .corrupt(CorruptedInput.clean(GraphInput.of(graph)), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built for 5 features")
                .hasMessageContaining("has 6");
    }

    @Test
    void laterCorruptionsKeepTheTokenAndALaterZeroMaskTakesItsRows() {
        Graph graph = TestGraphs.twoCommunities(10, 6, 3);
        CorruptedInput clean = CorruptedInput.clean(GraphInput.of(graph));
        SplittableRandom random = new SplittableRandom(3);
        FeatureMask learned = maskWithToken(6, 15);
        CorruptedInput masked = learned.corrupt(clean, random);
        int[] tokenRows = masked.input().maskToken().rows();
        CorruptedInput dropped = new FeatureNoise(0.1).corrupt(new EdgeDropout(0.5).corrupt(masked, random), random);
        assertThat(dropped.input().maskToken()).isEqualTo(masked.input().maskToken());

        CorruptedInput zeroed = new FeatureMask(0.5).corrupt(masked, new SplittableRandom(17));
        int[] picked = FeatureMask.pick(20, 10, new SplittableRandom(17));
        int[] expected = Arrays.stream(tokenRows)
                .filter(i -> Arrays.binarySearch(picked, i) < 0)
                .toArray();
        assertThat(expected.length)
                .as("the second mask picks some of the first one's rows")
                .isLessThan(10);
        assertThat(zeroed.input().maskToken().rows())
                .as("token rows the zero mask did not pick")
                .containsExactly(expected);

        assertThatThrownBy(() -> maskWithToken(6, 16).corrupt(masked, random))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("already carries one");
    }

    /** A whole training pass: every encoder of the plugin gives the token a finite, non-zero gradient. */
    @Test
    void everyEncoderTrainsTheToken() {
        Graph graph = TestGraphs.twoCommunities(12, 5, 8);
        CreationContext ctx = new CreationContext(5, graph.nodeCount(), 1);
        ModelAssembler assembler = new ModelAssembler(REGISTRY);
        for (EncoderFactory ef : REGISTRY.factories(ComponentKind.ENCODER).values()) {
            Encoder encoder = assembler.create(
                    ComponentKind.ENCODER, new ComponentSpec(ef.name(), ComponentConfig.of("latent", 4)), ctx);
            Sampler sampler = REGISTRY.factory(
                            ComponentKind.SAMPLER, ef.name().contains("vgae") ? "gaussian" : "identity")
                    .create(ComponentConfig.empty(), ctx);
            Corruption mask = assembler.create(
                    ComponentKind.CORRUPTION, ComponentSpec.of("feature-mask", "token", "learned"), ctx);
            GraphAutoencoder model = GraphAutoencoder.builder()
                    .encoder(encoder)
                    .sampler(sampler)
                    .decoder(RowDot::of)
                    .loss(
                            "pairs",
                            input -> Mean.of(Sigmoid.of(input.decoder()
                                    .logits(input.z(), input.training().positives()))))
                    .corruption(mask)
                    .build();
            Weights token = mask.weights().get(0);
            assertThat(model.weights()).last().isSameAs(token);
            ComputationContext pass = new ComputationContext();
            Variable loss =
                    model.trainingLoss(GraphInput.of(graph), new TrainingGraph(graph), new SplittableRandom(3), pass);
            pass.backward(loss);
            Matrix g = pass.gradient(token);
            assertThat(g).as("gradient of the token under %s", ef.name()).isNotNull();
            assertThat(g.firstNonFinite())
                    .as("gradient of the token under %s", ef.name())
                    .isEqualTo(-1);
            assertThat(g.maxAbs())
                    .as("gradient of the token under %s", ef.name())
                    .isPositive();
        }
    }
}
