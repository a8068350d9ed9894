// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.datasets.synthetic.StochasticBlockModel;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's library snippets (each the marked region of a class beside this one, see
 * {@link ReadmeSnippetsTest}) on the synthetic graph they generate: the builder's VGAE learns, the same model by name
 * gives the same numbers for the same seed, as the README says, and Guice assembles that same model.
 */
final class LibraryExamplesTest {

    /** The graph and split {@link BuilderExample#trainVgae()} makes. */
    private static final Graph GRAPH = StochasticBlockModel.builder()
            .nodes(500)
            .communities(10)
            .seed(7)
            .build()
            .generate();

    private static TrainingResult train(GraphAutoencoder model) {
        try (Parallelism threads = Parallelism.of(2)) {
            return new Trainer(TrainerConfig.builder().seed(42).build(), threads).fit(model, LinkSplit.of(GRAPH, 42L));
        }
    }

    private static void assertSameRun(TrainingResult actual, TrainingResult expected) {
        assertThat(actual.history())
                .extracting(EpochStats::loss)
                .isEqualTo(expected.history().stream().map(EpochStats::loss).toList());
        assertThat(actual.test()).isEqualTo(expected.test());
    }

    @Test
    void theBuildersVgaeLearnsAndTheSameModelByNameAndThroughGuiceGivesTheSameNumbers() {
        TrainingResult built = BuilderExample.trainVgae();
        assertThat(built.history()).hasSize(200);
        assertThat(built.test().auc()).as("test AUC on the synthetic graph").isGreaterThan(0.85);
        assertThat(built.test().ap()).as("test AP on the synthetic graph").isGreaterThan(0.85);

        assertSameRun(train(ByNameExample.vgaeByName(GRAPH)), built);
        assertSameModel(GuiceExample.vgaeThroughGuice(GRAPH), ByNameExample.vgaeByName(GRAPH));
    }

    /** The same components, loss terms and initial weights: so the same numbers, without a third training run. */
    private static void assertSameModel(GraphAutoencoder actual, GraphAutoencoder expected) {
        assertThat(actual.encoder().getClass()).isEqualTo(expected.encoder().getClass());
        assertThat(actual.sampler().getClass()).isEqualTo(expected.sampler().getClass());
        assertThat(actual.decoder().getClass()).isEqualTo(expected.decoder().getClass());
        assertThat(actual.lossTermKeys()).isEqualTo(expected.lossTermKeys());
        assertThat(actual.weights())
                .extracting(Weights::name)
                .isEqualTo(expected.weights().stream().map(Weights::name).toList());
        for (int i = 0; i < expected.weights().size(); i++) {
            assertThat(actual.weights().get(i).data().data())
                    .as(expected.weights().get(i).name())
                    .isEqualTo(expected.weights().get(i).data().data());
        }
    }
}
