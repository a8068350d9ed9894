// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::link-predictor[]
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import java.nio.file.Path;
import java.util.List;
// end::link-predictor[]

/** README, "Predictions": a trained model's link predictions in an application, by original node id. */
final class LinkPredictorExample {

    private LinkPredictorExample() {}

    /** What the snippet found, for the test. */
    record Found(double score, List<Link> forNode, List<Link> overall) {}

    static Found predict(Path modelFile, String u, String v) {
        // tag::link-predictor[]
        // Loads the model and its graph once (the data where training found it); thread-safe, share it.
        LinkPredictor predictor = LinkPredictor.open(modelFile); // e.g. runs/cora-gae/model.gae4j
        double p = predictor.score(u, v); // probability of the link u → v
        List<Link> forU = predictor.topK(u, 10); // u's 10 most likely new links, best first
        List<Link> overall = predictor.topK(100); // the 100 most likely new links of the graph
        for (Link link : forU) {
            System.out.printf("%s -> %s  %.4f%n", link.source(), link.target(), link.score());
        }
        // end::link-predictor[]
        return new Found(p, forU, overall);
    }
}
