// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseEncoder;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.StepwiseEncoder;
import io.github.gae4j.core.spi.StepwiseEncoder.RowLocal;
import io.github.gae4j.core.spi.StepwiseEncoder.Step;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.NeighbourSampler;
import io.github.gae4j.runtime.minibatch.ReceptiveField;
import io.github.gae4j.runtime.minibatch.SampledSubgraph;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link EncoderFactory} and its {@link Encoder}s. Supply {@link #factory()}, and
 * usually {@link #config()} with small sizes to keep the gradient check fast:
 *
 * <pre>{@code
 * final class MyEncoderContractTest implements EncoderContract {
 *     public EncoderFactory factory() { return new MyEncoderFactory(); }
 *     public ComponentConfig config() { return ComponentConfig.of("hidden", 4, "latent", 3); }
 * }
 * }</pre>
 *
 * <p>Checks on {@link #graphs()} (triangle, path, star with an isolated node): {@code encode} gives μ (and log σ if
 * variational) of shape N × {@code latentDim()}, finite, in both modes; the same seed gives the same output and
 * different seeds differ; evaluation is repeatable; {@code weights()} is non-empty, all require a gradient and have
 * distinct names; the parameters that get a gradient in a training pass are exactly {@code weights()} (except those
 * named in {@link #weightsWithoutGradient()}); {@code create} reads no option that {@code parameters()} does not
 * declare; an encoder offering {@link LayerwiseEncoder} gives the same encoding layer-wise as {@code encode};
 * gradients of a scalar function of the encoding match central finite differences (override the
 * {@link GradientCheck} tolerances if needed); an encoder offering {@link StepwiseEncoder} steps gives the same μ
 * step by step, as distributed inference runs them, also on a weighted Â; an unknown option is rejected listing {@code optionNames(factory)};
 * the encoder works on sampled subgraphs, as mini-batch training runs it (unless {@link #supportsMiniBatch()} says
 * it cannot).
 */
public interface EncoderContract extends GradientCheck {

    /** The factory under test. */
    EncoderFactory factory();

    /** Options for every encoder the contract creates; empty by default (the factory's defaults). */
    default ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** Seed of the {@link CreationContext}. */
    default long seed() {
        return 42;
    }

    /** Small graphs to encode; featureless, so X = I. */
    default List<Graph> graphs() {
        return List.of(TestGraphs.triangle(), TestGraphs.path(4), TestGraphs.starWithIsolatedNode(3));
    }

    /**
     * Names of weights in {@code weights()} that legitimately get no gradient in a training pass of an encoder
     * created with {@link #config()} (e.g. an option of that config switches them off); empty by default, so every
     * listed weight must reach the output.
     */
    default Set<String> weightsWithoutGradient() {
        return Set.of();
    }

    /**
     * Whether the encoder can be trained in mini-batches, on sampled subgraphs; true by default, and checked by
     * {@link #encoderWorksOnSampledSubgraphs()}. Override to return false for an encoder that legitimately cannot:
     * one whose output at a node depends on every node (a normalisation over all nodes, a global pooling).
     * Mini-batch training refuses such an encoder by name because {@code ReceptiveField}'s probe finds no finite
     * reach (a change of one node's features on a path graph moves the output at the far end), and the contract
     * checks that it does.
     */
    default boolean supportsMiniBatch() {
        return true;
    }

    /**
     * The graph {@link #encoderWorksOnSampledSubgraphs()} samples from: featureless (X = I), at least 11 nodes (the
     * reach probe needs them), dense enough that a few hops reach most nodes.
     */
    default Graph miniBatchGraph() {
        return TestGraphs.randomGraph(24, 60, 5);
    }

    /** Creates an encoder for {@code graph}, checking {@link #config()} as the model assembler does. */
    default Encoder createEncoder(Graph graph, long seed) {
        return Contracts.create(
                ComponentKind.ENCODER,
                factory(),
                config(),
                new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seed));
    }

    @Test
    default void encodingHasNodesTimesLatentDimAndIsFinite() {
        for (Graph graph : graphs()) {
            Encoder encoder = createEncoder(graph, seed());
            assertThat(encoder.latentDim()).as("latentDim()").isPositive();
            GraphInput input = GraphInput.of(graph);
            for (Mode mode : Mode.values()) {
                Encoding encoding = encoder.encode(input, mode);
                String what = String.format("μ of %s in %s", graph.name(), mode);
                Matrix mu = Contracts.forward(encoding.mu());
                Contracts.assertShape(mu, graph.nodeCount(), encoder.latentDim(), what);
                Contracts.assertFinite(mu, what);
                if (encoding.logStd().isPresent()) {
                    Matrix logStd = Contracts.forward(encoding.logStd().get());
                    Contracts.assertShape(logStd, graph.nodeCount(), encoder.latentDim(), "log σ of " + graph.name());
                    Contracts.assertFinite(logStd, "log σ of " + graph.name());
                }
            }
        }
    }

    @Test
    default void sameSeedGivesSameOutputAndDifferentSeedsDiffer() {
        Graph graph = TestGraphs.starWithIsolatedNode(3);
        GraphInput input = GraphInput.of(graph);
        Encoder a = createEncoder(graph, seed());
        double[] first = Contracts.forward(a.encode(input, Mode.EVAL).mu()).toRowMajor();
        assertThat(Contracts.forward(a.encode(input, Mode.EVAL).mu()).toRowMajor())
                .as("μ of the same encoder evaluated twice")
                .containsExactly(first);
        assertThat(Contracts.forward(createEncoder(graph, seed())
                                .encode(input, Mode.EVAL)
                                .mu())
                        .toRowMajor())
                .as("μ of two encoders created with seed %d", seed())
                .containsExactly(first);
        assertThat(Contracts.forward(createEncoder(graph, seed() + 1)
                                .encode(input, Mode.EVAL)
                                .mu())
                        .toRowMajor())
                .as("μ of encoders created with seeds %d and %d", seed(), seed() + 1)
                .isNotEqualTo(first);
    }

    /**
     * For an encoder that offers {@link LayerwiseEncoder}: its layer-wise encoding equals {@code encode(input,
     * EVAL)} (μ, and log σ if variational) within 1e-9 on every graph, in blocks of 1 and 2 rows and of the default
     * size, and the same on 1 and 2 threads. Encoders without the capability pass (evaluation runs their full-graph
     * forward pass).
     */
    @Test
    default void layerwiseInferenceEqualsTheFullGraphForwardPass() {
        for (Graph graph : graphs()) {
            Encoder encoder = createEncoder(graph, seed());
            if (!(encoder instanceof LayerwiseEncoder)) {
                return;
            }
            GraphInput input = GraphInput.of(graph);
            Encoding full = encoder.encode(input, Mode.EVAL);
            for (int rows : new int[] {1, 2, LayerwiseInference.DEFAULT_CHUNK_ROWS}) {
                Encoding layerwise = LayerwiseInference.encode(encoder, input, rows);
                String what = String.format(java.util.Locale.ROOT, "%s in blocks of %d rows", graph.name(), rows);
                assertThat(layerwise.isVariational()).as("variational, " + what).isEqualTo(full.isVariational());
                try (Parallelism two = Parallelism.of(2)) {
                    double[] one =
                            new ComputationContext().forward(layerwise.mu()).toRowMajor();
                    assertThat(one)
                            .as("layer-wise μ of " + what)
                            .containsExactly(Contracts.forward(full.mu()).toRowMajor(), within(1e-9));
                    assertThat(new ComputationContext(two)
                                    .forward(layerwise.mu())
                                    .toRowMajor())
                            .as("layer-wise μ of %s on 2 threads", what)
                            .containsExactly(one);
                }
                if (full.isVariational()) {
                    assertThat(Contracts.forward(layerwise.logStd().orElseThrow())
                                    .toRowMajor())
                            .as("layer-wise log σ of " + what)
                            .containsExactly(
                                    Contracts.forward(full.logStd().orElseThrow())
                                            .toRowMajor(),
                                    within(1e-9));
                }
            }
        }
    }

    /**
     * For an encoder that offers {@link StepwiseEncoder} steps (as configured): running them as gae-spark's
     * distributed inference does, from the dense features X, each row-local step on blocks of rows (1 row, 2 rows,
     * all rows) and each propagation as Â·H, gives μ of {@code encode(input, EVAL)} within 1e-9 on every graph of
     * {@link #graphs()} and on the star with an isolated node with a weight on each edge (as gae-spark reads
     * weighted edge tables: the weights in Â only). Encoders without the capability, or whose configuration offers no steps, pass.
     */
    @Test
    default void evaluationStepsGiveTheEvaluationMu() {
        List<Map.Entry<String, GraphInput>> inputs = new ArrayList<>();
        for (Graph graph : graphs()) {
            inputs.add(Map.entry(String.valueOf(graph.name()), GraphInput.of(graph)));
        }
        Graph star = TestGraphs.starWithIsolatedNode(3);
        inputs.add(Map.entry(star.name() + " with weighted edges", weightedInput(star, seed())));
        for (Map.Entry<String, GraphInput> named : inputs) {
            GraphInput input = named.getValue();
            Encoder encoder = createEncoder(input.graph(), seed());
            if (!(encoder instanceof StepwiseEncoder stepwise)) {
                return;
            }
            Optional<List<Step>> steps = stepwise.evaluationSteps();
            if (steps.isEmpty()) {
                return;
            }
            double[] expected =
                    Contracts.forward(encoder.encode(input, Mode.EVAL).mu()).toRowMajor();
            for (int blockRows : new int[] {1, 2, input.nodeCount()}) {
                Matrix h = runSteps(steps.get(), input, blockRows);
                assertThat(h.toRowMajor())
                        .as(
                                "encoder '%s': its %d evaluation steps (%s) on %s, row-local steps on blocks of %d"
                                        + " rows, against μ of encode(EVAL) (%d × %d)",
                                factory().name(),
                                steps.get().size(),
                                describe(steps.get()),
                                named.getKey(),
                                blockRows,
                                input.nodeCount(),
                                encoder.latentDim())
                        .containsExactly(expected, within(1e-9));
            }
        }
    }

    /**
     * {@code graph} (featureless) with Â = D̃^{-1/2} (A + I) D̃^{-1/2} of A with a weight in [0.5, 2) on each edge
     * (the same both ways), drawn from {@code seed}: the input distributed inference gives an encoder for a
     * weighted edge table. The graph itself stays 0/1, as gae4j graphs are; the weights are in Â only.
     */
    private static GraphInput weightedInput(Graph graph, long seed) {
        SparseMatrix a = graph.adjacency();
        SplittableRandom random = new SplittableRandom(seed);
        int[] rows = new int[a.nnz()];
        int[] cols = new int[a.nnz()];
        double[] values = new double[a.nnz()];
        int k = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                int j = a.colAt(p);
                if (i < j) {
                    double w = 0.5 + 1.5 * random.nextDouble();
                    rows[k] = i;
                    cols[k] = j;
                    values[k++] = w;
                    rows[k] = j;
                    cols[k] = i;
                    values[k++] = w;
                }
            }
        }
        SparseMatrix weighted = SparseMatrix.ofCoo(a.rows(), a.cols(), rows, cols, values);
        return new GraphInput(graph, NormalizedAdjacency.symmetric(weighted), graph.featuresOrIdentity());
    }

    /** H after {@code steps} from X: row-local steps on blocks of {@code blockRows} rows, propagations as Â·H. */
    private static Matrix runSteps(List<Step> steps, GraphInput input, int blockRows) {
        Matrix h = input.features().toDense();
        for (Step step : steps) {
            if (step instanceof RowLocal local) {
                int n = h.rows();
                double[] from = h.toRowMajor();
                double[] to = new double[n * local.outputDim()];
                for (int start = 0; start < n; start += blockRows) {
                    int rows = Math.min(blockRows, n - start);
                    double[] block = Arrays.copyOfRange(from, start * h.cols(), (start + rows) * h.cols());
                    Matrix out =
                            Contracts.forward(local.apply(Constant.of(Matrix.wrapRowMajor(rows, h.cols(), block))));
                    System.arraycopy(out.toRowMajor(), 0, to, start * local.outputDim(), rows * local.outputDim());
                }
                h = Matrix.wrapRowMajor(n, local.outputDim(), to);
            } else {
                h = Contracts.forward(SparseMatMul.of(input.normalizedAdjacency(), Constant.of(h)));
            }
        }
        return h;
    }

    private static String describe(List<Step> steps) {
        List<String> names = new ArrayList<>();
        for (Step step : steps) {
            names.add(step instanceof RowLocal local ? "row-local → " + local.outputDim() : "Â·H");
        }
        return String.join(", ", names);
    }

    @Test
    default void weightsAreNonEmptyAndRequireGradients() {
        Encoder encoder = createEncoder(TestGraphs.triangle(), seed());
        List<Weights> weights = encoder.weights();
        assertThat(weights)
                .as("weights()")
                .isNotEmpty()
                .doesNotContainNull()
                .allSatisfy(w -> assertThat(w.requireGradient())
                        .as("%s requires a gradient", w.render())
                        .isTrue());
        assertThat(encoder.weights()).as("weights() in a stable order").containsExactlyElementsOf(weights);
    }

    /** Checkpoints and model files store weights by name, so {@code weights()} names each one once. */
    @Test
    default void weightNamesAreDistinct() {
        Contracts.assertDistinctWeightNames(
                "encoder '" + factory().name() + "'",
                createEncoder(TestGraphs.triangle(), seed()).weights());
    }

    /**
     * In a training pass ({@code encode(input, TRAIN, random)}, as the trainer calls it), every parameter μ or log σ
     * depends on is in {@code weights()} (by identity), and every weight in {@code weights()} is one of them, apart
     * from {@link #weightsWithoutGradient()}.
     */
    @Test
    default void weightsAreExactlyTheParametersThatGetGradients() {
        Graph graph = TestGraphs.starWithIsolatedNode(3);
        Encoder encoder = createEncoder(graph, seed());
        Encoding encoding = encoder.encode(GraphInput.of(graph), Mode.TRAIN, new SplittableRandom(seed()));
        List<Variable> outputs = new ArrayList<>();
        outputs.add(encoding.mu());
        encoding.logStd().ifPresent(outputs::add);
        Contracts.assertWeightsAreThoseThatGetGradients(
                "encoder '" + factory().name() + "'", encoder.weights(), outputs, List.of(), weightsWithoutGradient());
    }

    /**
     * {@code create} asks the config only for options {@code parameters()} declares (every creation in this
     * contract checks it; this test names it).
     */
    @Test
    default void createReadsOnlyDeclaredOptions() {
        createEncoder(TestGraphs.triangle(), seed());
    }

    @Test
    default void gradientsMatchFiniteDifferences() {
        Graph graph = TestGraphs.starWithIsolatedNode(3);
        Encoder encoder = createEncoder(graph, seed());
        Encoding encoding = encoder.encode(GraphInput.of(graph), Mode.EVAL);
        int isolated = graph.nodeCount() - 1;
        EdgeList pairs = new EdgeList(new int[] {0, 1, 2, isolated}, new int[] {1, 2, isolated, 0});
        Variable loss = Add.of(Sum.of(RowDot.of(encoding.mu(), pairs)), Mean.of(Sigmoid.of(encoding.mu())));
        if (encoding.logStd().isPresent()) {
            loss = Add.of(loss, Mean.of(Sigmoid.of(encoding.logStd().get())));
        }
        assertGradientsMatch(encoder.weights(), loss);
    }

    /**
     * Every option {@code parameters()} declares passes the model assembler's option check, and every declared
     * non-empty default, given explicitly, is accepted by {@code create} and gives a component.
     */
    @Test
    default void declaredParametersAndTheirDefaultsAreAccepted() {
        Graph graph = TestGraphs.triangle();
        Contracts.assertDeclaredParametersAreAccepted(
                ComponentKind.ENCODER,
                factory(),
                config(),
                new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seed()));
    }

    /**
     * Mini-batch training runs the encoder, unchanged, on the sampled neighbourhood of a batch's nodes (their rows
     * first), its hops measured by {@link ReceptiveField#measure}. So: the encoder's reach is finite, and on the
     * subgraph sampled with every neighbour at each of those hops ({@code FanOut.all(reach)}) the seeds' μ (and
     * log σ) rows equal their rows on the whole graph within 1e-9, for two subgraphs of the same seeds in
     * different orders (same size, other adjacency). Fails for an encoder that caches by node count, reads
     * anything but its input, or mixes all nodes; the last kind overrides {@link #supportsMiniBatch()}, and then
     * the probe must find no finite reach (so that mini-batch training refuses it; the test is then skipped).
     */
    @Test
    default void encoderWorksOnSampledSubgraphs() {
        Graph graph = miniBatchGraph();
        Encoder encoder = createEncoder(graph, seed());
        GraphInput full = GraphInput.of(graph);
        OptionalInt reach = ReceptiveField.measure(encoder, full.features());
        if (!supportsMiniBatch()) {
            // Mini-batch training goes by the measured reach: it refuses the encoder only if the probe sees it.
            assertThat(reach)
                    .as(
                            "the reach of encoder '%s', which says it cannot be trained in mini-batches"
                                    + " (supportsMiniBatch() is false): ReceptiveField.measure finds a finite reach (%d), so"
                                    + " mini-batch training would run it on sampled subgraphs instead of refusing it",
                            factory().name(), reach.orElse(-1))
                    .isEmpty();
            Assumptions.abort("encoder '" + factory().name() + "' mixes all nodes: mini-batch training refuses it");
        }
        assertThat(reach)
                .as(
                        "the reach of encoder '%s' (ReceptiveField.measure): its output at a node must not depend on"
                                + " nodes more than %d hops away, or mini-batch training cannot sample its"
                                + " neighbourhood; if it legitimately mixes all nodes, override supportsMiniBatch()"
                                + " to return false",
                        factory().name(), ReceptiveField.MAX_HOPS)
                .isPresent();
        Encoding whole = encoder.encode(full, Mode.EVAL);
        Matrix mu = Contracts.forward(whole.mu());
        Matrix logStd = whole.logStd().map(Contracts::forward).orElse(null);
        NeighbourSampler sampler = new NeighbourSampler(full, FanOut.all(reach.getAsInt()));
        int[][] seedOrders = {{0, 5, 11, 17}, {17, 11, 5, 0}};
        for (int[] seeds : seedOrders) {
            SampledSubgraph sub = sampler.sample(seeds, new SplittableRandom(seed()));
            Encoding local = encoder.encode(sub.input(), Mode.EVAL);
            String what = String.format(
                    Locale.ROOT,
                    "encoder '%s' (reach %d) on %s of seeds %s",
                    factory().name(),
                    reach.getAsInt(),
                    sub,
                    Arrays.toString(seeds));
            assertSeedRows(Contracts.forward(local.mu()), mu, seeds, "μ of " + what);
            assertThat(local.logStd().isPresent())
                    .as("log σ present on the subgraph as on the whole graph, " + what)
                    .isEqualTo(logStd != null);
            if (logStd != null) {
                assertSeedRows(Contracts.forward(local.logStd().get()), logStd, seeds, "log σ of " + what);
            }
        }
    }

    private static void assertSeedRows(Matrix local, Matrix whole, int[] seeds, String what) {
        assertThat(local.cols()).as("columns of " + what).isEqualTo(whole.cols());
        assertThat(local.rows()).as("rows of " + what).isGreaterThanOrEqualTo(seeds.length);
        double scale = 1;
        for (double v : whole.data()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < seeds.length; k++) {
            for (int j = 0; j < whole.cols(); j++) {
                assertThat(local.get(k, j))
                        .as("%s: row of node %d, column %d, against the whole graph's", what, seeds[k], j)
                        .isCloseTo(whole.get(seeds[k], j), within(1e-9 * scale));
            }
        }
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Graph graph = TestGraphs.triangle();
        Contracts.assertRejectsUnknownOption(
                ComponentKind.ENCODER,
                factory(),
                config(),
                new CreationContext(graph.nodeCount(), graph.nodeCount(), seed()));
    }
}
