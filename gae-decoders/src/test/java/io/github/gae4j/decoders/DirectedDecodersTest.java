// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.autodiff.functions.FullGraphBce.BceWeights;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.gravity.GravityDecoder;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.decoders.sourcetarget.SourceTargetDecoder;
import io.github.gae4j.decoders.sourcetarget.SourceTargetFullGraphBce;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The directed decoders: formulas, fused full-graph losses against their own logits, discovery and options. */
final class DirectedDecodersTest implements GradientCheck {

    /** A + I of a seeded random directed graph of n nodes. */
    private static SparseMatrix directedTarget(int n, int edges, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] s = new int[edges];
        int[] d = new int[edges];
        for (int k = 0; k < edges; k++) {
            s[k] = rng.nextInt(n);
            do {
                d[k] = rng.nextInt(n);
            } while (d[k] == s[k]);
        }
        Graph g = Graph.builder(n).directed(true).edges(s, d).build();
        return NormalizedAdjacency.withSelfLoops(g.adjacency());
    }

    /** The full-graph weighted BCE through the decoder's own logits over all N² ordered pairs. */
    private static Variable naive(Decoder decoder, Variable z, SparseMatrix t, BceWeights w) {
        return FullGraphBce.materialised(pairs -> decoder.logits(z, pairs), t, w);
    }

    private static void assertFusedMatchesNaive(Decoder decoder, Weights z, SparseMatrix t) {
        BceWeights w = BceWeights.of(t);
        Variable slow = naive(decoder, z, t, w);
        Variable fast = ((FusedFullGraphLoss) decoder).fullGraphBce(z, t, w.posWeight(), w.norm());
        ComputationContext a = new ComputationContext();
        double expected = a.forward(slow).scalarValue();
        a.backward(slow);
        ComputationContext b = new ComputationContext();
        assertThat(b.forward(fast).scalarValue()).as(decoder.toString()).isCloseTo(expected, within(1e-9 * expected));
        b.backward(fast);
        double[] e = a.gradient(z).data();
        double[] g = b.gradient(z).data();
        double scale = a.gradient(z).maxAbs();
        for (int k = 0; k < g.length; k++) {
            assertThat(g[k])
                    .as("%s, dZ entry %d", decoder, k)
                    .isCloseTo(e[k], within(1e-9 * Math.max(Math.abs(e[k]), 1e-3 * scale)));
        }
    }

    @Test
    void gravityLogitsUseTheLastColumnAsTheMass() {
        Matrix z = Matrix.of(new double[][] {{0, 0, 1.5}, {3, 4, -0.5}});
        Weights w = new Weights("z", z);
        EdgeList pairs = new EdgeList(new int[] {0, 1}, new int[] {1, 0});
        Matrix logits = new ComputationContext().forward(new GravityDecoder(2.0, 0.01, false).logits(w, pairs));
        assertThat(logits.get(0, 0)).isCloseTo(-0.5 - 2.0 * Math.log(25.01), within(1e-12));
        assertThat(logits.get(1, 0)).isCloseTo(1.5 - 2.0 * Math.log(25.01), within(1e-12));
        Matrix normalized = new ComputationContext().forward(new GravityDecoder(1.0, 0.01, true).logits(w, pairs));
        // (0, 0) stays at the origin; (3, 4) becomes (0.6, 0.8): squared distance 1.
        assertThat(normalized.get(0, 0)).isCloseTo(-0.5 - Math.log(1.01), within(1e-12));
    }

    @Test
    void sourceTargetLogitsPairTheSourceHalfWithTheTargetHalf() {
        Matrix z = Matrix.of(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        Weights w = new Weights("z", z);
        EdgeList pairs = new EdgeList(new int[] {0, 1, 0}, new int[] {1, 0, 0});
        Matrix logits = new ComputationContext().forward(new SourceTargetDecoder().logits(w, pairs));
        assertThat(logits.get(0, 0)).isEqualTo(1 * 7 + 2 * 8);
        assertThat(logits.get(1, 0)).isEqualTo(5 * 3 + 6 * 4);
        assertThat(logits.get(2, 0)).isEqualTo(1 * 3 + 2 * 4);
    }

    @Test
    void fusedFullGraphLossesMatchTheirLogitsOverAllOrderedPairs() {
        SparseMatrix t = directedTarget(60, 150, 1);
        assertFusedMatchesNaive(
                new GravityDecoder(1.0, 0.01, false), new Weights("z", TestGraphs.randomMatrix(60, 5, 2)), t);
        assertFusedMatchesNaive(
                new GravityDecoder(0.05, 0.01, true), new Weights("z", TestGraphs.randomMatrix(60, 5, 3)), t);
        assertFusedMatchesNaive(new SourceTargetDecoder(), new Weights("z", TestGraphs.randomMatrix(60, 6, 4)), t);
        assertFusedMatchesNaive(new InnerProductDecoder(), new Weights("z", TestGraphs.randomMatrix(60, 4, 5)), t);
    }

    @Test
    void fusedFullGraphLossesHaveFiniteDifferenceGradients() {
        SparseMatrix t = directedTarget(9, 20, 6);
        for (Decoder decoder : List.of(
                new GravityDecoder(1.0, 0.01, false),
                new GravityDecoder(0.5, 0.1, true),
                new SourceTargetDecoder(),
                new InnerProductDecoder())) {
            Weights z = new Weights("z", TestGraphs.randomMatrix(9, 4, 7));
            assertGradientsMatch(List.of(z), ((FusedFullGraphLoss) decoder).fullGraphBce(z, t, 3.0, 0.6));
        }
    }

    @Test
    void innerProductTakesTheDirectedKernelOnlyForADirectedTarget() {
        Weights z = new Weights("z", TestGraphs.randomMatrix(7, 3, 8));
        SparseMatrix symmetric =
                NormalizedAdjacency.withSelfLoops(TestGraphs.path(7).adjacency());
        assertThat(new InnerProductDecoder().fullGraphBce(z, symmetric, 2, 1))
                .isNotInstanceOf(SourceTargetFullGraphBce.class);
        assertThat(new InnerProductDecoder().fullGraphBce(z, directedTarget(7, 10, 9), 2, 1))
                .isInstanceOf(SourceTargetFullGraphBce.class);
    }

    @Test
    void areDiscoveredByNameWithTheirOptions() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        Decoder gravity = registry.factory(ComponentKind.DECODER, "gravity")
                .create(ComponentConfig.of("lambda", 0.05, "normalize", true), new CreationContext(33, 7, 1));
        assertThat(gravity).isInstanceOf(GravityDecoder.class);
        assertThat(((GravityDecoder) gravity).lambda()).isEqualTo(0.05);
        assertThat(((GravityDecoder) gravity).epsilon()).isEqualTo(0.01);
        assertThat(((GravityDecoder) gravity).normalize()).isTrue();
        assertThat(registry.factory(ComponentKind.DECODER, "source-target")
                        .create(ComponentConfig.empty(), new CreationContext(32, 7, 1)))
                .isInstanceOf(SourceTargetDecoder.class);
        assertThat(registry.pluginOf(ComponentKind.DECODER, "gravity").name()).isEqualTo("gae-decoders");
    }

    @Test
    void rejectBadLatentSizesAndOptions() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThatThrownBy(() -> registry.factory(ComponentKind.DECODER, "source-target")
                        .create(ComponentConfig.empty(), new CreationContext(33, 7, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("even latent size");
        assertThatThrownBy(() -> registry.factory(ComponentKind.DECODER, "gravity")
                        .create(ComponentConfig.of("epsilon", 0), new CreationContext(33, 7, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'epsilon'");
        Weights odd = new Weights("z", TestGraphs.randomMatrix(4, 3, 1));
        assertThatThrownBy(() -> new SourceTargetDecoder().logits(odd, new EdgeList(new int[] {0}, new int[] {1})))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("even number of columns");
        Weights narrow = new Weights("z", TestGraphs.randomMatrix(4, 1, 1));
        assertThatThrownBy(() ->
                        new GravityDecoder(1, 0.01, false).logits(narrow, new EdgeList(new int[] {0}, new int[] {1})))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("d + 1");
    }
}
