// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.runtime.backend.WorkBatch;

/**
 * The steps of an epoch: how many, which batch each takes and the seed of its randomness, all functions of (run
 * seed, epoch, index), so a resumed run takes the steps an uninterrupted one does and no step depends on a thread.
 * Full-batch training is one step on the whole graph; {@link LinkBatchPlan} cuts the training edges into batches.
 */
public interface EpochPlan {

    /** The steps of {@code epoch} (1-based). */
    int batches(int epoch);

    /** The work of step {@code index} (0-based) of {@code epoch}. */
    WorkBatch batch(int epoch, int index);

    /** The seed of that step's randomness (neighbour sampling, noise, dropout). */
    long stepSeed(int epoch, int index);

    /** One step on the whole graph per epoch, seeded by {@link Seeds#epoch}: full-batch training. */
    static EpochPlan fullBatch(long seed) {
        return new EpochPlan() {
            @Override
            public int batches(int epoch) {
                return 1;
            }

            @Override
            public WorkBatch batch(int epoch, int index) {
                return WorkBatch.wholeGraph();
            }

            @Override
            public long stepSeed(int epoch, int index) {
                return Seeds.epoch(seed, epoch);
            }
        };
    }
}
