// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.synthetic.StochasticBlockModel;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's mini-batch snippet: the model trains, records its settings, and saves and loads. */
final class MiniBatchExampleTest {

    @TempDir
    Path dir;

    @Test
    void trainsInMiniBatchesAndTheSavedModelRecordsHow() {
        Graph graph = StochasticBlockModel.builder()
                .nodes(400)
                .communities(4)
                .seed(3)
                .build()
                .generate();
        TrainedModel trained = MiniBatchExample.trainInMiniBatches(graph);
        assertThat(trained.result().orElseThrow().test().auc()).isGreaterThan(0.6);
        assertThat(trained.description().training().miniBatch().fanOut()).isEqualTo(FanOut.of(25, 10));
        Path file = dir.resolve("vgae.gae4j");
        trained.save(file);
        assertThat(TrainedModel.load(file, graph).description().training().miniBatch())
                .isEqualTo(trained.description().training().miniBatch());

        TrainerConfig every = MiniBatchExample.everySetting();
        assertThat(every.miniBatch().negatives()).isEqualTo(NegativeSampling.DEGREE);
        assertThat(every.miniBatch().fanOut().isExact()).isTrue();
        assertThat(every.miniBatch().batchesPerEpoch()).isEqualTo(8);
    }
}
