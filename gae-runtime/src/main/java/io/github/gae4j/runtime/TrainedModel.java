// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.PredictorOptions;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained model on the graph it was trained on: its description (what to assemble), provenance (where it came
 * from), parameters, and, fresh from {@link Gae#train}, the training result. {@link #save} writes one model file
 * ({@code .gae4j}: description, provenance and weights together, so the two cannot be mixed up), {@link #load}
 * reads it back for the same graph, and {@link #embeddings} gives each node's vector (μ for variational models)
 * under its original id.
 */
public final class TrainedModel {

    private final ModelDescription description;
    private final Provenance provenance;
    private final Graph graph;
    private final Graph trainingGraph;
    private final GraphAutoencoder model;
    private final Optional<TrainingResult> result;
    private final int threads;

    /** @param trainingGraph the training part of {@code graph}'s recorded split: what the encoder sees */
    TrainedModel(
            ModelDescription description,
            Provenance provenance,
            Graph graph,
            Graph trainingGraph,
            GraphAutoencoder model,
            Optional<TrainingResult> result,
            int threads) {
        this.description = Objects.requireNonNull(description, "description is null");
        this.provenance = Objects.requireNonNull(provenance, "provenance is null");
        this.graph = Objects.requireNonNull(graph, "graph is null");
        this.trainingGraph = Objects.requireNonNull(trainingGraph, "trainingGraph is null");
        this.model = Objects.requireNonNull(model, "model is null");
        this.result = Objects.requireNonNull(result, "result is null");
        this.threads = threads;
    }

    /**
     * Reads a model file written by {@link #save} (or {@code gae train}'s {@code model.gae4j}) for {@code graph},
     * the graph it was trained on, with the plugins on the class path.
     *
     * @throws ConfigException when the graph is not the one the file records (size or content fingerprint)
     */
    public static TrainedModel load(Path file, Graph graph) {
        return load(file, graph, PluginRegistry.discover());
    }

    /** {@link #load(Path, Graph)} with the given plugins. */
    public static TrainedModel load(Path file, Graph graph, PluginRegistry plugins) {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(graph, "graph is null");
        SavedModel saved = SavedModelFile.read(file).best();
        Provenance provenance = saved.provenance()
                .orElseThrow(() -> new ConfigException(file
                        + ": the model file records no provenance (written before gae4j recorded it): its seeds are unknown;"
                        + " load it with SavedModelFile and ModelAssembler instead"));
        provenance.dataset().requireSameGraph(graph, file.toString());
        // A missing plugin is named with the jar the provenance records, before anything is built.
        GraphAutoencoder model =
                saved.assemble(new ModelAssembler(plugins), provenance.creationContext(graph), file.toString());
        return new TrainedModel(
                saved.description(),
                provenance,
                graph,
                provenance.linkSplit(graph).trainGraph(),
                model,
                Optional.empty(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Writes the model file; refuses to replace an existing file (use {@link #save(Path, boolean)} with
     * {@code replace = true} to do that on purpose).
     */
    public void save(Path file) {
        save(file, false);
    }

    /** Writes the model file, replacing an existing one only when {@code replace} is true. */
    public void save(Path file, boolean replace) {
        Objects.requireNonNull(file, "file is null");
        if (!replace && Files.exists(file)) {
            throw new ConfigException(file + ": exists; pass replace = true to overwrite it");
        }
        SavedModelFile.write(SavedModel.of(description, Optional.of(provenance), model), file);
    }

    /** Each node's embedding (μ for variational models) under its original id, in node order. */
    public Map<String, double[]> embeddings() {
        Matrix z = embeddingMatrix();
        List<String> ids = graph.nodeIds();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < z.rows(); i++) {
            out.put(ids.get(i), Arrays.copyOfRange(z.data(), i * z.cols(), (i + 1) * z.cols()));
        }
        return out;
    }

    /** The embeddings as an N × d matrix, row i for node index i. */
    public Matrix embeddingMatrix() {
        try (Parallelism parallelism = Parallelism.of(threads)) {
            return model.embed(GraphInput.of(trainingGraph), parallelism);
        }
    }

    /**
     * Link predictions from this model on its graph, as {@link LinkPredictor#open} gives them for its saved file:
     * embeddings over the training edges, the training edges (and with {@link PredictorOptions#excludeHeldOut()}
     * the validation and test positives) never recommended.
     */
    public LinkPredictor predictor(PredictorOptions options) {
        Objects.requireNonNull(options, "options is null");
        Matrix z = embeddingMatrix();
        PairScorer scorer = model.decoder().scorer(z);
        return LinkPredictor.of(
                graph.nodeIds(),
                z,
                scorer,
                LinkPredictor.knownEdges(
                        graph, provenance.linkSplit(graph), scorer.directed(), options.excludeHeldOut()),
                options,
                Optional.of(description),
                Optional.of(provenance),
                "model trained on " + graph.name());
    }

    public ModelDescription description() {
        return description;
    }

    public Provenance provenance() {
        return provenance;
    }

    public Graph graph() {
        return graph;
    }

    public GraphAutoencoder model() {
        return model;
    }

    /** The training result, for a model fresh from {@link Gae#train}; empty for a loaded one. */
    public Optional<TrainingResult> result() {
        return result;
    }
}
