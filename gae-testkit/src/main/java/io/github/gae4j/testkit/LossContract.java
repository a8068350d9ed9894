// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LinkBatch;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link LossFactory} and its {@link Loss}es. Supply {@link #factory()}; a loss that needs a
 * variational encoding (log σ) overrides {@link #variationalEncoding()} to {@code true}:
 *
 * <pre>{@code
 * final class MyLossContractTest implements LossContract {
 *     public LossFactory factory() { return new MyLossFactory(); }
 * }
 * }</pre>
 *
 * <p>The loss sees {@link #graph()} as its training graph, Z = μ as {@link Weights} (seeded), log σ as
 * {@link Weights} if variational, {@link #decoder()} (a plain inner product {@code z_i · z_j} by default, without a
 * fused kernel), a seeded generator and {@link #corruption} (nothing hidden, unless overridden). Checks: the loss is
 * a finite 1 × 1 scalar; the same generator seed gives the same value; gradients with respect to μ = Z (and log σ)
 * and the loss's own {@code weights()} match central finite differences; its own weights require gradients, in a
 * stable order, under distinct names, and are exactly the parameters of its own that get a gradient in a pass (apart
 * from {@link #weightsWithoutGradient()}); {@code create} reads no option that {@code parameters()} does not declare; an unknown option is rejected listing {@code optionNames(factory)}; after a pass, {@code state()}
 * restored into a new loss ({@code restoreState}) gives the same state and the same next value, the snapshot does not
 * change with later passes, and an unknown tensor in a restored state is refused by name. A loss whose
 * {@code supportsMiniBatch()} is true is also computed on {@link #linkBatches()} (Z's rows taken as a sampled
 * subgraph's): finite, seeded, with gradients matching finite differences, dependent on the batch and not on the
 * training graph's edges.
 */
public interface LossContract extends GradientCheck {

    /** The factory under test. */
    LossFactory factory();

    /** Options of the loss; empty by default. */
    default ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** Whether the encoding carries log σ; the loss must then depend on both μ and log σ. */
    default boolean variationalEncoding() {
        return false;
    }

    /** The decoder the loss may call; an inner product without a fused kernel by default. */
    default Decoder decoder() {
        return RowDot::of;
    }

    /** The training graph; small, so that full-graph losses stay cheap. */
    default Graph graph() {
        return TestGraphs.starWithIsolatedNode(3);
    }

    default int latentDim() {
        return 3;
    }

    default long seed() {
        return 42;
    }

    /**
     * Names of weights in the loss's {@code weights()} that legitimately get no gradient in a pass of a loss created
     * with {@link #config()} and shown {@link #corruption} (e.g. an option of that config switches them off); empty by
     * default.
     */
    default Set<String> weightsWithoutGradient() {
        return Set.of();
    }

    /**
     * Creates a loss, checking {@link #config()} as the model assembler does: its input dimension is
     * {@link #latentDim()}, its feature dimension that of {@link #graph()}'s features (X = I if it has none).
     */
    default Loss createLoss() {
        Graph graph = graph();
        return Contracts.create(
                ComponentKind.LOSS,
                factory(),
                config(),
                new CreationContext(
                        latentDim(),
                        graph.nodeCount(),
                        seed(),
                        graph.featuresOrIdentity().dim()));
    }

    /**
     * What the model's corruptions hid from the encoder in the pass the loss sees: nothing by default. Losses that
     * reconstruct hidden parts (masked nodes, removed edges) override this to hand them some, e.g. with
     * {@code CorruptedInput.clean(clean).then(...)}.
     */
    default CorruptedInput corruption(GraphInput clean) {
        return CorruptedInput.clean(clean);
    }

    /** μ (= Z), then log σ if {@link #variationalEncoding()}; seeded, fresh each call. */
    default List<Weights> encodingWeights() {
        int n = graph().nodeCount();
        List<Weights> weights = new ArrayList<>();
        weights.add(new Weights("z", TestGraphs.randomMatrix(n, latentDim(), seed())));
        if (variationalEncoding()) {
            weights.add(new Weights(
                    "logStd",
                    TestGraphs.randomMatrix(n, latentDim(), seed() + 1).scale(0.5)));
        }
        return weights;
    }

    /** A new loss over {@code weights} with a generator seeded with {@code randomSeed}. */
    default Variable loss(List<Weights> weights, TrainingGraph training, long randomSeed) {
        return loss(createLoss(), weights, training, randomSeed);
    }

    /** {@code loss} over {@code weights} with a generator seeded with {@code randomSeed}, shown {@link #corruption}. */
    default Variable loss(Loss loss, List<Weights> weights, TrainingGraph training, long randomSeed) {
        return loss(loss, weights, training, null, randomSeed);
    }

    @Test
    default void lossIsAFiniteScalar() {
        Matrix value = Contracts.forward(loss(encodingWeights(), new TrainingGraph(graph()), seed()));
        Contracts.assertShape(value, 1, 1, "loss");
        Contracts.assertFinite(value, "loss");
    }

    @Test
    default void sameGeneratorSeedGivesSameValue() {
        TrainingGraph training = new TrainingGraph(graph());
        double first =
                Contracts.forward(loss(encodingWeights(), training, seed())).scalarValue();
        double second = Contracts.forward(loss(encodingWeights(), new TrainingGraph(graph()), seed()))
                .scalarValue();
        assertThat(second).as("loss for generator seed %d", seed()).isEqualTo(first);
    }

    @Test
    default void gradientsMatchFiniteDifferences() {
        Loss loss = createLoss();
        List<Weights> weights = encodingWeights();
        Variable value = loss(loss, weights, new TrainingGraph(graph()), seed());
        List<Weights> all = new ArrayList<>(weights);
        all.addAll(loss.weights());
        assertGradientsMatch(all, value);
    }

    @Test
    default void ownWeightsRequireGradientsInAStableOrder() {
        Loss loss = createLoss();
        List<Weights> weights = loss.weights();
        assertThat(weights)
                .as("weights() of the loss")
                .isNotNull()
                .doesNotContainNull()
                .allSatisfy(w -> assertThat(w.requireGradient())
                        .as("%s requires a gradient", w.render())
                        .isTrue());
        assertThat(loss.weights()).as("weights() of the loss in a stable order").containsExactlyElementsOf(weights);
    }

    /** Checkpoints and model files store weights by name, so {@code weights()} names each one once. */
    @Test
    default void weightNamesAreDistinct() {
        Contracts.assertDistinctWeightNames(
                "loss '" + factory().name() + "'", createLoss().weights());
    }

    /**
     * In a pass, every parameter the loss depends on, other than the encoding, the decoder's weights and a mask
     * token of {@link #corruption}, is in its {@code weights()} (by identity), and every weight in {@code weights()} is
     * one of them, apart from {@link #weightsWithoutGradient()}. Parameters a loss trains itself are kept out of the
     * graph (a constant copy, or a graph of their own) and in {@code state()}.
     */
    @Test
    default void weightsAreExactlyTheParametersThatGetGradients() {
        Loss loss = createLoss();
        List<Weights> weights = encodingWeights();
        TrainingGraph training = new TrainingGraph(graph());
        // One decoder and one corruption, so that their parameters are known by identity.
        Decoder decoder = decoder();
        CorruptedInput corruption = corruption(GraphInput.of(training.graph()));
        Encoding encoding = weights.size() > 1
                ? Encoding.gaussian(weights.get(0), weights.get(1))
                : Encoding.deterministic(weights.get(0));
        Variable value = loss.loss(new LossInput(
                encoding,
                weights.get(0),
                decoder,
                training,
                new SplittableRandom(seed()),
                new ComputationContext(),
                corruption));
        List<Variable> inputs = new ArrayList<>(weights);
        inputs.addAll(decoder.weights());
        GraphInput.MaskToken token = corruption.input().maskToken();
        if (token != null) {
            inputs.add(token.value());
        }
        Contracts.assertWeightsAreThoseThatGetGradients(
                "loss '" + factory().name() + "'", loss.weights(), List.of(value), inputs, weightsWithoutGradient());
    }

    /**
     * {@code create} asks the config only for options {@code parameters()} declares (every creation in this
     * contract checks it; this test names it).
     */
    @Test
    default void createReadsOnlyDeclaredOptions() {
        createLoss();
    }

    /**
     * Every option {@code parameters()} declares passes the model assembler's option check, and every declared
     * non-empty default, given explicitly, is accepted by {@code create} and gives a component.
     */
    @Test
    default void declaredParametersAndTheirDefaultsAreAccepted() {
        Graph graph = graph();
        Contracts.assertDeclaredParametersAreAccepted(
                ComponentKind.LOSS,
                factory(),
                config(),
                new CreationContext(
                        latentDim(),
                        graph.nodeCount(),
                        seed(),
                        graph.featuresOrIdentity().dim()));
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Contracts.assertRejectsUnknownOption(
                ComponentKind.LOSS, factory(), config(), new CreationContext(latentDim(), graph().nodeCount(), seed()));
    }

    /**
     * Two different link batches over {@link #graph()}'s rows, as a mini-batch pass hands them to a loss whose
     * {@code supportsMiniBatch()} is true (Z's rows are then a sampled subgraph's): positive pairs, negative pairs,
     * a share of the rows for node-level terms and its scale. Both batches differ in every part.
     */
    default List<LinkBatch> linkBatches() {
        int n = graph().nodeCount();
        return List.of(
                new LinkBatch(
                        new EdgeList(new int[] {0, 0}, new int[] {1, 2}),
                        new EdgeList(new int[] {1, 3}, new int[] {2, n - 1}),
                        new int[] {0, 1, 2},
                        (double) 3 * 2 / n),
                new LinkBatch(
                        new EdgeList(new int[] {0}, new int[] {n - 2}),
                        new EdgeList(new int[] {2, 1, n - 1}, new int[] {n - 1, n - 2, 0}),
                        new int[] {n - 2, n - 1},
                        (double) 2 * 2 / n));
    }

    /**
     * {@code loss} on {@code batch} (null: a full-graph pass) over {@code weights}, with a generator seeded with
     * {@code randomSeed}, shown {@link #corruption}.
     */
    default Variable loss(Loss loss, List<Weights> weights, TrainingGraph training, LinkBatch batch, long randomSeed) {
        Encoding encoding = weights.size() > 1
                ? Encoding.gaussian(weights.get(0), weights.get(1))
                : Encoding.deterministic(weights.get(0));
        return loss.loss(new LossInput(
                encoding,
                weights.get(0),
                decoder(),
                training,
                new SplittableRandom(randomSeed),
                new ComputationContext(),
                corruption(GraphInput.of(training.graph())),
                batch));
    }

    /**
     * A loss that says {@code supportsMiniBatch()} computes on a {@link LinkBatch} (nothing is checked for one that
     * says false: mini-batch training refuses it by name). On each of {@link #linkBatches()}: a finite scalar, the
     * same for the same generator seed, with gradients matching finite differences; the same whether the training
     * graph has its edges or none (a batch term reads the batch's pairs, never the training graph's positives);
     * and different for the two batches (it reads the batch at all).
     */
    @Test
    default void miniBatchTermReadsTheBatch() {
        if (!createLoss().supportsMiniBatch()) {
            return;
        }
        TrainingGraph training = new TrainingGraph(graph());
        TrainingGraph withoutEdges = new TrainingGraph(graph().withEdges(EdgeList.empty()));
        List<LinkBatch> batches = linkBatches();
        double[] values = new double[batches.size()];
        for (int b = 0; b < batches.size(); b++) {
            LinkBatch batch = batches.get(b);
            Loss loss = createLoss();
            List<Weights> weights = encodingWeights();
            Variable value = loss(loss, weights, training, batch, seed());
            Matrix forward = Contracts.forward(value);
            Contracts.assertShape(forward, 1, 1, "loss on " + batch);
            Contracts.assertFinite(forward, "loss on " + batch);
            values[b] = forward.scalarValue();
            assertThat(Contracts.forward(loss(createLoss(), encodingWeights(), training, batch, seed()))
                            .scalarValue())
                    .as("loss on %s for generator seed %d, twice", batch, seed())
                    .isEqualTo(values[b]);
            assertThat(Contracts.forward(loss(createLoss(), encodingWeights(), withoutEdges, batch, seed()))
                            .scalarValue())
                    .as(
                            "loss on %s with a training graph without edges: a batch term reads the batch's pairs,"
                                    + " not the training graph's positives",
                            batch)
                    .isEqualTo(values[b]);
            List<Weights> all = new ArrayList<>(weights);
            all.addAll(loss.weights());
            assertGradientsMatch(all, value);
        }
        assertThat(values[1])
                .as(
                        "loss on %s against the loss on %s: the term must depend on the batch",
                        batches.get(1), batches.get(0))
                .isNotEqualTo(values[0]);
    }

    /**
     * {@code state()} is what a checkpoint keeps of the loss beyond its weights: after one pass, a new loss given
     * that state by {@code restoreState} reports the same state and returns the same value on the next pass as the
     * original (a loss that keeps private state outside {@code state()} fails here); the snapshot is a copy that
     * later passes leave alone; an unknown tensor is refused with an {@link IllegalArgumentException} naming it.
     */
    @Test
    default void stateRoundTripsThroughRestoreState() {
        TrainingGraph training = new TrainingGraph(graph());
        Loss original = createLoss();
        Contracts.forward(loss(original, encodingWeights(), training, seed()));
        Map<String, Matrix> saved = original.state();
        assertThat(saved).as("state() of the loss").isNotNull();
        saved.forEach(
                (name, value) -> assertThat(value).as("state tensor '%s'", name).isNotNull());
        Map<String, double[]> snapshot = new LinkedHashMap<>();
        saved.forEach((name, value) -> snapshot.put(name, value.data().clone()));

        Loss restored = createLoss();
        restored.restoreState(saved);
        Map<String, Matrix> again = restored.state();
        assertThat(again.keySet()).as("state() after restoreState(state())").containsExactlyElementsOf(saved.keySet());
        saved.forEach((name, value) -> {
            assertThat(again.get(name).shape())
                    .as("shape of state tensor '%s' after the restore", name)
                    .isEqualTo(value.shape());
            assertThat(again.get(name).data())
                    .as("state tensor '%s' after the restore", name)
                    .isEqualTo(value.data());
        });

        double next = Contracts.forward(loss(original, encodingWeights(), training, seed() + 1))
                .scalarValue();
        double restoredNext = Contracts.forward(loss(restored, encodingWeights(), training, seed() + 1))
                .scalarValue();
        assertThat(restoredNext)
                .as("the pass after restoreState(state()) of a new loss, against the original's")
                .isEqualTo(next);
        snapshot.forEach((name, data) -> assertThat(saved.get(name).data())
                .as("state tensor '%s' is a snapshot, not changed by a later pass", name)
                .isEqualTo(data));

        Map<String, Matrix> extra = new LinkedHashMap<>(original.state());
        extra.put("no-such-tensor", Matrix.scalar(1));
        assertThatThrownBy(() -> createLoss().restoreState(extra))
                .as("restoreState with an unknown tensor")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-tensor");
    }
}
