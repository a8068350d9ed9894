// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.NegativeSampler;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.runtime.backend.WorkBatch;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Edge-seeded mini-batches, as PyG's {@code LinkNeighborLoader} makes them: per epoch the training edges are
 * shuffled (from (seed, epoch)) and cut into batches of {@code batchSize}; batch {@code b} draws
 * {@code round(ratio · size)} non-edges from its own seed ({@link Seeds#batch}), uniformly (as the full-batch loss
 * does, through the training graph's sampler) or ∝ degree^0.75. Every node of the graph also falls in one batch's
 * share per epoch (a shuffled cut of the nodes into as many parts as a full epoch has batches), which node-level
 * terms (the VGAE KL) average over, scaled so that an epoch's batches average to the full-batch term.
 *
 * <p>A batch is a function of (seed, epoch, index) alone. The current epoch's shuffles are cached (one epoch at a
 * time; an int per training edge and per node), so a plan is not for concurrent use across epochs.
 */
public final class LinkBatchPlan implements EpochPlan {

    private final TrainingGraph training;
    private final MiniBatchSettings settings;
    private final long seed;
    private final EdgeList positives;
    private final int fullEpochBatches;
    private NegativeSampler degreeSampler;
    private int cachedEpoch = -1;
    private int[] edgeOrder;
    private int[] nodeOrder;

    public LinkBatchPlan(TrainingGraph training, MiniBatchSettings settings, long seed) {
        this.training = Objects.requireNonNull(training, "training is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.seed = seed;
        this.positives = training.positives();
        if (positives.size() == 0) {
            throw new IllegalArgumentException("The training graph has no edges to make batches of");
        }
        this.fullEpochBatches = settings.batchesToCover(positives.size());
    }

    public MiniBatchSettings settings() {
        return settings;
    }

    @Override
    public int batches(int epoch) {
        return settings.batchesPerEpoch(positives.size());
    }

    @Override
    public synchronized WorkBatch.Links batch(int epoch, int index) {
        Objects.checkIndex(index, batches(epoch));
        shuffle(epoch);
        int from = index * settings.batchSize();
        int to = Math.min(positives.size(), from + settings.batchSize());
        int[] src = new int[to - from];
        int[] dst = new int[to - from];
        for (int k = from; k < to; k++) {
            int e = edgeOrder[k];
            src[k - from] = positives.src(e);
            dst[k - from] = positives.dst(e);
        }
        int count = Math.max(1, (int) Math.round(src.length * settings.negativeRatio()));
        SplittableRandom random = new SplittableRandom(Seeds.batch(seed, epoch, index));
        EdgeList negatives = settings.negatives() == NegativeSampling.UNIFORM
                ? training.negativeSampler().sample(count, random)
                : degreeSampler().sample(count, random);
        int n = nodeOrder.length;
        int nodeFrom = (int) ((long) n * index / fullEpochBatches);
        int nodeTo = (int) ((long) n * (index + 1) / fullEpochBatches);
        int[] nodes = Arrays.copyOfRange(nodeOrder, nodeFrom, nodeTo);
        // nodeScale · mean over the share estimates the mean over all N nodes; exactly 1 for one batch of all.
        double nodeScale = nodes.length == 0 ? 1.0 : (double) nodes.length * fullEpochBatches / n;
        return WorkBatch.links(new EdgeList(src, dst), negatives, nodes, nodeScale);
    }

    @Override
    public long stepSeed(int epoch, int index) {
        return Seeds.step(seed, epoch, index);
    }

    private void shuffle(int epoch) {
        if (epoch == cachedEpoch) {
            return;
        }
        SplittableRandom random = new SplittableRandom(Seeds.shuffle(seed, epoch));
        edgeOrder = permutation(positives.size(), random);
        nodeOrder = permutation(training.nodeCount(), random);
        cachedEpoch = epoch;
    }

    /**
     * A Fisher–Yates permutation of 0 … n − 1 drawn from {@code random} (the shuffle of every epoch's edges and nodes;
     * gae-spark's blocks shuffle their own with it).
     */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private NegativeSampler degreeSampler() {
        if (degreeSampler == null) {
            degreeSampler = NegativeSampler.degreeWeighted(training.graph(), 0.75);
        }
        return degreeSampler;
    }
}
