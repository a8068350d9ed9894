// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.encoders.EncodersPlugin;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What each corruption does beyond the contract: rates, kinds of features kept, options, and any encoder. */
final class CorruptionsTest {

    private static CorruptedInput corrupt(Corruption c, Graph graph, long seed) {
        return c.corrupt(CorruptedInput.clean(GraphInput.of(graph)), new SplittableRandom(seed));
    }

    @Test
    void edgeDropoutRemovesAboutItsRateAndRebuildsAdjHat() {
        Graph graph = TestGraphs.randomGraph(400, 4000, 1);
        CorruptedInput out = corrupt(new EdgeDropout(0.3), graph, 7);
        int removed = out.removedEdges().size();
        assertThat(removed + out.input().graph().edgeCount()).isEqualTo(4000);
        assertThat(removed / 4000.0).isCloseTo(0.3, within(0.03));
        assertThat(out.maskedNodes()).isEmpty();
        assertThat(out.input().features()).isEqualTo(Features.identity(400));
        // Â of the kept graph: with every edge dropped only the self-loops remain, Â = I.
        Graph all = TestGraphs.triangle();
        CorruptedInput none = corrupt(new EdgeDropout(1.0), all, 3);
        assertThat(none.input().graph().edgeCount()).isZero();
        assertThat(none.removedEdges()).isEqualTo(all.upperTriangleEdges());
        assertThat(none.input().normalizedAdjacency().toDense().toRowMajor())
                .containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void pathMaskRemovesConnectedPaths() {
        Graph path = TestGraphs.path(30);
        CorruptedInput out = corrupt(new PathMask(0.05, 4), path, 11);
        EdgeList removed = out.removedEdges();
        assertThat(removed.size()).isPositive();
        // Walks of several steps on a path remove runs of consecutive edges: some removed edge has a removed neighbour.
        boolean adjacentPair = false;
        for (int k = 1; k < removed.size(); k++) {
            adjacentPair |= removed.src(k) == removed.dst(k - 1);
        }
        assertThat(adjacentPair)
                .as("removed %d edges of a path in runs", removed.size())
                .isTrue();
    }

    @Test
    void featureMaskZeroesFloorRateTimesNRowsAndKeepsTheKindOfFeatures() {
        Graph dense = TestGraphs.twoCommunities(10, 5, 3);
        CorruptedInput out = corrupt(new FeatureMask(0.35), dense, 5);
        int[] masked = out.maskedNodes();
        assertThat(masked).hasSize(7); // ⌊0.35 · 20⌋
        assertThat(out.input().features()).isInstanceOf(Features.Dense.class);
        double[] before = dense.featuresOrIdentity().toDense().toRowMajor();
        double[] after = out.input().features().toDense().toRowMajor();
        for (int i = 0; i < 20; i++) {
            boolean isMasked = java.util.Arrays.binarySearch(masked, i) >= 0;
            for (int k = 0; k < 5; k++) {
                assertThat(after[i * 5 + k]).isEqualTo(isMasked ? 0.0 : before[i * 5 + k]);
            }
        }
        assertThat(out.input().graph()).isSameAs(dense);
        assertThat(out.removedEdges().size()).isZero();

        CorruptedInput featureless = corrupt(new FeatureMask(0.5), TestGraphs.path(6), 5);
        assertThat(featureless.input().features()).isInstanceOf(Features.Sparse.class);
        Features.Sparse sparse = (Features.Sparse) featureless.input().features();
        assertThat(sparse.matrix().nnz()).isEqualTo(3);
        for (int i : featureless.maskedNodes()) {
            assertThat(sparse.matrix().rowNnz(i)).isZero();
        }
        Graph withSparse = Graph.builder(3)
                .edges(new int[] {0, 1}, new int[] {1, 2})
                .features(Features.sparse(io.github.gae4j.core.tensor.SparseMatrix.identity(3)))
                .build();
        assertThat(corrupt(new FeatureMask(0.7), withSparse, 1).input().features())
                .isInstanceOf(Features.Sparse.class);
    }

    /** GraphMAE's replace_rate: some masked rows carry another node's features, none carries the token. */
    @Test
    void replaceRateGivesSomeMaskedRowsAnotherNodesFeatures() {
        Graph dense = TestGraphs.twoCommunities(10, 5, 3);
        double[] before = dense.featuresOrIdentity().toDense().toRowMajor();
        // Rate 0 draws nothing more: the plain mask, bit for bit.
        CorruptedInput plain = corrupt(new FeatureMask(0.5), dense, 5);
        CorruptedInput rateZero = corrupt(new FeatureMask(0.5, 0, 0.0), dense, 5);
        assertThat(rateZero.maskedNodes()).isEqualTo(plain.maskedNodes());
        assertThat(rateZero.input().features().toDense().toRowMajor())
                .containsExactly(plain.input().features().toDense().toRowMajor());
        CorruptedInput out = corrupt(new FeatureMask(0.5, 5, 0.4), dense, 5);
        int[] masked = out.maskedNodes();
        assertThat(masked).hasSize(10);
        assertThat(out.maskedNodes()).isEqualTo(plain.maskedNodes());
        double[] after = out.input().features().toDense().toRowMajor();
        int zero = 0;
        int copied = 0;
        for (int i : masked) {
            boolean allZero = true;
            for (int k = 0; k < 5; k++) {
                allZero &= after[i * 5 + k] == 0.0;
            }
            if (allZero) {
                zero++;
                continue;
            }
            copied++;
            boolean matchesSomeRow = false;
            for (int j = 0; j < 20 && !matchesSomeRow; j++) {
                boolean same = true;
                for (int k = 0; k < 5; k++) {
                    same &= after[i * 5 + k] == before[j * 5 + k];
                }
                matchesSomeRow = same;
            }
            assertThat(matchesSomeRow)
                    .as("masked row %d is a copy of some node's features", i)
                    .isTrue();
        }
        assertThat(copied).isEqualTo(4); // ⌊0.4 · 10⌋; a donor with all-zero features would count as zero
        assertThat(zero).isEqualTo(6);
        int[] tokenRows = out.input().maskToken().rows();
        assertThat(tokenRows).hasSize(6);
        for (int i : tokenRows) {
            for (int k = 0; k < 5; k++) {
                assertThat(after[i * 5 + k]).isZero();
            }
        }
        assertThat(corrupt(new FeatureMask(0.5, 5, 0.4), dense, 5)
                        .input()
                        .features()
                        .toDense()
                        .toRowMajor())
                .as("seeded")
                .containsExactly(after);
        // Sparse and identity features keep their kind.
        CorruptedInput featureless = corrupt(new FeatureMask(0.5, 0, 1.0), TestGraphs.path(6), 5);
        assertThat(featureless.input().features()).isInstanceOf(Features.Sparse.class);
        Features.Sparse sparse = (Features.Sparse) featureless.input().features();
        assertThat(sparse.matrix().nnz()).isEqualTo(6);
        assertThatThrownBy(() -> new FeatureMask(0.5, 0, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replace-rate");
    }

    @Test
    void featureNoiseIsDenseWithTheRequestedSpread() {
        Graph graph = TestGraphs.path(300); // X = I: 300 × 300 entries
        CorruptedInput out = corrupt(new FeatureNoise(0.5), graph, 9);
        assertThat(out.input().features()).isInstanceOf(Features.Dense.class);
        double[] x = out.input().features().toDense().toRowMajor();
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 300; j++) {
                double noise = x[i * 300 + j] - (i == j ? 1.0 : 0.0);
                sum += noise;
                sq += noise * noise;
            }
        }
        double count = 300.0 * 300.0;
        assertThat(sum / count).isCloseTo(0.0, within(0.01));
        assertThat(Math.sqrt(sq / count)).isCloseTo(0.5, within(0.01));
        assertThat(out.isClean()).isTrue();
    }

    @Test
    void corruptionsChainInOrder() {
        Graph graph = TestGraphs.twoCommunities(10, 4, 2);
        CorruptedInput in = CorruptedInput.clean(GraphInput.of(graph));
        SplittableRandom random = new SplittableRandom(4);
        CorruptedInput out = new FeatureMask(0.5).corrupt(new EdgeDropout(0.5).corrupt(in, random), random);
        assertThat(out.maskedNodes()).hasSize(10);
        assertThat(out.removedEdges().size()).isPositive();
        assertThat(out.input().graph().edgeCount())
                .isEqualTo(graph.edgeCount() - out.removedEdges().size());
    }

    @Test
    void badOptionsAreRejectedNamingTheOption() {
        CreationContext ctx = new CreationContext(3, 3, 1);
        assertThatThrownBy(() -> new FeatureMaskFactory()
                        .create(ComponentConfig.of("token", "random").describedAs("corruption 'feature-mask'"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'token'")
                .hasMessageContaining("[zero, learned]")
                .hasMessageContaining("got 'random'");
        assertThatThrownBy(() -> new EdgeDropoutFactory()
                        .create(ComponentConfig.of("rate", 1.5).describedAs("corruption 'edge-dropout'"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'rate' of corruption 'edge-dropout'");
        assertThatThrownBy(() -> new FeatureNoiseFactory()
                        .create(ComponentConfig.of("std", -1).describedAs("corruption 'feature-noise'"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'std'");
        assertThatThrownBy(() -> new PathMaskFactory()
                        .create(ComponentConfig.of("walk-length", 0).describedAs("corruption 'path-mask'"), ctx))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'walk-length'");
    }

    /** Every corruption of the plugin under every encoder of the plugin: one finite training pass, finite gradients. */
    @Test
    void everyCorruptionWorksWithEveryEncoder() {
        PluginRegistry registry = PluginRegistry.of(List.of(new EncodersPlugin()));
        Graph graph = TestGraphs.twoCommunities(12, 5, 8);
        TrainingGraph training = new TrainingGraph(graph);
        ModelAssembler assembler = new ModelAssembler(registry);
        assertThat(registry.factories(ComponentKind.CORRUPTION))
                .containsOnlyKeys("edge-dropout", "path-mask", "feature-mask", "feature-noise");
        for (EncoderFactory ef : registry.factories(ComponentKind.ENCODER).values()) {
            for (CorruptionFactory cf :
                    registry.factories(ComponentKind.CORRUPTION).values()) {
                CreationContext ctx = new CreationContext(5, graph.nodeCount(), 1);
                Encoder encoder = assembler.create(
                        ComponentKind.ENCODER, new ComponentSpec(ef.name(), ComponentConfig.of("latent", 4)), ctx);
                Sampler sampler = registry.factory(
                                ComponentKind.SAMPLER, ef.name().contains("vgae") ? "gaussian" : "identity")
                        .create(ComponentConfig.empty(), ctx);
                GraphAutoencoder model = GraphAutoencoder.builder()
                        .encoder(encoder)
                        .sampler(sampler)
                        .decoder(RowDot::of)
                        .loss(
                                "pairs",
                                input -> Mean.of(Sigmoid.of(input.decoder()
                                        .logits(input.z(), input.training().positives()))))
                        .corruption(assembler.create(ComponentKind.CORRUPTION, ComponentSpec.of(cf.name()), ctx))
                        .build();
                ComputationContext pass = new ComputationContext();
                Variable loss = model.trainingLoss(GraphInput.of(graph), training, new SplittableRandom(3), pass);
                assertThat(pass.forward(loss).scalarValue())
                        .as("%s with %s", ef.name(), cf.name())
                        .isFinite();
                pass.backward(loss);
                for (Weights w : model.weights()) {
                    assertThat(pass.gradient(w).firstNonFinite())
                            .as("gradient of %s, %s with %s", w.name(), ef.name(), cf.name())
                            .isEqualTo(-1);
                }
            }
        }
    }
}
