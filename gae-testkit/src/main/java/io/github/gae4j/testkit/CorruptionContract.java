// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.NeighbourSampler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link CorruptionFactory} and its {@link Corruption}s. Supply {@link #factory()}, usually
 * {@link #config()} with a rate high enough that something is corrupted on tiny graphs, and
 * {@link #identityConfig()} with the options under which the corruption must change nothing (a rate of 0):
 *
 * <pre>{@code
 * final class MyCorruptionContractTest implements CorruptionContract {
 *     public CorruptionFactory factory() { return new MyCorruptionFactory(); }
 *     public ComponentConfig config() { return ComponentConfig.of("rate", 0.5); }
 *     public Optional<ComponentConfig> identityConfig() { return Optional.of(ComponentConfig.of("rate", 0)); }
 * }
 * }</pre>
 *
 * <p>Checks on {@link #graphs()} (dense, sparse and identity features): the corrupted input has the same node
 * count and feature dimension, finite features, and a normalised adjacency Â whose pattern is that of the corrupted
 * graph's A + I; the same generator seed gives the same corruption; the clean input is not mutated; masked nodes
 * are sorted, distinct and in range; removed edges were edges of the input graph, are gone from the corrupted one,
 * are listed once each, and every edge gone is listed; what earlier corruptions hid is kept (through {@link CorruptedInput#then}); the
 * identity options change nothing; an unknown option is rejected listing {@code optionNames(factory)}. A corruption
 * that owns parameters ({@link Corruption#weights()}) lists them in a stable order under distinct names, finite, and
 * does not change them when it corrupts; a mask token it hands the encoder is finite, sits on masked nodes only, and,
 * if it is a parameter, is one of its {@code weights()} (so the model trains and saves it).
 */
public interface CorruptionContract {

    /** The factory under test. */
    CorruptionFactory factory();

    /** Options for the corruption under test; empty by default (the factory's defaults). */
    default ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** Options under which the corruption must leave the input unchanged (e.g. a rate of 0), if it has any. */
    default Optional<ComponentConfig> identityConfig() {
        return Optional.empty();
    }

    /** Seed of the {@link CreationContext} and of the generators. */
    default long seed() {
        return 42;
    }

    /** Graphs to corrupt: dense features, sparse features, and none (X = I). */
    default List<Graph> graphs() {
        Graph dense = TestGraphs.twoCommunities(8, 6, seed());
        return List.of(dense, withSparseFeatures(dense, seed()), TestGraphs.randomGraph(12, 20, seed()));
    }

    /** Creates a corruption for {@code graph}, checking {@code options} as the model assembler does. */
    default Corruption createCorruption(ComponentConfig options, Graph graph) {
        int dim = graph.featuresOrIdentity().dim();
        return Contracts.create(
                ComponentKind.CORRUPTION, factory(), options, new CreationContext(dim, graph.nodeCount(), seed(), dim));
    }

    /**
     * A corruption that says it works in mini-batches keeps the sampled subgraph: the graph and Â it hands on are
     * the ones it was given (a sampled subgraph's Â holds the full graph's values, which rebuilding would lose).
     */
    @Test
    default void miniBatchCorruptionKeepsTheSampledGraph() {
        for (Graph graph : graphs()) {
            Corruption corruption = createCorruption(config(), graph);
            if (!corruption.supportsMiniBatch()) {
                continue;
            }
            GraphInput full = GraphInput.of(graph);
            GraphInput sampled = new NeighbourSampler(full, FanOut.of(2, 2))
                    .sample(new int[] {0, 1, 2}, new SplittableRandom(seed()))
                    .input();
            CorruptedInput out = corrupt(corruption, sampled, seed());
            assertThat(out.input().graph())
                    .as(
                            "graph after '%s' on a sampled subgraph of %s",
                            factory().name(), graph.name())
                    .isSameAs(sampled.graph());
            assertThat(out.input().normalizedAdjacency())
                    .as("Â after '%s' on a sampled subgraph of %s", factory().name(), graph.name())
                    .isSameAs(sampled.normalizedAdjacency());
        }
    }

    @Test
    default void corruptedInputKeepsShapesAndIsFinite() {
        for (Graph graph : graphs()) {
            GraphInput clean = GraphInput.of(graph);
            CorruptedInput out = corrupt(createCorruption(config(), graph), clean, seed());
            GraphInput in = out.input();
            String what = "corrupted input of " + graph.name();
            assertThat(in.nodeCount()).as("node count of the %s", what).isEqualTo(graph.nodeCount());
            assertThat(in.graph().nodeCount()).as("graph nodes of the %s", what).isEqualTo(graph.nodeCount());
            assertThat(in.features().rows()).as("feature rows of the %s", what).isEqualTo(graph.nodeCount());
            assertThat(in.features().dim())
                    .as("feature dimension of the %s", what)
                    .isEqualTo(clean.features().dim());
            Contracts.assertFinite(in.features().toDense(), "features of the " + what);
            assertSamePattern(
                    in.normalizedAdjacency(),
                    withSelfLoopsPattern(in.graph().adjacency()),
                    "Â of the " + what + " against the corrupted graph's A + I");
        }
    }

    @Test
    default void maskTokenIsFiniteOnMaskedNodesAndAParameter() {
        for (Graph graph : graphs()) {
            Corruption corruption = createCorruption(config(), graph);
            CorruptedInput out = corrupt(corruption, GraphInput.of(graph), seed());
            GraphInput.MaskToken token = out.input().maskToken();
            if (token == null) {
                continue;
            }
            String what = "mask token of the corrupted input of " + graph.name();
            Contracts.assertFinite(new ComputationContext().forward(token.value()), what);
            assertThat(out.maskedNodes())
                    .as("masked nodes of %s include the %s rows", graph.name(), what)
                    .contains(token.rows());
            if (token.value() instanceof Weights w) {
                assertThat(corruption.weights())
                        .as("weights() of the corruption, which hands %s to the encoder", w.render())
                        .anyMatch(owned -> owned == w);
            }
        }
    }

    @Test
    default void weightsHaveDistinctNamesAreFiniteAndCorruptingLeavesThem() {
        for (Graph graph : graphs()) {
            Corruption corruption = createCorruption(config(), graph);
            List<Weights> weights = corruption.weights();
            assertThat(weights)
                    .as("weights() of the corruption for %s", graph.name())
                    .isNotNull()
                    .doesNotContainNull();
            assertThat(corruption.weights()).as("weights() in a stable order").containsExactlyElementsOf(weights);
            assertThat(weights.stream().map(Weights::name).distinct().count())
                    .as(
                            "distinct names of %s",
                            weights.stream().map(Weights::name).toList())
                    .isEqualTo(weights.size());
            List<double[]> before = new ArrayList<>();
            for (Weights w : weights) {
                Contracts.assertFinite(w.data(), "initial " + w.render());
                before.add(w.data().toRowMajor());
            }
            corrupt(corruption, GraphInput.of(graph), seed());
            for (int k = 0; k < weights.size(); k++) {
                assertThat(weights.get(k).data().toRowMajor())
                        .as("%s after corrupting %s", weights.get(k).render(), graph.name())
                        .containsExactly(before.get(k));
            }
        }
    }

    @Test
    default void sameGeneratorSeedGivesSameCorruption() {
        for (Graph graph : graphs()) {
            GraphInput clean = GraphInput.of(graph);
            CorruptedInput first = corrupt(createCorruption(config(), graph), clean, seed());
            CorruptedInput second = corrupt(createCorruption(config(), graph), clean, seed());
            assertSameInput(second, first, "two corruptions of " + graph.name() + " with generator seed " + seed());
        }
    }

    @Test
    default void cleanInputIsNotMutated() {
        for (Graph graph : graphs()) {
            GraphInput clean = GraphInput.of(graph);
            double[] features = clean.features().toDense().toRowMajor();
            double[] adjHat = clean.normalizedAdjacency().toDense().toRowMajor();
            EdgeList edges = graph.upperTriangleEdges();
            corrupt(createCorruption(config(), graph), clean, seed());
            String what = "clean input of " + graph.name() + " after corruption";
            assertThat(clean.features().toDense().toRowMajor())
                    .as("features of the %s", what)
                    .containsExactly(features);
            assertThat(clean.normalizedAdjacency().toDense().toRowMajor())
                    .as("Â of the %s", what)
                    .containsExactly(adjHat);
            assertThat(clean.graph().upperTriangleEdges())
                    .as("edges of the %s", what)
                    .isEqualTo(edges);
        }
    }

    @Test
    default void maskedNodesAreSortedDistinctAndInRange() {
        for (Graph graph : graphs()) {
            CorruptedInput out = corrupt(createCorruption(config(), graph), GraphInput.of(graph), seed());
            int[] masked = out.maskedNodes();
            for (int k = 0; k < masked.length; k++) {
                assertThat(masked[k])
                        .as("masked node %d of %s", k, graph.name())
                        .isBetween(0, graph.nodeCount() - 1);
                if (k > 0) {
                    assertThat(masked[k])
                            .as("masked nodes of %s sorted and distinct: %s", graph.name(), Arrays.toString(masked))
                            .isGreaterThan(masked[k - 1]);
                }
            }
        }
    }

    @Test
    default void removedEdgesWereEdgesOfTheInputAndAreGone() {
        for (Graph graph : graphs()) {
            CorruptedInput out = corrupt(createCorruption(config(), graph), GraphInput.of(graph), seed());
            assertRemovedEdges(graph, out.input().graph(), out.removedEdges(), 0, graph.name());
        }
    }

    @Test
    default void earlierCorruptionsAreKept() {
        for (Graph graph : graphs()) {
            EdgeList edges = graph.upperTriangleEdges();
            if (edges.size() < 2) {
                continue;
            }
            // An earlier corruption removed the first edge and masked the last node.
            EdgeList firstEdge = new EdgeList(new int[] {edges.src(0)}, new int[] {edges.dst(0)});
            int[] s = Arrays.copyOfRange(edges.srcArray(), 1, edges.size());
            int[] d = Arrays.copyOfRange(edges.dstArray(), 1, edges.size());
            Graph reduced = graph.withEdges(new EdgeList(s, d));
            GraphInput clean = GraphInput.of(graph);
            GraphInput earlierInput =
                    new GraphInput(reduced, NormalizedAdjacency.of(reduced.adjacency()), clean.features());
            int last = graph.nodeCount() - 1;
            CorruptedInput earlier = CorruptedInput.clean(clean).then(earlierInput, new int[] {last}, firstEdge);
            CorruptedInput out = createCorruption(config(), graph).corrupt(earlier, new SplittableRandom(seed()));
            assertThat(out).as("corrupt(...) of %s", graph.name()).isNotNull();
            assertThat(out.maskedNodes())
                    .as("masked nodes of %s keep the earlier masked node %d", graph.name(), last)
                    .contains(last);
            EdgeList removed = out.removedEdges();
            assertThat(removed.size())
                    .as("removed edges of %s keep the earlier one", graph.name())
                    .isPositive();
            assertThat(new int[] {removed.src(0), removed.dst(0)})
                    .as("first removed edge of %s (the earlier corruption's, listed first)", graph.name())
                    .containsExactly(edges.src(0), edges.dst(0));
            assertRemovedEdges(reduced, out.input().graph(), removed, 1, graph.name() + " after an earlier corruption");
            assertThat(out.input().graph().adjacency().contains(edges.src(0), edges.dst(0)))
                    .as("the edge an earlier corruption removed from %s stays removed", graph.name())
                    .isFalse();
        }
    }

    @Test
    default void identityOptionsChangeNothing() {
        Optional<ComponentConfig> options = identityConfig();
        if (options.isEmpty()) {
            return;
        }
        for (Graph graph : graphs()) {
            GraphInput clean = GraphInput.of(graph);
            CorruptedInput out = corrupt(createCorruption(options.get(), graph), clean, seed());
            String what = graph.name() + " corrupted with " + options.get();
            assertThat(out.isClean()).as("%s hides nothing (%s)", what, out).isTrue();
            assertSameInput(out, CorruptedInput.clean(clean), what + " against the clean input");
        }
    }

    /**
     * Every option {@code parameters()} declares passes the model assembler's option check, and every declared
     * non-empty default, given explicitly, is accepted by {@code create} and gives a component.
     */
    @Test
    default void declaredParametersAndTheirDefaultsAreAccepted() {
        Graph graph = graphs().get(0);
        int dim = graph.featuresOrIdentity().dim();
        Contracts.assertDeclaredParametersAreAccepted(
                ComponentKind.CORRUPTION,
                factory(),
                config(),
                new CreationContext(dim, graph.nodeCount(), seed(), dim));
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Graph graph = TestGraphs.triangle();
        Contracts.assertRejectsUnknownOption(
                ComponentKind.CORRUPTION,
                factory(),
                config(),
                new CreationContext(graph.nodeCount(), graph.nodeCount(), seed()));
    }

    /** {@code corruption} applied to the clean {@code input} with a generator seeded with {@code randomSeed}. */
    private static CorruptedInput corrupt(Corruption corruption, GraphInput input, long randomSeed) {
        CorruptedInput out = corruption.corrupt(CorruptedInput.clean(input), new SplittableRandom(randomSeed));
        assertThat(out).as("corrupt(...) result").isNotNull();
        return out;
    }

    /** A copy of {@code graph} with sparse 0/1 features (about a third of the entries stored). */
    private static Graph withSparseFeatures(Graph graph, long seed) {
        int n = graph.nodeCount();
        int dim = 7;
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, dim);
        for (int i = 0; i < n; i++) {
            x.set(i, random.nextInt(dim), 1.0);
            for (int k = 0; k < dim; k++) {
                if (random.nextDouble() < 0.2) {
                    x.set(i, k, 1.0);
                }
            }
        }
        int[] r = new int[n * dim];
        int[] c = new int[n * dim];
        double[] v = new double[n * dim];
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                if (x.get(i, k) != 0) {
                    r[nnz] = i;
                    c[nnz] = k;
                    v[nnz] = x.get(i, k);
                    nnz++;
                }
            }
        }
        SparseMatrix sparse =
                SparseMatrix.ofCoo(n, dim, Arrays.copyOf(r, nnz), Arrays.copyOf(c, nnz), Arrays.copyOf(v, nnz));
        return Graph.builder(n)
                .name(graph.name() + "-sparse")
                .edges(graph.upperTriangleEdges())
                .features(Features.sparse(sparse))
                .build();
    }

    private static void assertSameInput(CorruptedInput actual, CorruptedInput expected, String what) {
        GraphInput a = actual.input();
        GraphInput e = expected.input();
        assertThat(a.features().dim())
                .as("feature dimension of %s", what)
                .isEqualTo(e.features().dim());
        assertThat(a.features().toDense().toRowMajor())
                .as("features of %s", what)
                .containsExactly(e.features().toDense().toRowMajor());
        assertThat(a.graph().upperTriangleEdges())
                .as("edges of %s", what)
                .isEqualTo(e.graph().upperTriangleEdges());
        assertThat(a.normalizedAdjacency().toDense().toRowMajor())
                .as("Â of %s", what)
                .containsExactly(e.normalizedAdjacency().toDense().toRowMajor());
        assertThat(actual.maskedNodes()).as("masked nodes of %s", what).containsExactly(expected.maskedNodes());
        assertThat(actual.removedEdges()).as("removed edges of %s", what).isEqualTo(expected.removedEdges());
        GraphInput.MaskToken at = a.maskToken();
        GraphInput.MaskToken et = e.maskToken();
        assertThat(at == null).as("whether %s carries a mask token", what).isEqualTo(et == null);
        if (at != null) {
            assertThat(at.rows()).as("mask token rows of %s", what).containsExactly(et.rows());
            assertThat(new ComputationContext().forward(at.value()).toRowMajor())
                    .as("mask token of %s", what)
                    .containsExactly(
                            new ComputationContext().forward(et.value()).toRowMajor());
        }
    }

    /**
     * Entries {@code from}… of {@code removed}: edges of {@code before}, absent from {@code after}, each once; and
     * every edge of {@code before} absent from {@code after} is listed. Pairs are unordered for a symmetric
     * adjacency, ordered (i → j) otherwise.
     */
    private static void assertRemovedEdges(Graph before, Graph after, EdgeList removed, int from, String what) {
        SparseMatrix a = before.adjacency();
        boolean symmetric = a.isSymmetric();
        long n = before.nodeCount();
        Set<Long> seen = new HashSet<>();
        for (int k = from; k < removed.size(); k++) {
            int i = removed.src(k);
            int j = removed.dst(k);
            assertThat(i >= 0 && i < n && j >= 0 && j < n && i != j)
                    .as("removed edge %d (%d, %d) of %s has two distinct nodes in range", k, i, j, what)
                    .isTrue();
            assertThat(a.contains(i, j))
                    .as("removed edge %d (%d, %d) of %s is an edge of the input graph", k, i, j, what)
                    .isTrue();
            assertThat(after.adjacency().contains(i, j))
                    .as("removed edge %d (%d, %d) of %s is gone from the corrupted graph", k, i, j, what)
                    .isFalse();
            assertThat(seen.add(key(i, j, n, symmetric)))
                    .as("removed edge %d (%d, %d) of %s is listed once", k, i, j, what)
                    .isTrue();
        }
        for (int i = 0; i < n; i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                int j = a.colAt(p);
                if ((!symmetric || j > i) && !after.adjacency().contains(i, j)) {
                    assertThat(seen.contains(key(i, j, n, symmetric)))
                            .as(
                                    "edge (%d, %d) of %s is gone from the corrupted graph and listed as removed",
                                    i, j, what)
                            .isTrue();
                }
            }
        }
    }

    private static long key(int i, int j, long n, boolean symmetric) {
        return symmetric ? Math.min(i, j) * n + Math.max(i, j) : i * n + j;
    }

    private static boolean[] withSelfLoopsPattern(SparseMatrix a) {
        int n = a.rows();
        boolean[] pattern = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            pattern[i * n + i] = true;
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                pattern[i * n + a.colAt(p)] = true;
            }
        }
        return pattern;
    }

    private static void assertSamePattern(SparseMatrix adjHat, boolean[] expected, String what) {
        int n = adjHat.rows();
        assertThat(adjHat.cols()).as("columns of %s", what).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean stored = adjHat.get(i, j) != 0;
                assertThat(stored).as("entry (%d, %d) of %s", i, j, what).isEqualTo(expected[i * n + j]);
            }
        }
    }
}
