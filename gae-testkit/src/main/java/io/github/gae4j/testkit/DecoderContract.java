// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.autodiff.functions.FullGraphBce.BceWeights;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DecoderFactory} and its {@link Decoder}s. Supply {@link #factory()}, and override
 * {@link #symmetric()} to {@code true} if the decoder scores (i, j) and (j, i) alike:
 *
 * <pre>{@code
 * final class MyDecoderContractTest implements DecoderContract {
 *     public DecoderFactory factory() { return new MyDecoderFactory(); }
 *     public boolean symmetric() { return true; }
 * }
 * }</pre>
 *
 * <p>Checks, on a seeded 5 × {@link #latentDim()} Z and pairs that include a self pair: logits are an E × 1 column,
 * finite; symmetric where declared; decoders created with the same seed agree; evaluation passes draw nothing and
 * training passes are seeded; gradients (of plain and of training passes) of a scalar function of
 * the logits with respect to Z and the decoder's {@code weights()} match central finite differences; {@code weights()}
 * have distinct names and are exactly the parameters that get a gradient in a training pass (and in the fused
 * full-graph loss, if offered), apart from {@link #weightsWithoutGradient()}; {@code create} reads no option that
 * {@code parameters()} does not declare; a decoder that
 * offers a fused full-graph loss ({@link FusedFullGraphLoss}) agrees with its own logits (see
 * {@link #fusedFullGraphLossAgreesWithItsLogits()}); an unknown option is rejected listing
 * {@code optionNames(factory)}; the prediction scorer agrees with the logits ({@link #scorerAgreesWithLogits()}).
 */
public interface DecoderContract extends GradientCheck {

    /** The factory under test. */
    DecoderFactory factory();

    /** Options of the decoder; empty by default. */
    default ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** Whether logits(i, j) = logits(j, i); false by default (not checked). */
    default boolean symmetric() {
        return false;
    }

    /** Width of Z (the {@code inputDim} of the {@link CreationContext}). */
    default int latentDim() {
        return 3;
    }

    default long seed() {
        return 42;
    }

    /** Pairs to score among 5 nodes; includes a self pair. */
    default EdgeList pairs() {
        return new EdgeList(new int[] {0, 0, 1, 3, 2, 4}, new int[] {1, 2, 3, 4, 2, 0});
    }

    /**
     * Relative tolerance of {@link #fusedFullGraphLossAgreesWithItsLogits()}: of the loss, and of each gradient entry
     * against the gradient's largest entry. 1e-4 admits a float kernel; a double one agrees to about 1e-12.
     */
    default double fusedTolerance() {
        return 1e-4;
    }

    /**
     * Names of weights in {@code weights()} that legitimately get no gradient in a training pass of a decoder created
     * with {@link #config()} (e.g. an option of that config switches them off); empty by default.
     */
    default Set<String> weightsWithoutGradient() {
        return Set.of();
    }

    /** Creates a decoder, checking {@link #config()} as the model assembler does. */
    default Decoder createDecoder(long seed) {
        return Contracts.create(ComponentKind.DECODER, factory(), config(), new CreationContext(latentDim(), 5, seed));
    }

    private Weights z() {
        return new Weights("z", TestGraphs.randomMatrix(5, latentDim(), seed()));
    }

    @Test
    default void logitsAreAFiniteColumnWithOneRowPerPair() {
        Matrix logits = Contracts.forward(createDecoder(seed()).logits(z(), pairs()));
        Contracts.assertShape(logits, pairs().size(), 1, "logits");
        Contracts.assertFinite(logits, "logits");
    }

    @Test
    default void logitsAreSymmetricWhereDeclared() {
        if (!symmetric()) {
            return;
        }
        EdgeList pairs = pairs();
        EdgeList reversed = new EdgeList(pairs.dstArray(), pairs.srcArray());
        Decoder decoder = createDecoder(seed());
        Weights z = z();
        double[] forward = Contracts.forward(decoder.logits(z, pairs)).toRowMajor();
        double[] backward = Contracts.forward(decoder.logits(z, reversed)).toRowMajor();
        for (int k = 0; k < forward.length; k++) {
            assertThat(backward[k])
                    .as("logit of (%d, %d) against (%d, %d)", pairs.dst(k), pairs.src(k), pairs.src(k), pairs.dst(k))
                    .isCloseTo(forward[k], within(1e-12));
        }
    }

    /**
     * The prediction scorer ({@link Decoder#scorer}) agrees with the decoder's logits on every ordered pair, one
     * by one and row by row; one that calls itself undirected scores (u, v) and (v, u) alike; an inner-product
     * form, if offered, gives the same logits. A plugin that overrides {@code scorer} with a fast path must keep
     * it equal to its logits: search and the prediction server rank by it.
     */
    @Test
    default void scorerAgreesWithLogits() {
        Decoder decoder = createDecoder(seed());
        Matrix z = TestGraphs.randomMatrix(5, latentDim(), seed());
        PairScorer scorer = decoder.scorer(z);
        assertThat(scorer.nodes()).as("scorer.nodes()").isEqualTo(5);
        int[] src = new int[25];
        int[] dst = new int[25];
        for (int k = 0; k < 25; k++) {
            src[k] = k / 5;
            dst[k] = k % 5;
        }
        double[] logits = Contracts.forward(decoder.logits(Constant.of(z), new EdgeList(src, dst)))
                .toRowMajor();
        double[] row = new double[5];
        for (int u = 0; u < 5; u++) {
            scorer.logitsFrom(u, row);
            for (int v = 0; v < 5; v++) {
                double expected = logits[u * 5 + v];
                double tolerance = 1e-9 * Math.max(1, Math.abs(expected));
                assertThat(scorer.logit(u, v)).as("scorer.logit(%d, %d)", u, v).isCloseTo(expected, within(tolerance));
                assertThat(row[v]).as("scorer.logitsFrom(%d)[%d]", u, v).isCloseTo(expected, within(tolerance));
                if (!scorer.directed()) {
                    assertThat(scorer.logit(v, u))
                            .as("an undirected scorer's logit(%d, %d) against logit(%d, %d)", v, u, u, v)
                            .isCloseTo(scorer.logit(u, v), within(tolerance));
                }
                int uu = u;
                int vv = v;
                scorer.innerProduct()
                        .ifPresent(form -> assertThat(form.logit(uu, vv))
                                .as("innerProduct().logit(%d, %d)", uu, vv)
                                .isCloseTo(expected, within(tolerance)));
            }
        }
        scorer.innerProduct()
                .ifPresent(form -> assertThat(form.symmetric())
                        .as("an inner-product form is symmetric exactly when the scorer is undirected")
                        .isEqualTo(!scorer.directed()));
    }

    @Test
    default void sameSeedGivesSameLogits() {
        Weights z = z();
        double[] first =
                Contracts.forward(createDecoder(seed()).logits(z, pairs())).toRowMajor();
        assertThat(Contracts.forward(createDecoder(seed()).logits(z, pairs())).toRowMajor())
                .as("logits of two decoders created with seed %d", seed())
                .containsExactly(first);
    }

    /**
     * Evaluation passes ({@link Mode#EVAL}) score exactly as {@code logits(z, pairs)} and draw nothing from the random
     * source; training passes ({@link Mode#TRAIN}, as losses call it) give an E × 1 finite column that is the same for
     * the same seed of the random source.
     */
    @Test
    default void trainingPassesAreSeededAndEvaluationPassesDrawNothing() {
        Decoder decoder = createDecoder(seed());
        Weights z = z();
        double[] plain = Contracts.forward(decoder.logits(z, pairs())).toRowMajor();
        SplittableRandom random = new SplittableRandom(7);
        assertThat(Contracts.forward(decoder.logits(z, pairs(), Mode.EVAL, random))
                        .toRowMajor())
                .as("evaluation-pass logits")
                .containsExactly(plain);
        assertThat(random.nextLong()).as("draws in an evaluation pass").isEqualTo(new SplittableRandom(7).nextLong());
        Matrix train = Contracts.forward(decoder.logits(z, pairs(), Mode.TRAIN, new SplittableRandom(8)));
        assertThat(train.rows()).isEqualTo(pairs().size());
        assertThat(train.cols()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(train.toRowMajor()).allMatch(Double::isFinite))
                .as("finite logits")
                .isTrue();
        assertThat(Contracts.forward(decoder.logits(z, pairs(), Mode.TRAIN, new SplittableRandom(8)))
                        .toRowMajor())
                .as("training-pass logits with the same seed")
                .containsExactly(train.toRowMajor());
    }

    /**
     * Gradients of a training pass (dropout masks fixed when the pass is built) match finite differences. The
     * decoder's weights are first moved off their initial values (zero biases would put a unit whose inputs were all
     * dropped exactly on a ReLU kink, where no finite difference agrees with any subgradient).
     */
    @Test
    default void trainingPassGradientsMatchFiniteDifferences() {
        Decoder decoder = createDecoder(seed());
        SplittableRandom jitter = new SplittableRandom(seed() + 1);
        for (Weights w : decoder.weights()) {
            double[] values = w.data().data();
            for (int k = 0; k < values.length; k++) {
                values[k] += 0.2 * (jitter.nextDouble() - 0.5);
            }
        }
        Weights z = z();
        Variable loss = Sum.of(Sigmoid.of(decoder.logits(z, pairs(), Mode.TRAIN, new SplittableRandom(9))));
        List<Weights> weights = new ArrayList<>();
        weights.add(z);
        weights.addAll(decoder.weights());
        assertGradientsMatch(weights, loss);
    }

    /** Checkpoints and model files store weights by name, so {@code weights()} names each one once. */
    @Test
    default void weightNamesAreDistinct() {
        Contracts.assertDistinctWeightNames(
                "decoder '" + factory().name() + "'", createDecoder(seed()).weights());
    }

    /**
     * In a training pass ({@code logits(z, pairs, TRAIN, random)}, as losses call it), and in the fused full-graph
     * loss of a decoder that offers one, every parameter besides Z the result depends on is in {@code weights()} (by
     * identity), and every weight in {@code weights()} is one of them, apart from {@link #weightsWithoutGradient()}.
     */
    @Test
    default void weightsAreExactlyTheParametersThatGetGradients() {
        Decoder decoder = createDecoder(seed());
        Weights z = z();
        String what = "decoder '" + factory().name() + "'";
        Contracts.assertWeightsAreThoseThatGetGradients(
                what,
                decoder.weights(),
                List.of(decoder.logits(z, pairs(), Mode.TRAIN, new SplittableRandom(seed()))),
                List.of(z),
                weightsWithoutGradient());
        if (decoder instanceof FusedFullGraphLoss fused) {
            SparseMatrix target = NormalizedAdjacency.withSelfLoops(
                    TestGraphs.randomGraph(5, 6, seed()).adjacency());
            BceWeights w = BceWeights.of(target);
            Contracts.assertWeightsAreThoseThatGetGradients(
                    what + " (its fused full-graph loss)",
                    decoder.weights(),
                    List.of(fused.fullGraphBce(z, target, w.posWeight(), w.norm())),
                    List.of(z),
                    weightsWithoutGradient());
        }
    }

    /**
     * {@code create} asks the config only for options {@code parameters()} declares (every creation in this
     * contract checks it; this test names it).
     */
    @Test
    default void createReadsOnlyDeclaredOptions() {
        createDecoder(seed());
    }

    @Test
    default void gradientsMatchFiniteDifferences() {
        Decoder decoder = createDecoder(seed());
        Weights z = z();
        Variable loss = Sum.of(Sigmoid.of(decoder.logits(z, pairs())));
        List<Weights> weights = new ArrayList<>();
        weights.add(z);
        weights.addAll(decoder.weights());
        assertGradientsMatch(weights, loss);
    }

    /**
     * A decoder that also implements {@link FusedFullGraphLoss} must compute the loss its own logits define: on a
     * 12-node graph, for a symmetric target (undirected A + I, flagged symmetric) and a directed one, the fused loss
     * and its gradient with respect to Z equal the materialised fallback ({@link FullGraphBce#materialised} over
     * {@code logits} of all N² pairs) within {@link #fusedTolerance()}. A decoder without the capability passes.
     */
    @Test
    default void fusedFullGraphLossAgreesWithItsLogits() {
        int n = 12;
        Decoder decoder = Contracts.create(
                ComponentKind.DECODER, factory(), config(), new CreationContext(latentDim(), n, seed()));
        if (!(decoder instanceof FusedFullGraphLoss fused)) {
            return;
        }
        SparseMatrix undirected = NormalizedAdjacency.withSelfLoops(
                TestGraphs.randomGraph(n, 20, seed()).adjacency());
        SparseMatrix directed = NormalizedAdjacency.withSelfLoops(
                DirectedTestGraphs.random(n, 25, 0.2, seed()).adjacency());
        for (SparseMatrix target : List.of(undirected, directed)) {
            String what = (target.isSymmetric() ? "symmetric" : "directed") + " target";
            Weights z = new Weights("z", TestGraphs.randomMatrix(n, latentDim(), seed() + 1));
            BceWeights w = BceWeights.of(target);
            Variable expected = FullGraphBce.materialised(pairs -> decoder.logits(z, pairs), target, w);
            Variable actual = fused.fullGraphBce(z, target, w.posWeight(), w.norm());
            ComputationContext slow = new ComputationContext();
            double expectedValue = slow.forward(expected).scalarValue();
            slow.backward(expected);
            ComputationContext fast = new ComputationContext();
            assertThat(fast.forward(actual).scalarValue())
                    .as("fused full-graph loss, %s", what)
                    .isCloseTo(expectedValue, within(fusedTolerance() * Math.abs(expectedValue)));
            fast.backward(actual);
            Matrix g = fast.gradient(z);
            assertThat(g)
                    .as("gradient of the fused loss with respect to Z, %s", what)
                    .isNotNull();
            double[] e = slow.gradient(z).toRowMajor();
            double[] a = g.toRowMajor();
            double scale = slow.gradient(z).maxAbs();
            for (int k = 0; k < e.length; k++) {
                assertThat(a[k])
                        .as("d fused loss / dZ(%d, %d), %s", k / latentDim(), k % latentDim(), what)
                        .isCloseTo(e[k], within(fusedTolerance() * scale));
            }
        }
    }

    /**
     * Every option {@code parameters()} declares passes the model assembler's option check, and every declared
     * non-empty default, given explicitly, is accepted by {@code create} and gives a component.
     */
    @Test
    default void declaredParametersAndTheirDefaultsAreAccepted() {
        Contracts.assertDeclaredParametersAreAccepted(
                ComponentKind.DECODER, factory(), config(), new CreationContext(latentDim(), 5, seed()));
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Contracts.assertRejectsUnknownOption(
                ComponentKind.DECODER, factory(), config(), new CreationContext(latentDim(), 5, seed()));
    }
}
