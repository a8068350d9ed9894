// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.export.LinkCsv;
import io.github.gae4j.cli.predict.HeldOutEdges;
import io.github.gae4j.cli.predict.NodeIds;
import io.github.gae4j.cli.predict.PairsFile;
import io.github.gae4j.cli.run.GraphFileOptions;
import io.github.gae4j.cli.run.LoadedRun;
import io.github.gae4j.cli.run.OptionChecks;
import io.github.gae4j.cli.run.RunDirectory;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.io.AtomicFiles;
import io.github.gae4j.runtime.checkpoint.RecordedRun;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.predict.InductiveEmbedding;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.PredictorOptions;
import io.github.gae4j.runtime.predict.SearchMode;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gae predict}: a saved model's link predictions as CSV ({@code source,target,score,rank}, original ids, score
 * = the decoder's probability), streamed to stdout or a file: the top K links of the whole graph, the top K of each
 * node, or a score for each pair of a file. Summary lines (mode, search, counts, time, held-out precision/recall) go
 * to stderr, so stdout stays clean CSV.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Predicts links with a saved model, as CSV (source,target,score,rank; original ids, score = probability):"
                    + " the K most likely new links of the graph (--top K) or of each node (--per-node K), or the"
                    + " scores of given pairs (--pairs FILE).",
            "",
            "Known links (training edges, and unless --include-heldout the validation and test positives) are never"
                    + " recommended. The CSV goes to stdout or --out FILE as it is found; a summary goes to stderr."
        },
        footer = {
            "",
            "Examples:",
            "  gae predict runs/cora-gae --top 100 --include-heldout",
            "  gae predict runs/cora-gae --per-node 10 --out recommendations.csv",
            "  gae predict runs/cora-gae --pairs pairs.csv",
            "  gae predict runs/cora-gae --graph cora-today/ --per-node 10 --nodes NEW_ID"
        })
final class PredictCommand implements Callable<Integer> {

    /** Source nodes searched at once by --per-node over many nodes: bounded memory, written as found. */
    static final int NODE_CHUNK = 4096;
    /** Pairs read and scored at once by --pairs. */
    static final int PAIR_CHUNK = 65_536;

    private final ModelAssembler assembler;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN|MODEL", description = "A run directory or a .gae4j model file.")
    Path model;

    @Option(
            names = "--top",
            paramLabel = "K",
            description = "The K most likely new links over all pairs (each pair once for an undirected model).")
    Integer top;

    @Option(
            names = "--per-node",
            paramLabel = "K",
            description = "Each node's K most likely new links (every node, or those of --nodes/--nodes-file).")
    Integer perNode;

    @Option(
            names = "--pairs",
            paramLabel = "FILE",
            description = "Score each pair of FILE: two original ids a line, separated by a tab, a comma or spaces;"
                    + " an optional header source,target; blank and # lines skipped. Rows follow the file's"
                    + " order, with an empty rank.")
    Path pairs;

    @Option(
            names = "--nodes",
            paramLabel = "ID",
            split = ",",
            description = "With --per-node: only these nodes (original ids).")
    List<String> nodes;

    @Option(
            names = "--nodes-file",
            paramLabel = "FILE",
            description = "With --per-node: only the nodes of FILE, one original id a line.")
    Path nodesFile;

    @Option(
            names = "--exclude-known",
            description = "Leave out the training edges and the held-out validation and test positives (default).")
    boolean excludeKnown;

    @Option(
            names = "--include-heldout",
            description = "Keep the validation and test positives as candidates and print precision@K and recall@K"
                    + " of the test edges among the links listed.")
    boolean includeHeldOut;

    @Option(
            names = "--search",
            paramLabel = "exact|approx|auto",
            defaultValue = "auto",
            description = "Top-K search: exact, approx (a vector index, where the decoder allows one) or auto"
                    + " (default: exact up to " + SearchMode.AUTO_APPROX_NODES + " nodes).")
    SearchMode search;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Write the CSV to FILE (atomically) instead of stdout.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out FILE.")
    boolean force;

