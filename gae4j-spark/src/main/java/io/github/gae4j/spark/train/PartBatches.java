// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.runtime.minibatch.LinkBatchPlan;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.runtime.minibatch.Seeds;
import io.github.gae4j.spark.graph.LocalGraph;
import io.github.gae4j.spark.graph.NodeBlocks;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A part's share of each training step, in global node ids, a function of (seed, epoch, step, part) alone:
 * <ul>
 *   <li>positives: per epoch the part's training edges are shuffled (from {@link Seeds#shuffle} mixed with the part
 *       id) and step {@code i} of {@code S} takes the slice {@code [i n / S, (i + 1) n / S)}, so every part covers
 *       its edges each epoch;</li>
 *   <li>negatives: {@code round(ratio · slice)} pairs of distinct owned nodes, uniform or ∝ (degree + 1)^0.75,
 *       rejecting training edges (found in the owned nodes' local rows), from {@link Seeds#batch} mixed with the
 *       part id;</li>
 *   <li>node share (node-level terms, the VGAE KL): slice {@code i} of the owned nodes shuffled per epoch, so each
 *       node counts once per epoch, in its owner part, with the scale
 *       {@code |share| · W · T / (w · N)} (w the part's positives in the step, W every part's, T the epoch's
 *       steps, N the graph's nodes): summed over parts and averaged over an epoch, the full-batch term.</li>
 * </ul>
 * Not thread-safe (it caches the current epoch's shuffles); one per part.
 */
public final class PartBatches {

    /** A part's batch of one step, in global ids. */
    @SuppressWarnings("ArrayRecordComponent") // plain arrays of ids, read by the part's step
    public record PartBatch(
            long[] posSrc, long[] posDst, long[] negSrc, long[] negDst, long[] nodes, double nodeScale) {}

    private static final int MAX_REJECTIONS = 1000;

    private final Part part;
    private final long seed;
    private final double negativeRatio;
    private final NegativeSampling negatives;
    private int cachedEpoch = -1;
    private int[] edgeOrder;
    private long[] nodeOrder;
    private double[] cumulative;

    public PartBatches(Part part, long seed, double negativeRatio, NegativeSampling negatives) {
        this.part = Objects.requireNonNull(part, "part is null");
        this.seed = seed;
        this.negativeRatio = negativeRatio;
        this.negatives = Objects.requireNonNull(negatives, "negatives is null");
    }

    /** {@code seed} mixed with a part id: the part's own stream of a seed shared by all parts. */
    public static long mix(long seed, int part) {
        return NodeBlocks.mix(seed ^ NodeBlocks.mix(0x9e3779b97f4a7c15L * (part + 1L)));
    }

    /** The number of positives this part takes in step {@code step} of {@code steps}. */
    public static int positivesIn(int positives, int step, int steps) {
        return StepShape.from(positives, step + 1, steps) - StepShape.from(positives, step, steps);
    }

    /** The part's batch of the step, or null when its slice is empty (it then contributes nothing). */
    public PartBatch batch(StepShape shape) {
        int n = part.pairCount();
        int from = StepShape.from(n, shape.step(), shape.steps());
        int to = StepShape.from(n, shape.step() + 1, shape.steps());
        if (to == from) {
            return null;
        }
        shuffle(shape.epoch());
        long[] src = new long[to - from];
        long[] dst = new long[to - from];
        for (int k = from; k < to; k++) {
            src[k - from] = part.pairSrcIds()[edgeOrder[k]];
            dst[k - from] = part.pairDstIds()[edgeOrder[k]];
        }
        int count = Math.max(1, (int) Math.round(src.length * negativeRatio));
        long[] negSrc = new long[count];
        long[] negDst = new long[count];
        SplittableRandom random = new SplittableRandom(mix(Seeds.batch(seed, shape.epoch(), shape.index()), part.id()));
        for (int k = 0; k < count; k++) {
            drawNegative(random, negSrc, negDst, k);
        }
        int o = nodeOrder.length;
        long[] nodes = Arrays.copyOfRange(
                nodeOrder,
                StepShape.from(o, shape.step(), shape.steps()),
                StepShape.from(o, shape.step() + 1, shape.steps()));
        double nodeScale = nodes.length == 0
                ? 1.0
                : (double) nodes.length
                        * shape.positives()
                        * shape.epochSteps()
                        / ((double) src.length * shape.nodes());
        return new PartBatch(src, dst, negSrc, negDst, nodes, nodeScale);
    }

    private void drawNegative(SplittableRandom random, long[] negSrc, long[] negDst, int k) {
        long[] owned = part.ownedIds();
        if (owned.length < 2) {
            throw new IllegalStateException(String.format(
                    java.util.Locale.ROOT,
                    "Part %d owns %d node(s), too few to draw negatives from: use fewer blocks or rounds",
                    part.id(),
                    owned.length));
        }
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            long a = owned[pick(random)];
            long b = owned[pick(random)];
            if (a != b && !isEdge(a, b)) {
                negSrc[k] = a;
                negDst[k] = b;
                return;
            }
        }
        // As gae-core's NegativeSampler does: never hand on a self pair or an edge as a negative.
        throw new IllegalStateException(String.format(
                java.util.Locale.ROOT,
                "Part %d found no non-edge among its %d nodes in %d draws: its nodes are nearly all linked; use fewer"
                        + " blocks or rounds",
                part.id(),
                owned.length,
                MAX_REJECTIONS));
    }

    private int pick(SplittableRandom random) {
        if (negatives == NegativeSampling.UNIFORM) {
            return random.nextInt(part.ownedCount());
        }
        double[] cum = cumulative();
        double u = random.nextDouble() * cum[cum.length - 1];
        int k = Arrays.binarySearch(cum, u);
        k = k >= 0 ? k + 1 : -k - 1;
        return Math.min(k, cum.length - 1);
    }

    private double[] cumulative() {
        if (cumulative == null) {
            LocalGraph g = part.graph();
            long[] owned = part.ownedIds();
            cumulative = new double[owned.length];
            double sum = 0;
            for (int k = 0; k < owned.length; k++) {
                sum += Math.pow(g.degrees()[g.rowOf(owned[k])] + 1.0, 0.75);
                cumulative[k] = sum;
            }
        }
        return cumulative;
    }

    /** Whether (a, b) is an edge of a's local row (complete for an owned node unless capped). */
    private boolean isEdge(long a, long b) {
        LocalGraph g = part.graph();
        int ra = g.rowOf(a);
        int rb = g.rowOf(b);
        if (ra < 0 || rb < 0) {
            return false;
        }
        return Arrays.binarySearch(g.cols(), g.rowPtr()[ra], g.rowPtr()[ra + 1], rb) >= 0;
    }

    private void shuffle(int epoch) {
        if (epoch == cachedEpoch) {
            return;
        }
        SplittableRandom random = new SplittableRandom(mix(Seeds.shuffle(seed, epoch), part.id()));
        edgeOrder = LinkBatchPlan.permutation(part.pairCount(), random);
        nodeOrder = part.ownedIds().clone();
        for (int i = nodeOrder.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = nodeOrder[i];
            nodeOrder[i] = nodeOrder[j];
            nodeOrder[j] = t;
        }
        cachedEpoch = epoch;
    }
}
