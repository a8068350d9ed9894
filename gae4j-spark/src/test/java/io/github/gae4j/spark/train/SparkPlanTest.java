// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.TestTables;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A cap on the steps per epoch stops the epoch early; the steps keep the batch size, as on one machine. */
@ExtendWith(SharedSpark.class)
class SparkPlanTest {

    private static final long SEED = 7;

    @Test
    void aCappedEpochRunsTheFirstStepsOfTheUncutOneWithTheirBatchSize(SparkSession spark) {
        Graph graph = TrainingFixtures.small(120, 9);
        LinkSplit split = LinkSplit.of(graph, 2);
        PartSet parts = SparkTrainer.trainingParts(TestTables.of(spark, split), DistributedSettings.of(3), 2, SEED);
        try {
            MiniBatchSettings uncut = MiniBatchSettings.of(20, FanOut.of(5, 5));
            MiniBatchSettings capped = uncut.withBatchesPerEpoch(3);
            SparkPlan full = SparkPlan.of(parts, uncut, SEED);
            SparkPlan cut = SparkPlan.of(parts, capped, SEED);
            int positives = IntStream.of(parts.pairCounts()).sum();
            int fullSteps = uncut.batchesToCover(positives);
            assertThat(full.batches(1)).isEqualTo(fullSteps).isGreaterThan(3);
            assertThat(cut.batches(1)).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                StepShape a = cut.shape(1, cut.batch(1, i).index());
                StepShape b = full.shape(1, full.batch(1, i).index());
                // The step's positives stay a batch (about 20 over all parts), not a third of the epoch.
                assertThat(cut.batch(1, i).examples())
                        .isEqualTo(full.batch(1, i).examples());
                assertThat(cut.batch(1, i).examples()).isBetween(18L, 22L);
                assertThat(a.steps()).isEqualTo(b.steps()).isEqualTo(fullSteps);
                assertThat(a.epochSteps()).isEqualTo(b.epochSteps()).isEqualTo(fullSteps);
                assertThat(cut.stepSeed(1, i)).isEqualTo(full.stepSeed(1, i));
            }
        } finally {
            parts.release();
        }
    }
}
