// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.cli.bench.ApproxBench;
import io.github.gae4j.cli.bench.Benchmark;
import io.github.gae4j.cli.bench.PredictBench;
import io.github.gae4j.cli.bench.ServeBench;
import io.github.gae4j.datasets.DataDirectories;
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
    }

    /** Threads of the predict, approx and serve suites unless --threads says otherwise: the figures are for 2. */
    static final int PREDICT_THREADS = 2;

    @Option(
            names = "--suite",
            paramLabel = "NAME",
            defaultValue = "train",
            description =
                    "Which table: train (default: training steps and kernels), predict (top-k link search"
                            + " on PubMed next to materialising Z·Zᵀ and to row-by-row scoring), approx (approximate top-10"
                            + " links through a Lucene HNSW index on 1M synthetic nodes, 16 dims: build, query time, recall@10"
                            + " and exact time for the same 10,000 nodes; about -Xmx8g), or serve (gae serve's /topk latency"
                            + " under 8 clients next to the Java API's); predict, approx and serve on 2 threads unless --threads.")
    Suite suite;

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
            }
        }
        return GaeCommand.OK;
    }
}
