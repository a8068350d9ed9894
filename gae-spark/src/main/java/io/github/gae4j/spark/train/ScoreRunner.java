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
 * scores the part's pairs with its decoder. Each score comes back as {tag, src, dst, probability}.
 *
 * @param carrier the model
 */
record ScoreRunner(ModelCarrier carrier) implements Serializable {

    private static final long serialVersionUID = 1L;

    Iterator<double[]> run(Part part, double[][] weights) {
        if (part.pairCount() == 0) {
            return java.util.Collections.emptyIterator();
        }
        synchronized (part) {
            State state = part.cache() instanceof State s && s.owner.equals(this) ? s : new State(this, part);
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
            List<double[]> out = new ArrayList<>(scores.length);
            for (int k = 0; k < scores.length; k++) {
                out.add(new double[] {part.tagArray()[k], part.pairSrcIds()[k], part.pairDstIds()[k], scores[k]});
            }
            return out.iterator();
        }
    }

    private static final class State {
        final ScoreRunner owner;
        final GraphAutoencoder model;
        final GraphInput input;

        State(ScoreRunner owner, Part part) {
            this.owner = owner;
            this.model = owner.carrier.assemble();
            this.input = part.graph().toGraphInput();
        }
    }
}
