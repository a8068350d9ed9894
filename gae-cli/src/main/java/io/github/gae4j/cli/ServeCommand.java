// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.run.LoadedRun;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.cli.serve.PredictionServer;
import io.github.gae4j.cli.serve.ServerLimits;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.PredictorOptions;
import io.github.gae4j.runtime.predict.SearchMode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gae serve}: an HTTP JSON API over a trained model's link predictions, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a trained model's link predictions as an HTTP JSON API until Ctrl-C (requests in flight"
                    + " finish, then it exits).",
            "  GET  /health              {\"status\":\"ok\"}",
            "  GET  /model               description and provenance",
            "  GET  /topk?node=ID&k=K    {\"node\":..,\"links\":[{\"target\":..,\"score\":..},..]}",
            "  POST /score               {\"pairs\":[[\"a\",\"b\"],..]} -> {\"scores\":[..]}",
            "  GET  /embedding?node=ID   {\"node\":..,\"embedding\":[..]}",
            "Limits: k ≤ 1000 (default 10); 10000 pairs and 1 MiB per request.",
            "Scores are the decoder's probabilities; known links (training edges, and held-out positives unless"
                    + " --include-heldout) are never recommended. Errors are {\"error\":\"...\"} with 400 (bad"
                    + " request), 404 (unknown path or node id), 405 (wrong method) or 413 (body too large)."
        })
final class ServeCommand implements Callable<Integer> {

    private final ModelAssembler assembler;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN|MODEL", description = "A run directory or a .gae4j model file.")
    Path model;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "P",
            required = true,
            description = "Port to listen on; 0 picks a free one (printed).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "N",
            description = "Top-k searches at a time (as many threads take requests), and threads computing the"
                    + " embeddings (default: all cores).")
    Integer threads;

    @Option(
            names = "--search",
            paramLabel = "exact|approx|auto",
            defaultValue = "auto",
            description = "Top-K search: exact, approx (a vector index, where the decoder allows one) or auto"
                    + " (default: exact up to " + SearchMode.AUTO_APPROX_NODES + " nodes).")
    SearchMode search;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Datasets root, if it moved since training.")
    Path dataDir;

    @Option(
            names = "--include-heldout",
            description = "Recommend validation and test positives too (by default they count as known links).")
    boolean includeHeldOut;

    @Inject
    ServeCommand(ModelAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        int n = Threads.resolve(threads);
        if (port < 0 || port > 65_535) {
            throw new ConfigException("--port must be between 0 (any free port) and 65535, got " + port);
        }
        Path file = RunFiles.modelFile(model);
        PredictorOptions options = new PredictorOptions(Optional.ofNullable(dataDir), search, n, !includeHeldOut);
        // As gae predict: a moved catalog dataset fails naming the model file and --data-dir.
        LinkPredictor predictor = LinkPredictor.of(LoadedRun.recorded(file, dataDir, assembler, false), options);
        // An index is built before the port opens: no request waits for it.
        predictor.search().prepare();
        PredictionServer.Config config = PredictionServer.Config.of(host, port, n);
        ServerLimits limits = config.limits();
        try (StopSignals stop = new StopSignals(config.grace().toSeconds() + 5);
                PredictionServer server = PredictionServer.start(predictor, config)) {
            out.printf(
                    Locale.ROOT,
                    "gae serve: %s: %d nodes, %d dimensions, %s; search: %s%n",
                    file,
                    predictor.nodeIds().size(),
                    predictor.dimensions(),
                    predictor.directed() ? "directed" : "undirected",
                    predictor.search().describe());
            out.printf(
                    Locale.ROOT,
                    "gae serve: listening on %s (%d search threads; k ≤ %d, ≤ %d pairs and %d bytes per request);"
                            + " Ctrl-C stops%n",
                    server.uri(),
                    n,
                    limits.maxK(),
                    limits.maxPairs(),
                    limits.maxBodyBytes());
            out.printf(
                    Locale.ROOT,
                    "try: curl '%stopk?node=%s&k=10'%n",
                    server.uri(),
                    java.net.URLEncoder.encode(predictor.nodeIds().get(0), java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            stop.await();
            out.println("gae serve: stopping; letting requests in flight finish...");
            out.flush();
            server.close();
            long answered = server.requestsAnswered();
            out.printf(Locale.ROOT, "gae serve: stopped after %d request%s%n", answered, answered == 1 ? "" : "s");
            out.flush();
        }
        return GaeCommand.OK;
    }
}
