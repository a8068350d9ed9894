// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.error.NumericalException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.checkpoint.RecordedRun;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Link predictions from a trained model, for applications: load the model file once, then ask for pair scores,
 * a node's top-k links, or the top-k links of the whole graph, by original node id. Scores are the decoder's
 * probabilities. Immutable and thread-safe: share one instance between request threads.
 *
 * <p>The embeddings are computed once, as evaluation computes them: the encoder over the training edges. Known links
 * (the training edges, and unless {@link PredictorOptions#excludeHeldOut()} is off, the validation and test
 * positives) and self pairs are never recommended; {@link #score} scores any pair.
 */
public final class LinkPredictor {

    private final List<String> ids;
    private final Map<String, Integer> index;
    private final Matrix embeddings;
    private final PairScorer scorer;
    private final KnownLinks known;
    private final LinkSearch search;
    private final Optional<ModelDescription> description;
    private final Optional<Provenance> provenance;
    private final String source;

    private LinkPredictor(
            List<String> ids,
            Matrix embeddings,
            PairScorer scorer,
            KnownLinks known,
            LinkSearch search,
            Optional<ModelDescription> description,
            Optional<Provenance> provenance,
            String source) {
        this.ids = List.copyOf(ids);
        this.index = indexOf(this.ids);
        this.embeddings = embeddings;
        this.scorer = scorer;
        this.known = known;
        this.search = search;
        this.description = description;
        this.provenance = provenance;
        this.source = source;
    }

    /** Opens a model file ({@code gae train}'s {@code model.gae4j}) with the default options and installed plugins. */
    public static LinkPredictor open(Path modelFile) {
        return open(modelFile, PredictorOptions.defaults());
    }

    /** Opens a model file with {@code options} and the plugins on the class path. */
    public static LinkPredictor open(Path modelFile, PredictorOptions options) {
        return open(modelFile, options, new ModelAssembler(PluginRegistry.discover()));
    }

    /** Opens a model file with {@code options}, building its components with {@code assembler}'s plugins. */
    public static LinkPredictor open(Path modelFile, PredictorOptions options, ModelAssembler assembler) {
        Objects.requireNonNull(modelFile, "modelFile is null");
        Objects.requireNonNull(options, "options is null");
        RecordedRun run = RecordedRun.load(modelFile, options.dataDir().orElse(null), assembler, false);
        return of(run, options);
    }

    /**
     * Opens a model file for {@code graph}, the graph it was trained on, built in code (a model from {@code
     * Gae.train} on such a graph records no loader to read it again).
     */
    public static LinkPredictor open(Path modelFile, Graph graph, PredictorOptions options) {
        Objects.requireNonNull(modelFile, "modelFile is null");
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(options, "options is null");
        return of(RecordedRun.load(modelFile, graph, new ModelAssembler(PluginRegistry.discover())), options);
    }

    /** A predictor over a run already loaded: the graph and split it records. */
    public static LinkPredictor of(RecordedRun run, PredictorOptions options) {
        LinkSplit split = run.split();
        Matrix z;
        try (Parallelism parallelism = Parallelism.of(options.threads())) {
            z = run.model().embed(GraphInput.of(split.trainGraph()), parallelism);
        }
        PairScorer scorer = run.model().decoder().scorer(z);
        List<EdgeList> knownEdges = knownEdges(run.graph(), split, scorer.directed(), options.excludeHeldOut());
        return of(
                run.graph().nodeIds(),
                z,
                scorer,
                knownEdges,
                options,
                Optional.of(run.saved().description()),
                Optional.of(run.provenance()),
                run.file().toString());
    }

    /**
     * The links a predictor on {@code graph} leaves out: the split's training positives and, with {@code
     * excludeHeldOut}, its validation and test positives. With directed scores on an undirected graph an edge is
     * known in both directions (else a directed decoder would recommend the reverse of a known edge).
     */
    public static List<EdgeList> knownEdges(
            Graph graph, LinkSplit split, boolean directedScores, boolean excludeHeldOut) {
        List<EdgeList> known = new ArrayList<>(List.of(split.trainPositives()));
        if (excludeHeldOut) {
            known.add(split.valPositives());
            known.add(split.testPositives());
        }
        return knownEdges(graph, known, directedScores);
    }

    /**
     * {@code edges} of {@code graph} as known links for scores that are {@code directedScores}: on an undirected
     * graph directed scores know each edge in both directions.
     */
    public static List<EdgeList> knownEdges(Graph graph, List<EdgeList> edges, boolean directedScores) {
        List<EdgeList> known = new ArrayList<>(edges);
        if (directedScores && !graph.isDirected()) {
            for (EdgeList e : edges) {
                known.add(new EdgeList(e.dstArray(), e.srcArray()));
            }
        }
        return known;
    }

    /**
     * A predictor over embeddings computed elsewhere (e.g. on a graph with new nodes): row i of {@code embeddings}
     * is node {@code ids.get(i)}, scored by {@code scorer} (the model decoder's {@code scorer(embeddings)}), with
     * {@code knownEdges} (by index) never recommended.
     */
    public static LinkPredictor of(
            List<String> ids,
            Matrix embeddings,
            PairScorer scorer,
            List<EdgeList> knownEdges,
            PredictorOptions options,
            Optional<ModelDescription> description,
            Optional<Provenance> provenance,
            String source) {
        if (ids.size() != embeddings.rows() || scorer.nodes() != embeddings.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%d ids, %d embedding rows and a scorer over %d nodes do not match",
                    ids.size(),
                    embeddings.rows(),
                    scorer.nodes()));
        }
        int bad = embeddings.firstNonFinite();
        if (bad >= 0) {
            throw new NumericalException(String.format(
                    Locale.ROOT,
                    "%s: the embedding of node %s is not finite (%s); the model is broken, retrain it",
                    source,
                    ids.get(bad / embeddings.cols()),
                    embeddings.data()[bad]));
        }
        KnownLinks known = KnownLinks.of(ids.size(), scorer.directed(), knownEdges);
        LinkSearch search = LinkSearches.create(options.search(), scorer, known, options.threads());
        return new LinkPredictor(ids, embeddings, scorer, known, search, description, provenance, source);
    }

    private static Map<String, Integer> indexOf(List<String> ids) {
        Map<String, Integer> out = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            if (out.putIfAbsent(ids.get(i), i) != null) {
                throw new GaeException("node id '" + ids.get(i) + "' appears twice in the model's graph");
            }
        }
        return out;
    }

    /** The probability of the link source → target (either order for an undirected model). */
    public double score(String sourceId, String targetId) {
        return ScoredPair.probability(scorer.logit(indexOf(sourceId), indexOf(targetId)));
    }

    /** The probability of each pair, in order; fails naming the unknown ids (the first few and the count). */
    public double[] score(List<NodePair> pairs) {
        requireKnown(pairs.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.source(), p.target()))
                .toList());
        double[] out = new double[pairs.size()];
        for (int k = 0; k < out.length; k++) {
            NodePair p = pairs.get(k);
            out[k] = ScoredPair.probability(scorer.logit(index.get(p.source()), index.get(p.target())));
        }
        return out;
    }

    /** The k most likely new links of {@code node}, best first (fewer if fewer candidates exist). */
    public List<Link> topK(String node, int k) {
        BruteForceSearch.requirePositive(k);
        return links(search.topFrom(indexOf(node), k));
    }

    /** {@link #topK(String, int)} for each node, in their order; fails naming unknown ids before searching. */
    public Map<String, List<Link>> topK(List<String> nodes, int k) {
        BruteForceSearch.requirePositive(k);
        requireKnown(nodes);
        int[] sources = nodes.stream().mapToInt(index::get).toArray();
        List<List<ScoredPair>> found = search.topFrom(sources, k);
        Map<String, List<Link>> out = new LinkedHashMap<>();
        for (int i = 0; i < sources.length; i++) {
            out.put(nodes.get(i), links(found.get(i)));
        }
        return out;
    }

    /** The k most likely new links of the whole graph, best first; each pair once for an undirected model. */
    public List<Link> topK(int k) {
        BruteForceSearch.requirePositive(k);
        return links(search.top(k));
    }

    /** A node's embedding (μ for variational models). */
    public double[] embedding(String node) {
        int i = indexOf(node);
        int d = embeddings.cols();
        return Arrays.copyOfRange(embeddings.data(), i * d, (i + 1) * d);
    }

    /** Whether scores are directed: (u, v) and (v, u) may differ. */
    public boolean directed() {
        return scorer.directed();
    }

    /** Whether top-k searches are exact. */
    public boolean exactSearch() {
        return search.exact();
    }

    /** The node ids in index order. */
    public List<String> nodeIds() {
        return ids;
    }

    public boolean contains(String node) {
        return index.containsKey(node);
    }

    public int dimensions() {
        return embeddings.cols();
    }

    /** Candidate targets of {@code node}: every other node that is not already a known link. */
    public long candidatesFrom(String node) {
        return known.candidatesFrom(indexOf(node));
    }

    /** Candidate pairs of the whole graph (unordered for an undirected model). */
    public long candidatePairs() {
        return known.candidatePairs();
    }

    public Optional<ModelDescription> description() {
        return description;
    }

    public Optional<Provenance> provenance() {
        return provenance;
    }

    /** The model file (or other source) the predictor came from, for messages. */
    public String source() {
        return source;
    }

    /** The search in use, for benches and tools that work by index. */
    public LinkSearch search() {
        return search;
    }

    /** The scorer in use (logits by node index). */
    public PairScorer scorer() {
        return scorer;
    }

    /** Index of {@code node}; {@link UnknownNodeException} naming it if the graph has none. */
    public int indexOf(String node) {
        Integer i = index.get(node);
        if (i == null) {
            throw new UnknownNodeException(source, List.of(node));
        }
        return i;
    }

    private void requireKnown(List<String> nodes) {
        List<String> unknown = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String node : nodes) {
            if (!index.containsKey(node) && seen.add(node)) {
                unknown.add(node);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownNodeException(source, unknown);
        }
    }

    private List<Link> links(List<ScoredPair> pairs) {
        List<Link> out = new ArrayList<>(pairs.size());
        for (ScoredPair p : pairs) {
            out.add(new Link(ids.get(p.source()), ids.get(p.target()), p.probability()));
        }
        return out;
    }
}
