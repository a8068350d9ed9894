// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.metrics.clustering.ClusteringMetrics;
import io.github.gae4j.runtime.metrics.clustering.ClusteringScores;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a trained model scores: link prediction on the held-out test edges, the embeddings of the
 * training graph (what the encoder saw), and node clustering against the labels where the graph
 * has them (k-means with k = number of classes, 10 restarts, on the embeddings).
 */
@SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
public record Evaluation(
        double[] testPositives,
        double[] testNegatives,
        LinkScores test,
        Matrix embeddings,
        Optional<ClusteringScores> clustering) {

    public static Evaluation of(
            GraphAutoencoder model, LinkSplit split, Graph graph, Parallelism parallelism, long seed) {
        GraphInput input = GraphInput.of(split.trainGraph());
        List<double[]> s = model.score(input, List.of(split.testPositives(), split.testNegatives()), parallelism);
        Matrix z = model.embed(input, parallelism);
        Optional<ClusteringScores> clustering = Optional.empty();
        if (graph.hasLabels()) {
            int classes = (int)
                    Arrays.stream(graph.labels()).filter(l -> l >= 0).distinct().count();
            if (classes >= 2) {
                clustering = Optional.of(ClusteringMetrics.evaluate(z, graph.labels(), classes, 10, seed));
            }
        }
        return new Evaluation(s.get(0), s.get(1), LinkScores.of(s.get(0), s.get(1)), z, clustering);
    }

    /** Name → value rows for tables, JSON and the report. */
    public Map<String, String> summary() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("test AUC", f(test.auc()));
        m.put("test AP", f(test.ap()));
        clustering.ifPresent(c -> {
            m.put("clustering ACC", f(c.acc()));
            m.put("clustering NMI", f(c.nmi()));
            m.put("clustering ARI", f(c.ari()));
        });
        return m;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
