// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.encoders.gin.GinEncoderFactory;
import io.github.gae4j.runtime.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * {@code gin} (GIN-ε: learnable ε, defaults otherwise) as a GAE encoder (inner-product decoder, full-graph weighted
 * BCE) on the stochastic block model of {@link GatTrainingTest}, trained the same way, against {@code gcn}.
 */
final class GinTrainingTest {

    static Encoder gin(Graph graph, ComponentConfig config, long seed) {
        return new GinEncoderFactory()
                .create(config, new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seed));
    }

    /**
     * 8 blocks × 25 nodes, 50 epochs at lr 0.01, three seeds. Measured test AUC, GIN-ε (hidden 32, latent 16, batch
     * norm) vs GCN (hidden 32, latent 16): seed 1 0.865 vs 0.878, seed 2 0.887 vs 0.862, seed 3 0.915 vs 0.913
     * (without the norm GIN's sums over ~8 neighbours train worse: 0.78, 0.75, 0.88). Guarded: every GIN run above
     * 0.83, the GIN mean no more than 0.03 below the GCN mean, and every ε moved from its start.
     */
    @Test
    void ginAutoencoderLearnsLinksOfAStochasticBlockModel() {
        double ginSum = 0;
        double gcnSum = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Graph graph = GatTrainingTest.blocks(8, 25, 0.3, 0.005, 0.5, seed);
            LinkSplit split = LinkSplit.of(graph, seed);
            Encoder encoder = gin(graph, ComponentConfig.of("hidden", 32, "latent", 16, "train-eps", true), seed);
            TrainingResult gin = GatTrainingTest.train(encoder, split, 50, 0.01);
            TrainingResult gcn = GatTrainingTest.train(GatTrainingTest.gcn(graph, seed), split, 50, 0.01);
            assertThat(gin.last().loss())
                    .as("GIN loss, seed %d", seed)
                    .isLessThan(gin.history().get(0).loss());
            assertThat(gin.test().auc())
                    .as("GIN test AUC, seed %d (GCN %.4f)", seed, gcn.test().auc())
                    .isGreaterThan(0.83);
            assertThat(encoder.weights().stream()
                            .filter(w -> w.name().endsWith(".eps"))
                            .map(Weights::data))
                    .as("learned ε, seed %d", seed)
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.scalarValue()).isNotZero());
            ginSum += gin.test().auc();
            gcnSum += gcn.test().auc();
        }
        assertThat(ginSum / 3)
                .as("mean GIN test AUC against GCN's %.4f", gcnSum / 3)
                .isGreaterThan(gcnSum / 3 - 0.03);
    }
}