    @Option(
            names = "--graph",
            paramLabel = "FILE",
            description = "Predict on this graph instead of the model's: new nodes with their features and edges (a"
                    + " file as --dataset of gae train takes: *.npz, LINQS *.content, ...), ids matched by name; its"
                    + " edges are the known links. Needs a model trained with features.")
    Path graph;

    @Mixin
    GraphFileOptions graphOptions = new GraphFileOptions();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Datasets root, if it moved since training.")
    Path dataDir;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "N",
            description = "Threads (default: all cores).")
    Integer threads;

    @Inject
    PredictCommand(ModelAssembler assembler) {
        this.assembler = assembler;
    }

    /**
     * What the predictions come from: the predictor, and the held-out test edges by index in its node order (both
     * directions of each for an undirected graph, so a directed model's (v, u) finds the test edge (u, v) too).
     */
    record Predictions(LinkPredictor predictor, Optional<EdgeList> testEdges) {}

    /** Writes CSV rows to the output (stdout or the --out file); returns how many. */
    @FunctionalInterface
    interface Rows {
        long writeTo(LinkCsv csv) throws IOException;
    }

    @Override
    public Integer call() throws IOException {
        checkOptions();
        Path file = RunFiles.modelFile(model);
        PrintWriter err = spec.commandLine().getErr();
        PredictorOptions options = PredictorOptions.defaults()
                .withSearch(search)
                .withThreads(Threads.resolve(threads))
                .withExcludeHeldOut(!includeHeldOut);
        if (dataDir != null) {
            options = options.withDataDir(dataDir);
        }
        long start = System.nanoTime();
        Predictions predictions = open(file, options);
        LinkPredictor predictor = predictions.predictor();
        err.printf(
                Locale.ROOT,
                "gae predict: %s: %d nodes, %d dimensions, %s; loaded in %.2f s%n",
                predictor.source(),
                predictor.nodeIds().size(),
                predictor.dimensions(),
                predictor.directed()
                        ? "directed scores (source → target)"
                        : "undirected scores (each pair listed once by --top)",
                seconds(start));
        err.flush();
        if (top != null) {
            predictTop(predictions, err);
        } else if (perNode != null) {
            predictPerNode(predictions, err);
        } else {
            predictPairs(predictor, err);
        }
        err.flush();
        return GaeCommand.OK;
    }

    /**
     * The predictor over the model file: the one place it is made, so that another source of embeddings (a graph
     * with new nodes) can replace it without touching the modes.
     */
    Predictions open(Path file, PredictorOptions options) {
        RecordedRun run = LoadedRun.recorded(file, options.dataDir().orElse(null), assembler, false);
        if (graph != null) {
            // New nodes: the model over the file's graph; its edges are the known links, nothing is held out.
            InductiveEmbedding grown = InductiveEmbedding.of(
                    run, graphOptions.file(graph).load(assembler), graph.toString(), options.threads());
            PrintWriter err = spec.commandLine().getErr();
            err.printf(
                    Locale.ROOT,
                    "graph %s: %d known to the model, %d new, %d of the model's nodes absent; its edges are the known"
                            + " links%n",
                    graph,
                    grown.knownNodes(),
                    grown.newNodes().size(),
                    grown.absentNodes());
            return new Predictions(grown.predictor(options), Optional.empty());
        }
        EdgeList test = run.split().testPositives();
        if (!run.graph().isDirected()) {
            test = test.concat(new EdgeList(test.dstArray(), test.srcArray()));
        }
        return new Predictions(LinkPredictor.of(run, options), Optional.of(test));
    }

    /** Usage errors (exit 2) before anything is loaded. */
    private void checkOptions() {
        int modes = (top != null ? 1 : 0) + (perNode != null ? 1 : 0) + (pairs != null ? 1 : 0);
        if (modes != 1) {
            throw new ConfigException((modes == 0 ? "no mode given" : "more than one mode given")
                    + ": choose exactly one of --top K, --per-node K or --pairs FILE");
        }
        OptionChecks.atLeast("--top", top, 1, "");
        OptionChecks.atLeast("--per-node", perNode, 1, "");
        if ((nodes != null || nodesFile != null) && perNode == null) {
            throw new ConfigException(
                    (nodes != null ? "--nodes" : "--nodes-file") + " chooses the nodes of --per-node K; add it");
        }
        if (nodes != null && nodesFile != null) {
            throw new ConfigException("--nodes and --nodes-file both name the nodes: choose one");
        }
        if (excludeKnown && includeHeldOut) {
            throw new ConfigException("--exclude-known and --include-heldout contradict each other: choose one");
        }
        if (graph != null) {
            graphOptions.file(graph).requireExists();
            if (includeHeldOut) {
                throw new ConfigException("--include-heldout scores against the model's held-out test edges; a --graph"
                        + " FILE has none (its edges are all known links)");
            }
        } else if (graphOptions.given()) {
            throw new ConfigException("--graph-option applies to a --graph FILE; add it");
        }
        if (includeHeldOut && pairs != null) {
            throw new ConfigException("--include-heldout applies to --top and --per-node: a pair's score does not"
                    + " depend on which links are known");
        }
        if (pairs != null && !Files.isRegularFile(pairs)) {
            throw new ConfigException(pairs + ": no such file (--pairs)");
        }
        if (nodesFile != null && !Files.isRegularFile(nodesFile)) {
            throw new ConfigException(nodesFile + ": no such file (--nodes-file)");
        }
        if (out != null) {
            RunDirectory.checkOutputFile(out, "--out");
            if (Files.exists(out) && !force) {
                throw new ConfigException(out + ": exists; pass --force to replace it (--out)");
            }
        }
    }

    private void predictTop(Predictions predictions, PrintWriter err) throws IOException {
        LinkPredictor predictor = predictions.predictor();
        err.println("search: " + predictor.search().describe());
        long candidates = predictor.candidatePairs();
        int k = top;
        if (k > candidates) {
            err.printf(
                    Locale.ROOT,
                    "--top %d: only %d candidate %s exist (pairs that are not known links), so all of them are"
                            + " listed%n",
                    top,
                    candidates,
                    predictor.directed() ? "ordered pairs" : "pairs");
            k = (int) candidates;
        }
        long start = System.nanoTime();
        List<Link> links = k == 0 ? List.of() : predictor.topK(k);
        Optional<HeldOutEdges.TopScore> score = heldOut(predictions).map(HeldOutEdges.TopScore::new);
        long written = write(csv -> {
            long rank = 0;
            for (Link link : links) {
                csv.write(link.source(), link.target(), link.score(), ++rank);
                score.ifPresent(s -> s.add(predictor.indexOf(link.source()), predictor.indexOf(link.target())));
            }
            return csv.rows();
        });
        err.printf(
                Locale.ROOT,
                "top %d: %d links of %d candidate pairs to %s in %.2f s%n",
                top,
                written,
                candidates,
                destination(),
                seconds(start));
        score.ifPresent(s -> err.println(s.summary(top)));
        heldOutNote(predictions, err);
    }

    private void predictPerNode(Predictions predictions, PrintWriter err) throws IOException {
        LinkPredictor predictor = predictions.predictor();
        List<String> sources = nodes != null
                ? NodeIds.fromArgument("--nodes", nodes, predictor::contains)
                : nodesFile != null ? NodeIds.fromFile(nodesFile, predictor::contains) : predictor.nodeIds();
        err.println("search: " + predictor.search().describe());
        int k = perNode;
        Optional<HeldOutEdges.PerNodeScore> score = heldOut(predictions).map(HeldOutEdges.PerNodeScore::new);
        long[] short_ = {0, 0};
        long start = System.nanoTime();
        long written = write(csv -> {
            for (int from = 0; from < sources.size(); from += NODE_CHUNK) {
                List<String> chunk = sources.subList(from, Math.min(sources.size(), from + NODE_CHUNK));
                Map<String, List<Link>> found = predictor.topK(chunk, k);
                for (String source : chunk) {
                    List<Link> links = found.get(source);
                    int[] targets = new int[links.size()];
                    long rank = 0;
                    for (Link link : links) {
                        csv.write(link.source(), link.target(), link.score(), rank + 1);
                        targets[(int) rank++] = predictor.indexOf(link.target());
                    }
                    if (links.size() < k) {
                        short_[0]++;
                        short_[1] = Math.max(short_[1], links.size());
                    }
                    int u = predictor.indexOf(source);
                    score.ifPresent(s -> s.add(u, targets));
                }
                csv.flush();
            }
            return csv.rows();
        });
        if (short_[0] > 0) {
            err.printf(
                    Locale.ROOT,
                    "--per-node %d: %d of %d nodes have fewer than %d candidate targets (nodes that are not"
                            + " known links); each lists all it has (at most %d)%n",
                    k,
                    short_[0],
                    sources.size(),
                    k,
                    short_[1]);
        }
        err.printf(
                Locale.ROOT,
                "per node %d: %d links for %d nodes to %s in %.2f s%n",
                k,
                written,
                sources.size(),
                destination(),
                seconds(start));
        score.ifPresent(s -> err.println(s.summary(k)));
        heldOutNote(predictions, err);
    }

    private void predictPairs(LinkPredictor predictor, PrintWriter err) throws IOException {
        PairsFile file = new PairsFile(pairs);
        long count = file.check(predictor::contains);
        if (count == 0) {
            throw new GaeException(pairs + ": no pairs (expected two node ids a line, e.g. source,target)");
        }
        long start = System.nanoTime();
        long written = write(csv -> {
            file.forEachChunk(PAIR_CHUNK, chunk -> {
                List<io.github.gae4j.runtime.predict.NodePair> pairList = new ArrayList<>(chunk.size());
                for (PairsFile.Line line : chunk) {
                    pairList.add(line.pair());
                }
                double[] scores = predictor.score(pairList);
                for (int i = 0; i < scores.length; i++) {
                    csv.write(pairList.get(i).source(), pairList.get(i).target(), scores[i], 0);
                }
                csv.flush();
            });
            return csv.rows();
        });
        err.printf(
                Locale.ROOT, "pairs: %d scores of %s to %s in %.2f s%n", written, pairs, destination(), seconds(start));
    }

    private Optional<HeldOutEdges> heldOut(Predictions predictions) {
        if (!includeHeldOut) {
            return Optional.empty();
        }
        LinkPredictor p = predictions.predictor();
        return predictions.testEdges().map(e -> HeldOutEdges.of(e, p.nodeIds().size(), p.directed()));
    }

    private void heldOutNote(Predictions predictions, PrintWriter err) {
        if (includeHeldOut && predictions.testEdges().isEmpty()) {
            err.println("held-out test edges: not known for this input, so there is no precision or recall");
        } else if (!includeHeldOut && predictions.testEdges().isPresent()) {
            err.println("held-out validation and test edges are left out (--exclude-known); --include-heldout"
                    + " keeps them and scores the list against the test edges");
        }
    }

    /** Streams {@code rows} to --out (atomically: the file appears complete or not at all) or stdout. */
    private long write(Rows rows) throws IOException {
        long[] count = {0};
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            count[0] = rows.writeTo(new LinkCsv(stdout));
            stdout.flush();
        } else {
            AtomicFiles.write(out, os -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                count[0] = rows.writeTo(new LinkCsv(w));
                w.flush();
            });
        }
        return count[0];
    }

    private String destination() {
        return out == null ? "stdout" : out.toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
