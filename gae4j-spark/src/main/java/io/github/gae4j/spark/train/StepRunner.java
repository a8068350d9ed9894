// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.backend.LocalBackend;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchObjective;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.spark.graph.LocalGraph;
import io.github.gae4j.spark.model.ModelCarrier;
import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A part's side of a training step, on its executor: the part's model (assembled from the carrier once, cached in
 * the part), the step's weights copied in, the part's batch of the step ({@link PartBatches}) mapped to local rows,
 * and the mini-batch objective on the part's local graph computed through a {@link LocalBackend}: the machinery of
 * single-machine mini-batch training, unchanged.
 *
 * <p>A KL term with β = 1/N reads N from the training graph, which on a part is the local graph: the part's node
 * scale then carries local N / N ({@code defaultKl}).
 */
final class StepRunner implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    // A plain class, not a record: Spark's Kryo cannot rebuild records.
    private final long run;
    private final ModelCarrier carrier;
    private final int[] fanOut;
    private final long seed;
    private final double negativeRatio;
    private final NegativeSampling negatives;
    private final boolean defaultKl;
    private final PartIds ids;

    /** @param run this run's id: a part keeps what it built for one run only */
    StepRunner(
            long run,
            ModelCarrier carrier,
            int[] fanOut,
            long seed,
            double negativeRatio,
            NegativeSampling negatives,
            boolean defaultKl,
            PartIds ids) {
        this.run = run;
        this.carrier = Objects.requireNonNull(carrier, "carrier is null");
        this.fanOut = fanOut.clone();
        this.seed = seed;
        this.negativeRatio = negativeRatio;
        this.negatives = Objects.requireNonNull(negatives, "negatives is null");
        this.defaultKl = defaultKl;
        this.ids = Objects.requireNonNull(ids, "ids is null");
    }

    /** The part's result of the step, or nothing when the part is not in the step's round or its slice is empty. */
    Iterator<PartResult> run(Part part, double[][] weights, StepShape shape, long stepSeed) {
        if (ids.roundOf(part.id()) != shape.round()) {
            return Collections.emptyIterator();
        }
        synchronized (part) {
            State state = state(part);
            PartBatches.PartBatch batch = state.batches.batch(shape);
            if (batch == null) {
                return Collections.emptyIterator();
            }
            LocalGraph g = part.graph();
            double factor = defaultKl ? (double) g.nodeCount() / shape.nodes() : 1.0;
            WorkBatch.Links links = WorkBatch.links(
                    pairs(g, batch.posSrc(), batch.posDst()),
                    pairs(g, batch.negSrc(), batch.negDst()),
                    rows(g, batch.nodes()),
                    batch.nodeScale() * factor);
            LossAndGradients result = state.backend.lossAndGradients(
                    state.objective,
                    ModelCarrier.matrices(state.model, weights),
                    links,
                    PartBatches.mix(stepSeed, part.id()));
            return List.of(PartResult.of(part.id(), result)).iterator();
        }
    }

    private State state(Part part) {
        if (part.cache() instanceof State s && s.run == run) {
            return s;
        }
        long start = System.nanoTime();
        State s = new State(this, part);
        part.cache(s);
        LOG.info(
                "Part {}: executor state built in {} ms ({} local nodes)",
                part.id(),
                (System.nanoTime() - start) / 1_000_000,
                part.graph().nodeCount());
        return s;
    }

    static EdgeList pairs(LocalGraph g, long[] src, long[] dst) {
        return new EdgeList(rows(g, src), rows(g, dst));
    }

    static int[] rows(LocalGraph g, long[] ids) {
        int[] out = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            out[k] = g.rowOf(ids[k]);
            if (out[k] < 0) {
                throw new IllegalStateException(
                        String.format(Locale.ROOT, "Node %d is not in its part's local graph", ids[k]));
            }
        }
        return out;
    }

    /** What a part builds once per executor: its model, objective, batches and a single-threaded backend. */
    private static final class State {
        final long run;
        final GraphAutoencoder model;
        final MiniBatchObjective objective;
        final PartBatches batches;
        final LocalBackend backend;

        State(StepRunner owner, Part part) {
            this.run = owner.run;
            this.model = owner.carrier.assemble();
            GraphInput input = part.graph().toGraphInput();
            this.objective =
                    new MiniBatchObjective(model, input, new TrainingGraph(input.graph()), FanOut.of(owner.fanOut));
            this.batches = new PartBatches(part, owner.seed, owner.negativeRatio, owner.negatives);
            // Spark runs one task per core: the part's kernels run on the task's thread.
            this.backend = new LocalBackend(Parallelism.singleThreaded());
        }
    }
}
