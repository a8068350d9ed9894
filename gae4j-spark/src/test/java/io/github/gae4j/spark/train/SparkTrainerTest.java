// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.split.SplitTables;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The facade end to end (rounds, capped halos, sampling, validation on Spark) and its refusals. */
@ExtendWith(SharedSpark.class)
class SparkTrainerTest {

    @Test
    void trainsWithRoundsCappedHalosAndSamplingAndScoresOnSpark(SparkSession spark) {
        Graph graph = TrainingFixtures.small(120, 5);
        LinkSplit split = LinkSplit.of(graph, 2);
        SplitTables tables = TestTables.of(spark, split);
        TrainerConfig config = TrainerConfig.builder()
                .seed(3)
                .epochs(4)
                // Validation (a distributed embedding, most of an epoch's time here) at epochs 2 and 4: still
                // repeated after weights changed, and at the epoch the assertions read.
                .evalEvery(2)
                .learningRate(0.01)
                .miniBatch(MiniBatchSettings.of(100, FanOut.of(5, 5)))
                .build();
        ModelDescription description = new ModelDescription(ModelSpec.vgae().withNegativeSampling(), config);
        GraphAutoencoder model =
                ModelCarrier.of(description, 8, graph.nodeCount(), 3).assemble();
        TrainingResult result = new SparkTrainer(
                        spark, DistributedSettings.of(2).withRounds(2).withHaloCaps(6, 4))
                .fit(model, description, tables);
        assertThat(result.history()).hasSize(4);
        assertThat(result.history()).allSatisfy(e -> assertThat(e.loss()).isFinite());
        assertThat(result.history().get(3).valAuc()).isBetween(0.0, 1.0);
        assertThat(result.test().auc()).isGreaterThan(0.5);
    }

    @Test
    void refusesTheFullGraphWeightedBce(SparkSession spark) {
        Graph graph = TrainingFixtures.small(40, 1);
        SplitTables tables = TestTables.of(spark, LinkSplit.of(graph, 1));
        TrainerConfig config = TrainerConfig.builder()
                .miniBatch(MiniBatchSettings.of(16, FanOut.all(2)))
                .build();
        ModelDescription description = new ModelDescription(ModelSpec.gae(), config);
        GraphAutoencoder model = ModelCarrier.of(description, 8, 40, 1).assemble();
        assertThatThrownBy(() -> new SparkTrainer(spark, DistributedSettings.of(2)).fit(model, description, tables))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gae-spark trains in mini-batches")
                .hasMessageContaining("'weighted-bce'")
                .hasMessageContaining("negative-sampling-bce");
    }

    @Test
    void refusesAFeaturelessModel() {
        TrainerConfig config = TrainerConfig.builder()
                .miniBatch(MiniBatchSettings.of(16, FanOut.all(2)))
                .build();
        ModelDescription description = new ModelDescription(ModelSpec.gae().withNegativeSampling(), config);
        GraphAutoencoder model = ModelCarrier.of(description, 40, 40, 1).assemble();
        assertThatThrownBy(() -> SparkTrainer.requireDistributable(model, Features.identity(40), config.miniBatch()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gae-spark needs node features")
                .hasMessageContaining("X = I");
    }

    @Test
    void refusesFullBatchSettings(SparkSession spark) {
        Graph graph = TrainingFixtures.small(40, 1);
        SplitTables tables = TestTables.of(spark, LinkSplit.of(graph, 1));
        TrainerConfig config = TrainerConfig.builder().build();
        ModelDescription description = new ModelDescription(ModelSpec.gae().withNegativeSampling(), config);
        GraphAutoencoder model = ModelCarrier.of(description, 8, 40, 1).assemble();
        assertThatThrownBy(() -> new SparkTrainer(spark, DistributedSettings.of(2)).fit(model, description, tables))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mini-batches only");
    }
}
