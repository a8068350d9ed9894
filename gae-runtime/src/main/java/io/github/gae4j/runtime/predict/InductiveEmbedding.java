// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.error.NumericalException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.checkpoint.RecordedRun;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.provenance.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained model applied to a graph it was not trained on (inductive use): typically the training graph grown by new
 * nodes, each with its features and its edges to known nodes (and to each other). Node ids are matched by name with
 * the model's graph: an id the model's graph has is a known node, any other a new one; nodes of the model's graph that
 * the new graph lacks are allowed (a node deleted since training) and only counted.
 *
 * <p>The encoder sees the new graph as given: its edges (all of them, the user's current graph, not the model's
 * training split) and its features, used as the model's were (as loaded, or row-normalised: {@link
 * Provenance.Features#applyTo}). So a known node's embedding can differ from the one {@code gae embed} gives without
 * {@code --graph}: its neighbourhood may have grown. The features must have the width the model was trained with. A
 * model trained without features (X = I) is refused: its first layer has one weight row per training node, and none
 * for a node it never saw.
 *
 * <p>Immutable; {@link #predictor} gives a {@link LinkPredictor} over these embeddings whose known links are the new
 * graph's edges.
 */
public final class InductiveEmbedding {

    private static final Logger LOG = LoggerFactory.getLogger(InductiveEmbedding.class);

    private final Graph graph;
    private final Matrix embeddings;
    private final List<String> newNodes;
    private final int knownNodes;
    private final int absentNodes;
    private final GraphAutoencoder model;
    private final Optional<ModelDescription> description;
    private final Provenance provenance;
    private final String source;

    private InductiveEmbedding(
            Graph graph,
            Matrix embeddings,
            List<String> newNodes,
            int knownNodes,
            int absentNodes,
            GraphAutoencoder model,
            Optional<ModelDescription> description,
            Provenance provenance,
            String source) {
        this.graph = graph;
        this.embeddings = embeddings;
        this.newNodes = List.copyOf(newNodes);
        this.knownNodes = knownNodes;
        this.absentNodes = absentNodes;
        this.model = model;
        this.description = description;
        this.provenance = provenance;
        this.source = source;
    }

    /**
     * {@code run}'s model applied to {@code graph} (features as its loader gave them), on {@code threads} threads;
     * {@code graphSource} names the graph (its file) in messages.
     *
     * @throws ConfigException for a model trained without features (X = I)
     * @throws GaeException    for a graph without features or with another feature width than the model's
     */
    public static InductiveEmbedding of(RecordedRun run, Graph graph, String graphSource, int threads) {
        Objects.requireNonNull(run, "run is null");
        return of(
                run.model(),
                Optional.of(run.saved().description()),
                run.provenance(),
                run.graph(),
                run.file().toString(),
                graph,
                graphSource,
                threads);
    }

    /**
     * {@code model} applied to {@code graph} (features as its loader gave them).
     *
     * @param model       the trained model
     * @param description its description, for the predictor's {@code description()} (may be empty)
     * @param provenance  its provenance: how it used features
     * @param trainedOn   the graph it was trained on, features as used in training: the known ids and the width
     * @param source      the model (file) in messages
     * @param graph       the graph to embed, its features as loaded
     * @param graphSource the graph (file) in messages
     * @param threads     threads for the encoder (the numbers do not depend on it)
     */
    public static InductiveEmbedding of(
            GraphAutoencoder model,
            Optional<ModelDescription> description,
            Provenance provenance,
            Graph trainedOn,
            String source,
            Graph graph,
            String graphSource,
            int threads) {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(provenance, "provenance is null");
        Objects.requireNonNull(trainedOn, "trainedOn is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(graphSource, "graphSource is null");
        Graph input = encoderInput(provenance, trainedOn, source, graph, graphSource);

        Set<String> known = new HashSet<>(trainedOn.nodeIds());
        List<String> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>(input.nodeCount() * 2);
        for (String id : input.nodeIds()) {
            if (!seen.add(id)) {
                throw new GaeException(graphSource + ": node id '" + id + "' appears twice");
            }
            if (!known.contains(id)) {
                fresh.add(id);
            }
        }
        int kept = input.nodeCount() - fresh.size();
        int absent = trainedOn.nodeCount() - kept;
        if (kept == 0 && trainedOn.nodeCount() > 0) {
            LOG.warn(
                    "{}: no node id is one of the model's ({}); ids are matched by name, so every node is new."
                            + " Is this the same id scheme as the graph the model trained on?",
                    graphSource,
                    source);
        }
        LOG.info(
                "{}: {} nodes, {} known to the model, {} new; {} of the model's {} nodes absent",
                graphSource,
                input.nodeCount(),
                kept,
                fresh.size(),
                absent,
                trainedOn.nodeCount());

        Matrix z;
        try (Parallelism parallelism = Parallelism.of(threads)) {
            z = model.embed(GraphInput.of(input), parallelism);
        }
        int bad = z.firstNonFinite();
        if (bad >= 0) {
            throw new NumericalException(String.format(
                    Locale.ROOT,
                    "%s: the embedding of node %s of %s is not finite (%s); are its features far outside the"
                            + " training range?",
                    source,
                    input.nodeIds().get(bad / z.cols()),
                    graphSource,
                    z.data()[bad]));
        }
        return new InductiveEmbedding(input, z, fresh, kept, absent, model, description, provenance, source);
    }

    /**
     * The graph the encoder sees: {@code graph} with its features used as in training, and undirected if the model's
     * graph was. Fails unless its features fit the model.
     */
    static Graph encoderInput(Provenance provenance, Graph trainedOn, String source, Graph graph, String graphSource) {
        Optional<Features> trainedFeatures = trainedOn.features();
        if (provenance.dataset().features() == Provenance.Features.NONE || trainedFeatures.isEmpty()) {
            throw new ConfigException(source
                    + ": a featureless (X = I) model has no input for a node it never saw; retrain with features"
                    + " (gae train --features as-loaded or row-normalized) to embed new nodes");
        }
        int width = trainedFeatures.get().dim();
        Features features = graph.features()
                .orElseThrow(() -> new GaeException(String.format(
                        Locale.ROOT,
                        "%s: the graph has no node features, but the model %s reads %d per node; give a graph file"
                                + " with features (a LINQS .content, or an .npz with attributes)",
                        graphSource,
                        source,
                        width)));
        if (features.dim() != width) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "%s: the nodes have %d features each, but the model %s was trained with %d; a new graph needs the"
                            + " training graph's feature columns, in the same order",
                    graphSource,
                    features.dim(),
                    source,
                    width));
        }
        Graph used = provenance.dataset().features().applyTo(graph);
        if (!trainedOn.isDirected()) {
            return used.asUndirected();
        }
        if (!used.isDirected()) {
            throw new ConfigException(source + ": the model was trained on a directed graph, but " + graphSource
                    + " is undirected; load it directed (e.g. the loader option directed=true)");
        }
        return used;
    }

    /**
     * A link predictor over these embeddings, scored by the model's decoder; the new graph's edges are the known
     * links (never recommended; in both directions for a directed decoder on an undirected graph). {@link PredictorOptions#excludeHeldOut()} and {@code dataDir} do not apply: the new
     * graph has no split.
     */
    public LinkPredictor predictor(PredictorOptions options) {
        Objects.requireNonNull(options, "options is null");
        PairScorer scorer = model.decoder().scorer(embeddings);
        List<EdgeList> known = LinkPredictor.knownEdges(graph, List.of(graph.edges()), scorer.directed());
        return LinkPredictor.of(
                graph.nodeIds(), embeddings, scorer, known, options, description, Optional.of(provenance), source);
    }

    /** The graph the encoder saw: the new graph with its features used as the model's were. */
    public Graph graph() {
        return graph;
    }

    /** The node ids, in row order of {@link #embeddings()}. */
    public List<String> nodeIds() {
        return graph.nodeIds();
    }

    /** N × d, row i the embedding (μ for variational models) of {@code nodeIds().get(i)}. */
    public Matrix embeddings() {
        return embeddings;
    }

    /** A node's embedding. */
    public double[] embedding(int node) {
        int d = embeddings.cols();
        return Arrays.copyOfRange(embeddings.data(), node * d, (node + 1) * d);
    }

    /** The ids the model's graph does not have, in node order. */
    public List<String> newNodes() {
        return newNodes;
    }

    /** How many nodes the model's graph has too. */
    public int knownNodes() {
        return knownNodes;
    }

    /** How many nodes of the model's graph the new graph lacks. */
    public int absentNodes() {
        return absentNodes;
    }

    /** The model (file) the embedding came from, for messages. */
    public String source() {
        return source;
    }
}
