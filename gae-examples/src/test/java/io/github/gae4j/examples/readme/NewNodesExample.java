// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::new-nodes[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.runtime.checkpoint.RecordedRun;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.predict.InductiveEmbedding;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.PredictorOptions;
import java.nio.file.Path;
import java.util.List;
// end::new-nodes[]

/**
 * README, "New nodes": a saved model applied to the graph as it is now, new nodes included (ids matched by name).
 */
final class NewNodesExample {

    private NewNodesExample() {}

    static List<Link> linksOfANewNode(Path modelFile, Graph trainedOn, Graph current, String newNode) {
        // tag::new-nodes[]
        // trainedOn: the graph the model was trained on; a model from `gae train --dataset ...` reloads it itself:
        // RecordedRun.load(modelFile, null, assembler, false)
        RecordedRun run = RecordedRun.load(modelFile, trainedOn, new ModelAssembler(PluginRegistry.discover()));
        InductiveEmbedding grown = InductiveEmbedding.of(run, current, "current graph", 4);
        System.out.println(grown.newNodes().size() + " new nodes"); // ids the model's graph lacks
        double[] z = grown.embedding(current.nodeIds().indexOf(newNode)); // the encoder over the current graph
        System.out.println(z.length + " dimensions");
        LinkPredictor predictor = grown.predictor(PredictorOptions.defaults()); // current edges are known links
        List<Link> links = predictor.topK(newNode, 10); // its 10 most likely new links
        // end::new-nodes[]
        return links;
    }
}
