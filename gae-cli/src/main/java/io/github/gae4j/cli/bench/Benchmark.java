// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.bench;

import io.github.gae4j.core.autodiff.functions.FullGraphBce.BceWeights;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.kernel.dispatch.RowKernelDispatch;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints one table: per dataset, model (GAE, VGAE) and loss (full graph, negative sampling) the
 * median milliseconds of a training step and the peak heap; on the full-graph rows the fused
 * kernel alone (ms and GFLOP/s) next to the naive ojAlgo version (N×N materialised) in the same
 * run, and our CSR Â·H next to ojAlgo's CSR product. A second table times the dense products of GNN layers
 * (a GAE layer, GraphMAE's 512-wide layers and feature decoder on Cora) next to the plain-Java kernel and
 * ojAlgo.
 *
 * <pre>GAE_JAVA_OPTS=-Xmx8g gae bench [--data-dir DIR] [--datasets cora,citeseer,pubmed,synthetic-1m]
 *     [--epochs 30] [--threads T]</pre>
 */
public final class Benchmark {

    private static final int NAIVE_MAX_NODES = 5000;
    private static final int WARMUP_EPOCHS = 20;

    private Benchmark() {}

    /** One training row of the table. */
    public record Row(
            String dataset,
            int nodes,
            int edges,
            String model,
            String loss,
            double msPerEpoch,
            double peakHeapMb,
            double kernelMs,
            double gflops,
            double naiveMs,
            double sparseMs,
            double sparseOjalgoMs) {}

    /** The datasets run when none are named. */
    public static final List<String> DATASETS = List.of("cora", "citeseer", "pubmed", "synthetic-1m");

    /**
     * Runs the rows of {@code datasets} (those whose files are not under {@code dataDir} are reported and
     * skipped), prints both tables to {@code out} and returns the training rows.
     */
    public static List<Row> run(
            ModelAssembler assembler,
            Optional<Path> dataDir,
            List<String> datasets,
            int epochs,
            int threads,
            PrintStream out) {
        if (epochs < 1) {
            throw new ConfigException("--epochs must be at least 1, got " + epochs);
        }
        datasets.forEach(BenchDatasets::check);
        out.printf(
                Locale.ROOT,
                "gae4j benchmark: JDK %s, %d cores, %d threads, max heap %d MB, vector module %s%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                threads,
                Runtime.getRuntime().maxMemory() >> 20,
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "present" : "absent");
        List<Row> rows = new ArrayList<>();
        try (Parallelism parallelism = Parallelism.of(threads)) {
            for (String name : datasets) {
                Optional<Graph> loaded = BenchDatasets.load(name, dataDir, assembler);
                if (loaded.isEmpty()) {
                    out.printf(Locale.ROOT, "%s: skipped, not found under %s%n", name, dataDir.orElse(null));
                    continue;
                }
                Graph graph = loaded.get();
                LinkSplit split = LinkSplit.of(graph, 0L);
                boolean fullGraph = graph.nodeCount() <= 100_000;
                double[] kernel = fullGraph ? kernelColumns(split, parallelism) : null;
                double[] sparse = sparseColumns(split, parallelism);
                for (String model : List.of("gae", "vgae")) {
                    for (String loss : List.of("full", "negative-sampling")) {
                        if (loss.equals("full") && !fullGraph) {
                            continue;
                        }
                        double[] step = trainingStep(graph, split, model, loss, epochs, assembler, parallelism);
                        boolean k = loss.equals("full");
                        rows.add(new Row(
                                name,
                                graph.nodeCount(),
                                graph.edgeCount(),
                                model,
                                loss,
                                step[0],
                                step[1],
                                k ? kernel[0] : Double.NaN,
                                k ? kernel[1] : Double.NaN,
                                k ? kernel[2] : Double.NaN,
                                sparse[0],
                                sparse[1]));
                    }
                }
            }
        }
        print(rows, out);
        printDense(threads, out);
        return rows;
    }

    /** n × k · k × m shapes of Cora's layers: GAE's second layer, GraphMAE's hidden layer and feature decoder. */
    private static final int[][] DENSE_SHAPES = {{2708, 32, 16}, {2708, 512, 512}, {1354, 512, 1433}};

    static void printDense(int threads, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%n%-20s %9s %7s | %9s %6s | %9s %6s%n",
                "dense a·b (n×k·k×m)",
                "ours ms",
                "GFLOP/s",
                "plain ms",
                "ratio",
                "ojAlgo ms",
                "ratio");
        try (Parallelism parallelism = Parallelism.of(threads)) {
            for (int[] s : DENSE_SHAPES) {
                boolean small = (double) s[0] * s[1] * s[2] < 1e7;
                KernelTimings.DenseTiming t =
                        KernelTimings.denseProduct(s[0], s[1], s[2], parallelism, small ? 500 : 10, small ? 51 : 11);
                out.printf(
                        Locale.ROOT,
                        "%-20s %9.2f %7.1f | %9.2f %6.1f | %9.2f %6.1f%n",
                        s[0] + "×" + s[1] + "·" + s[1] + "×" + s[2],
                        t.oursMs(),
                        t.gflops(),
                        t.scalarMs(),
                        t.scalarMs() / t.oursMs(),
                        t.ojalgoMs(),
                        t.ojalgoMs() / t.oursMs());
            }
        }
        out.println("dense: DenseKernels.multiply with the best row kernels ("
                + RowKernelDispatch.best().describe()
                + "), the same with the plain-Java kernels, and ojAlgo R064Store.multiply; median ms.");
    }

    /**
     * Median training-step ms over the last {@code epochs} of {@code epochs + WARMUP_EPOCHS}, and peak heap MB.
     * The Vector API kernels run interpreted until C2 compiles them, hence the long warm-up.
     */
    static double[] trainingStep(
            Graph graph,
            LinkSplit split,
            String model,
            String loss,
            int epochs,
            ModelAssembler assembler,
            Parallelism parallelism) {
        ModelSpec spec = model.equals("vgae") ? ModelSpec.vgae() : ModelSpec.gae();
        if (loss.equals("negative-sampling")) {
            spec = spec.withNegativeSampling();
        }
        GraphAutoencoder m = assembler.assemble(
                spec, new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), 0L));
        int warmup = WARMUP_EPOCHS;
        TrainerConfig config = TrainerConfig.builder()
                .epochs(warmup + epochs)
                .evalEvery(0)
                .logEvery(1000)
                .build();
        System.gc();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        TrainingResult result = new Trainer(config, parallelism).fit(m, split);
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double[] t = result.history().stream()
                .skip(warmup)
                .mapToDouble(EpochStats::trainMillis)
                .sorted()
                .toArray();
        return new double[] {t[t.length / 2], peak / 1048576.0};
    }

    /** Fused kernel ms, its GFLOP/s, and the naive ojAlgo version's ms (NaN above NAIVE_MAX_NODES). */
    static double[] kernelColumns(LinkSplit split, Parallelism parallelism) {
        TrainingGraph training = new TrainingGraph(split.trainGraph());
        SparseMatrix target = training.reconstructionTarget();
        int n = target.rows();
        BceWeights w = BceWeights.of(target);
        Matrix z = KernelTimings.randomEmbedding(n, 16, 1L);
        int reps = n > 10_000 ? 5 : 21;
        double fused = KernelTimings.fused(z, target, w.posWeight(), w.norm(), parallelism, n > 10_000 ? 10 : 50, reps);
        double gflops = KernelTimings.fusedFlops(n, 16) / (fused * 1e6);
        double naive =
                n <= NAIVE_MAX_NODES ? KernelTimings.naiveMillis(z, target, w.posWeight(), w.norm(), 1, 5) : Double.NaN;
        return new double[] {fused, gflops, naive};
    }

    /** Our Â·H and ojAlgo's, H of width 32. */
    static double[] sparseColumns(LinkSplit split, Parallelism parallelism) {
        SparseMatrix a = NormalizedAdjacency.of(split.trainGraph().adjacency());
        Matrix h = KernelTimings.randomEmbedding(a.rows(), 32, 2L);
        boolean large = a.rows() > 100_000;
        return KernelTimings.sparseProduct(a, h, parallelism, large ? 2 : 500, large ? 3 : 51);
    }

    static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }

    static void print(List<Row> rows, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%-13s %8s %9s %-5s %-17s %9s %9s | %9s %7s %9s %7s | %9s %9s %6s%n",
                "dataset",
                "nodes",
                "edges",
                "model",
                "loss",
                "ms/epoch",
                "heap MB",
                "kernel ms",
                "GFLOP/s",
                "naive ms",
                "ratio",
                "ÂH ms",
                "ojAlgo ms",
                "ratio");
        for (Row r : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-13s %8d %9d %-5s %-17s %9.1f %9.0f | %9s %7s %9s %7s | %9.2f %9.2f %6.1f%n",
                    r.dataset(),
                    r.nodes(),
                    r.edges(),
                    r.model(),
                    r.loss(),
                    r.msPerEpoch(),
                    r.peakHeapMb(),
                    num(r.kernelMs(), "%.1f"),
                    num(r.gflops(), "%.1f"),
                    num(r.naiveMs(), "%.1f"),
                    num(r.naiveMs() / r.kernelMs(), "%.1fx"),
                    r.sparseMs(),
                    r.sparseOjalgoMs(),
                    r.sparseOjalgoMs() / r.sparseMs());
        }
        out.println("ms/epoch: median training step (forward, backward, Adam) after " + WARMUP_EPOCHS
                + " warm-up epochs;"
                + " heap: sum of heap pool peaks during training; kernel: fused full-graph loss + dZ on a random Z"
                + " (f = 16); naive: Z·Zᵀ materialised with ojAlgo, loops, G·Z with ojAlgo (n/a above "
                + NAIVE_MAX_NODES + " nodes); ÂH: CSR Â times a random N×32 H, ours vs ojAlgo R064CSR.");
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }
}
