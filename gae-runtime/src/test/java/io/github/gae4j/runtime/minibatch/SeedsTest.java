// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.train.TrainingLoop;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SeedsTest {

    @Test
    void batchZeroDrawsFromTheEpochsSeed() {
        for (int epoch = 1; epoch <= 5; epoch++) {
            assertThat(Seeds.batch(42, epoch, 0)).isEqualTo(Seeds.epoch(42, epoch));
        }
    }

    @Test
    void theFullBatchPlanStepsWithTheEpochSeedOfTheTrainingLoop() {
        EpochPlan plan = EpochPlan.fullBatch(42);
        assertThat(plan.batches(3)).isEqualTo(1);
        assertThat(plan.batch(3, 0)).isEqualTo(WorkBatch.wholeGraph());
        assertThat(plan.stepSeed(3, 0)).isEqualTo(Seeds.epoch(42, 3)).isEqualTo(TrainingLoop.epochSeed(42, 3));
    }

    @Test
    void seedsAreFunctionsOfTheirArgumentsAndDifferAcrossThem() {
        assertThat(Seeds.step(7, 2, 3)).isEqualTo(Seeds.step(7, 2, 3));
        Set<Long> seen = new HashSet<>();
        for (long seed : new long[] {1, 2}) {
            for (int epoch = 1; epoch <= 20; epoch++) {
                seen.add(Seeds.shuffle(seed, epoch));
                for (int batch = 0; batch < 50; batch++) {
                    seen.add(Seeds.batch(seed, epoch, batch));
                    seen.add(Seeds.step(seed, epoch, batch));
                }
            }
        }
        assertThat(seen).as("no two seeds of a run alike").hasSize(2 * 20 * (1 + 2 * 50));
    }
}
