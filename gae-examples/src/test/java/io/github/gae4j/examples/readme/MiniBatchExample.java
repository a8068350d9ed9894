// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::mini-batch[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
// end::mini-batch[]

/** README, "Mini-batch training": the same models in batches of edges with sampled neighbourhoods, in code. */
final class MiniBatchExample {

    private MiniBatchExample() {}

    // tag::mini-batch[]
    static TrainedModel trainInMiniBatches(Graph graph) {
        TrainerConfig config = TrainerConfig.builder()
                .epochs(20)
                .miniBatch(1024, "25,10") // 1024 training edges a step; 25 then 10 neighbours per hop
                .build();
        // A VGAE: negative sampling in place of the full-graph weighted-bce, which cannot run on a batch.
        ModelSpec vgae = ModelSpec.vgae().withNegativeSampling();
        return Gae.train(graph, vgae, config);
    }

    static TrainerConfig everySetting() {
        return TrainerConfig.builder()
                .miniBatch(MiniBatchSettings.of(512, FanOut.parse("-1,-1")) // -1: every neighbour, exact
                        .withNegativeRatio(2) // two negatives per positive edge
                        .withNegatives(NegativeSampling.DEGREE) // endpoints drawn ∝ degree^0.75
                        .withBatchesPerEpoch(8)) // 8 steps per epoch instead of all batches
                .build();
    }
    // end::mini-batch[]
}
