// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.minibatch.EpochPlan;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The steps of a distributed epoch: round by round, the round's parts' positives are cut into
 * {@code S_r = batchesToCover(positives of round r)} slices, so a step takes about a batch of positives over all
 * parts, and step {@code i} takes slice {@code i} of each part. A cap on the steps per epoch
 * ({@link MiniBatchSettings#batchesPerEpoch}) runs only the first {@code min(S_r, cap)} steps of each round, as the
 * single-machine plan runs only the first batches: it never makes the slices bigger. The driver knows every part's
 * counts, so it knows each step's positives over all parts (W) without seeing them; steps where every part's slice
 * is empty are skipped. Step {@code k} of the plan is {@link WorkBatch#step} with the step's index in the epoch
 * (which seeds its negatives and its sampling) and W. Node shares are scaled by the uncut epoch's steps, as the
 * single-machine plan scales them by its full epoch's batches.
 */
public final class SparkPlan implements EpochPlan {

    private final long seed;
    private final long nodes;
    private final int[] rounds;
    private final int[] localSteps;
    private final int[] roundSteps;
    private final long[] positives;
    private final int[] executed;
    private final int fullEpochSteps;

    private SparkPlan(
            long seed, long nodes, List<int[]> steps, List<Long> positives, int[] roundSteps, int fullEpochSteps) {
        this.seed = seed;
        this.nodes = nodes;
        this.roundSteps = roundSteps;
        this.fullEpochSteps = fullEpochSteps;
        int total = steps.size();
        this.rounds = new int[total];
        this.localSteps = new int[total];
        this.positives = new long[total];
        List<Integer> nonEmpty = new ArrayList<>();
        for (int g = 0; g < total; g++) {
            rounds[g] = steps.get(g)[0];
            localSteps[g] = steps.get(g)[1];
            this.positives[g] = positives.get(g);
            if (this.positives[g] > 0) {
                nonEmpty.add(g);
            }
        }
        this.executed = nonEmpty.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The plan of {@code parts} cut by {@code settings}' batch size (and cap of steps per epoch, per round). */
    public static SparkPlan of(PartSet parts, MiniBatchSettings settings, long seed) {
        Objects.requireNonNull(parts, "parts is null");
        PartIds ids = parts.ids();
        int roundCount = ids.roundCount();
        int[] pairs = parts.pairCounts();
        int[] roundSteps = new int[roundCount];
        List<int[]> steps = new ArrayList<>();
        List<Long> positives = new ArrayList<>();
        int fullEpochSteps = 0;
        for (int r = 0; r < roundCount; r++) {
            long inRound = 0;
            for (int p = 0; p < pairs.length; p++) {
                inRound += ids.roundOf(p) == r ? pairs[p] : 0;
            }
            int capped = (int) Math.min(Integer.MAX_VALUE, inRound);
            // The slices are those of the whole epoch; a cap only stops the round early.
            int s = inRound == 0 ? 0 : settings.batchesToCover(capped);
            int run = inRound == 0 ? 0 : settings.batchesPerEpoch(capped);
            roundSteps[r] = s;
            for (int i = 0; i < s; i++) {
                long w = 0;
                for (int p = 0; p < pairs.length; p++) {
                    if (ids.roundOf(p) == r) {
                        w += PartBatches.positivesIn(pairs[p], i, s);
                    }
                }
                fullEpochSteps += w > 0 ? 1 : 0;
                if (i < run) {
                    steps.add(new int[] {r, i});
                    positives.add(w);
                }
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("The training table has no edges to make batches of");
        }
        return new SparkPlan(seed, parts.nodeCount(), steps, positives, roundSteps, fullEpochSteps);
    }

    @Override
    public int batches(int epoch) {
        return executed.length;
    }

    @Override
    public WorkBatch.Step batch(int epoch, int index) {
        int g = executed[Objects.checkIndex(index, executed.length)];
        return WorkBatch.step(epoch, g, positives[g]);
    }

    @Override
    public long stepSeed(int epoch, int index) {
        return Seeds.step(seed, epoch, executed[Objects.checkIndex(index, executed.length)]);
    }

    /** What the parts need to know of the epoch's step {@code stepIndex} (a {@link WorkBatch.Step#index()}). */
    public StepShape shape(int epoch, int stepIndex) {
        Objects.checkIndex(stepIndex, rounds.length);
        int r = rounds[stepIndex];
        return new StepShape(
                epoch, stepIndex, r, localSteps[stepIndex], roundSteps[r], fullEpochSteps, positives[stepIndex], nodes);
    }
}
