// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.bench.ApproxBench;
import io.github.gae4j.cli.bench.Benchmark;
import io.github.gae4j.cli.bench.MiniBatchBench;
import io.github.gae4j.cli.bench.PredictBench;
import io.github.gae4j.cli.bench.ServeBench;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.model.ModelAssembler;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gae bench}: the speed table (training step, fused kernel, sparse and dense products). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times a training step and the kernels (fused full-graph loss, sparse and dense products)"
                    + " beside naive and ojAlgo versions, on Cora, CiteSeer, PubMed and a 1M-node graph.",
            "",
            "Per dataset, model (GAE, VGAE) and loss (full graph, negative sampling): the median training step"
                    + " and peak heap; the fused full-graph kernel"
                    + " (ms, GFLOP/s) next to the naive ojAlgo version that materialises Z·Zᵀ, and our CSR Â·H next"
                    + " to ojAlgo's, all in the same run. A second table times the dense products of Cora's layers"
                    + " next to the plain-Java kernel and ojAlgo. Datasets missing from the data directory are"
                    + " skipped; synthetic-1m (1M nodes, 10M edges) needs about -Xmx8g (GAE_JAVA_OPTS=-Xmx8g)."
        })
final class BenchCommand implements Callable<Integer> {

    private final ModelAssembler assembler;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Datasets root (default: $GAE_DATA_DIR or ../shared/datasets).")
    Path dataDir;

    @Option(
            names = "--datasets",
            split = ",",
            paramLabel = "LIST",
            description = "Rows: cora, citeseer, pubmed, synthetic-1m (default all four; the predict suite: pubmed;"
                    + " the approx suite's embeddings: clustered, gaussian, default both).")
    List<String> datasets;

    @Option(
            names = {"-e", "--epochs"},
            paramLabel = "N",
            defaultValue = "30",
            description = "Timed epochs per row, after 20 warm-up ones (default 30).")
    int epochs;

    /** Which table to print. */
    enum Suite {
        /** Training steps and the training kernels (the default). */
        TRAIN,
        /** Top-k link search (exact) next to the naive materialised and row-by-row paths. */
        PREDICT,
        /** Approximate top-k links (Lucene HNSW) on a 1M-node synthetic graph, next to exact search. */
        APPROX,
        /** HTTP /topk latency of gae serve under 8 clients, beside the Java API's ({@code ServeBench}). */
        SERVE,
        /** Mini-batch training next to full-batch negative sampling on a generated SBM ({@code MiniBatchBench}). */
        MINIBATCH,
    }

    /** Threads of the predict, approx and serve suites unless --threads says otherwise: the figures are for 2. */
    static final int PREDICT_THREADS = 2;

    @Option(
            names = "--suite",
            paramLabel = "NAME",
            defaultValue = "train",
            description = "Which table: train (default: training steps and kernels), predict (top-k link search"
                    + " on PubMed next to materialising Z·Zᵀ and to row-by-row scoring), approx (approximate top-10"
                    + " links through a Lucene HNSW index on 1M synthetic nodes, 16 dims: build, query time, recall@10"
                    + " and exact time for the same 10,000 nodes; about -Xmx8g), or serve (gae serve's /topk latency"
                    + " under 8 clients next to the Java API's), or minibatch (mini-batch training next to"
                    + " full-batch negative sampling on a generated SBM of --nodes nodes and --edges edges, 64"
                    + " float features: time per step and epoch, per 1M edges, peak heap, validation AUC after"
                    + " --seconds of training each; 1M nodes need about -Xmx8g, 10M nodes -Xmx20g with"
                    + " --no-baseline); predict, approx and serve on 2 threads unless --threads.")
    Suite suite;

    @Option(
            names = "--edges",
            paramLabel = "M",
            description = "Edges of the minibatch suite's graph (default 10 per node).")
    Long edges;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            defaultValue = "1024",
            description = "Positive edges per batch of the minibatch suite (default 1024).")
    int batchSize;

    @Option(
            names = "--fanout",
            paramLabel = "LIST",
            defaultValue = "25,10",
            description = "Neighbours per hop of the minibatch suite (default 25,10).")
    String fanOut;

    @Option(
            names = "--batches-per-epoch",
            paramLabel = "N",
            defaultValue = "50",
            description = "Steps between the minibatch suite's epoch boundaries (where the time budget is checked;"
                    + " default 50).")
    int batchesPerEpoch;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "120",
            description = "Training time of each mode of the minibatch suite (default 120).")
    double seconds;

    @Option(
            names = "--no-baseline",
            description = "Minibatch suite: skip the full-batch baseline (it needs the whole graph's activations).")
    boolean noBaseline;

    @Option(
            names = "--profile-batches",
            paramLabel = "N",
            defaultValue = "20",
            description = "Minibatch suite: batches timed part by part before training (default 20; 0: none).")
    int profileBatches;

    @Option(
            names = "--val-pairs",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Minibatch suite: positive (and as many negative) validation pairs scored after training,"
                    + " embedded exactly on their full 2-hop subgraph (default 1000).")
    int valPairs;

    @Option(
            names = "--nodes",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Nodes of the approx suite's synthetic graph (default 1000000; fewer for a quick run).")
    int nodes;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "N",
            description = "Threads (default: all cores).")
    Integer threads;

    @Inject
    BenchCommand(ModelAssembler assembler) {
        this.assembler = assembler;
    }

    private MiniBatchBench.Settings miniBatchSettings() {
        if (batchSize <= 0) {
            throw new ConfigException("--batch-size must be at least 1, got " + batchSize);
        }
        if (batchesPerEpoch <= 0) {
            throw new ConfigException("--batches-per-epoch must be at least 1, got " + batchesPerEpoch);
        }
        if (!(seconds > 0)) {
            throw new ConfigException("--seconds must be positive, got " + seconds);
        }
        if (valPairs < 1) {
            throw new ConfigException("--val-pairs must be at least 1, got " + valPairs);
        }
        if (profileBatches < 0) {
            throw new ConfigException("--profile-batches must be at least 0, got " + profileBatches);
        }
        return new MiniBatchBench.Settings(
                nodes,
                edges == null ? 10L * nodes : edges,
                batchSize,
                FanOut.parse(fanOut),
                batchesPerEpoch,
                seconds,
                !noBaseline,
                profileBatches,
                valPairs);
    }

    @Override
    public Integer call() {
        Optional<Path> dir = dataDir != null ? Optional.of(dataDir) : DataDirectories.find();
        List<String> rows = datasets == null || datasets.isEmpty() ? Benchmark.DATASETS : datasets;
        try (PrintStream table = LineForwarder.to(spec.commandLine().getOut())) {
            switch (suite) {
                case TRAIN -> Benchmark.run(assembler, dir, rows, epochs, Threads.resolve(threads), table);
                case PREDICT ->
                    PredictBench.run(
                            assembler,
                            dir,
                            datasets,
                            Threads.resolve(threads == null ? PREDICT_THREADS : threads),
                            table);
                case APPROX ->
                    ApproxBench.run(
                            datasets == null || datasets.isEmpty() ? ApproxBench.KINDS : datasets,
                            nodes,
                            Threads.resolve(threads == null ? PREDICT_THREADS : threads),
                            table);
                case SERVE ->
                    ServeBench.run(assembler, dir, Threads.resolve(threads == null ? PREDICT_THREADS : threads), table);
                case MINIBATCH -> MiniBatchBench.run(assembler, miniBatchSettings(), Threads.resolve(threads), table);
            }
        }
        return GaeCommand.OK;
    }
}
