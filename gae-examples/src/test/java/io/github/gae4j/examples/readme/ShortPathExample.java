// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::short-path[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import java.util.Map;
// end::short-path[]

/** README, "Use it as a library": the short path: train by name, save, load, embeddings by node id. */
final class ShortPathExample {

    private ShortPathExample() {}

    // tag::short-path[]
    static Map<String, double[]> trainSaveLoad(Graph graph, Path file) {
        TrainedModel trained = Gae.train(
                graph, ModelSpec.vgae(), TrainerConfig.builder().seed(42).build());
        System.out.println(trained.result().orElseThrow().test()); // LinkScores[auc=..., ap=...]
        trained.save(file); // one .gae4j file: description, provenance, weights
        TrainedModel loaded = TrainedModel.load(file, graph); // for the graph it was trained on
        return loaded.embeddings(); // node id -> μ
    }
    // end::short-path[]
}
