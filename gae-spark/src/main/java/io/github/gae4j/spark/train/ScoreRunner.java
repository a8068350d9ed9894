// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.backend.WeightValues;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.spark.model.ModelCarrier;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A scoring part's side of validation or test, on its executor: the model (assembled once, cached in the part)
 * with the shipped weights embeds the part's exact local graph (layer by layer, as every evaluation pass does) and
 * scores the part's pairs with its decoder.
 */
final class ScoreRunner implements Serializable {

    private static final long serialVersionUID = 1L;

    // Plain classes, not records: Spark's Kryo cannot rebuild records.
    private final long run;
    private final ModelCarrier carrier;

    /** @param run this run's id: a part keeps what it built for one run only */
    ScoreRunner(long run, ModelCarrier carrier) {
        this.run = run;
        this.carrier = carrier;
    }

    /** A pair's probability, with the list it belongs to (its tag) and its ends. */
    static final class Scored implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int tag;
        private final long src;
        private final long dst;
        private final double score;

        Scored(int tag, long src, long dst, double score) {
            this.tag = tag;
            this.src = src;
            this.dst = dst;
            this.score = score;
        }

        int tag() {
            return tag;
        }

        long src() {
            return src;
        }

        long dst() {
            return dst;
        }

        double score() {
            return score;
        }
    }

    Iterator<Scored> run(Part part, double[][] weights) {
        if (part.pairCount() == 0) {
            return java.util.Collections.emptyIterator();
        }
        synchronized (part) {
            State state = part.cache() instanceof State s && s.run == run ? s : new State(this, part);
            part.cache(state);
            WeightValues.copyInto(
                    ModelCarrier.matrices(state.model, weights),
                    state.model.weights(),
                    "The shipped weights",
                    "the executor's model");
            EdgeList pairs = StepRunner.pairs(part.graph(), part.pairSrcIds(), part.pairDstIds());
            double[] scores;
            try (Parallelism single = Parallelism.singleThreaded()) {
                scores = state.model.score(state.input, pairs, single);
            }
            List<Scored> out = new ArrayList<>(scores.length);
            for (int k = 0; k < scores.length; k++) {
                out.add(new Scored(part.tagArray()[k], part.pairSrcIds()[k], part.pairDstIds()[k], scores[k]));
            }
            return out.iterator();
        }
    }

    private static final class State {
        final long run;
        final GraphAutoencoder model;
        final GraphInput input;

        State(ScoreRunner owner, Part part) {
            this.run = owner.run;
            this.model = owner.carrier.assemble();
            this.input = part.graph().toGraphInput();
        }
    }
}
