// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.minibatch;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Peak heap and time of {@link GraphAutoencoder#embed} (layer-wise inference, blocks of 65,536 rows) next to the
 * full-graph forward pass it replaced, on a seeded random graph of 1M nodes, 10M undirected edges and 64 dense
 * Gaussian features, on 2 threads. Not a test (the name does not match surefire's patterns): run it with
 * {@code ./mvnw -o -T1 test -pl gae-examples -am -Dtest=LayerwiseInferenceBench -Dsurefire.failIfNoSpecifiedTests=false}
 * with a larger heap than surefire's -Xmx4g, or from its {@link #main} on the test classpath with {@code -Xmx6g
 * --add-modules jdk.incubator.vector} . Prints a table; asserts nothing about time.
 */
final class LayerwiseInferenceBench {

    private static final int NODES = 1_000_000;
    private static final int EDGES = 10_000_000;
    private static final int DIM = 64;
    private static final int TIMED_RUNS = 3;

    /** Runs the bench outside surefire, to choose the heap. */
    public static void main(String[] args) {
        new LayerwiseInferenceBench().embedLayerwiseVersusFullGraphForwardPass();
    }

    @Test
    void embedLayerwiseVersusFullGraphForwardPass() {
        Graph graph = randomGraph(new SplittableRandom(2026));
        GraphInput input = GraphInput.of(graph);
        PluginRegistry plugins = PluginRegistry.discover(LayerwiseInferenceBench.class.getClassLoader());
        List<Row> rows = List.of(
                new Row("gcn 64-32-16", ModelSpec.gae()),
                new Row("gcn 64-32-32-32-16", ModelSpec.gae().withEncoder("gcn", "hidden", "32,32,32")),
                new Row("vgae 64-32-16 (μ)", ModelSpec.vgae()),
                new Row("linear 64-16", ModelSpec.gae().withEncoder("linear")),
                new Row("gin norm none", ModelSpec.gae().withEncoder("gin", "norm", "none")));
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%nembed() on %,d nodes, %,d edges, %d dense features, 2 threads; MB = peak live heap above the graph"
                        + " (%.0f MB in use before, after GC); ms = median of %d%n%-20s %9s %9s %9s %9s %7s %11s%n",
                NODES,
                EDGES,
                DIM,
                usedAfterGc() / 1048576.0,
                TIMED_RUNS,
                "encoder",
                "full MB",
                "layer MB",
                "full ms",
                "layer ms",
                "ratio",
                "max |diff|"));
        try (Parallelism threads = Parallelism.of(2)) {
            for (Row row : rows) {
                GraphAutoencoder model =
                        new ModelAssembler(plugins).assemble(row.spec(), new CreationContext(DIM, NODES, 7));
                Supplier<Matrix> full = () -> fullGraphForward(model, input, threads);
                Supplier<Matrix> layerwise = () -> model.embed(input, threads);
                double fullMb = peakLiveHeapMb(full);
                double layerMb = peakLiveHeapMb(layerwise);
                double[] fullMs = new double[TIMED_RUNS];
                double[] layerMs = new double[TIMED_RUNS];
                double diff = 0;
                for (int run = 0; run < TIMED_RUNS; run++) {
                    long t0 = System.nanoTime();
                    Matrix a = full.get();
                    long t1 = System.nanoTime();
                    Matrix b = layerwise.get();
                    long t2 = System.nanoTime();
                    fullMs[run] = (t1 - t0) / 1e6;
                    layerMs[run] = (t2 - t1) / 1e6;
                    for (int k = 0; k < a.data().length; k++) {
                        diff = Math.max(diff, Math.abs(a.data()[k] - b.data()[k]));
                    }
                }
                double f = median(fullMs);
                double l = median(layerMs);
                out.append(String.format(
                        Locale.ROOT,
                        "%-20s %9.0f %9.0f %9.0f %9.0f %7.2f %11.1e%n",
                        row.name(),
                        fullMb,
                        layerMb,
                        f,
                        l,
                        l / f,
                        diff));
            }
        }
        System.out.println(out);
    }

    private record Row(String name, ModelSpec spec) {}

    /** What embed() did before layer-wise inference: Z of the whole autodiff graph in evaluation, in one pass. */
    private static Matrix fullGraphForward(GraphAutoencoder model, GraphInput input, Parallelism threads) {
        Variable z =
                model.sampler().sample(model.encoder().encode(input, Mode.EVAL), Mode.EVAL, new SplittableRandom(0));
        return new ComputationContext(threads).forward(z);
    }

    /** 1M nodes, 10M distinct-ish undirected edges without self-loops (uniform pairs), N(0, 1) features. */
    private static Graph randomGraph(SplittableRandom random) {
        int[] src = new int[EDGES];
        int[] dst = new int[EDGES];
        for (int e = 0; e < EDGES; e++) {
            int a = random.nextInt(NODES);
            int b = random.nextInt(NODES - 1);
            src[e] = a;
            dst[e] = b >= a ? b + 1 : b;
        }
        double[] x = new double[NODES * DIM];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        return Graph.builder(NODES)
                .edges(src, dst)
                .features(Features.dense(Matrix.wrapRowMajor(NODES, DIM, x)))
                .build();
    }

    /** The heap in use after a full GC. */
    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The live heap's peak above what was in use before one call (after a full GC), in MB: a second thread runs a
     * full GC every 50 ms during the call and keeps the largest heap in use right after one. This samples what the
     * call holds live (not what it has allocated: a heap peak would count garbage not yet collected); the run is
     * slower, so the times come from other runs.
     */
    private static double peakLiveHeapMb(Supplier<Matrix> body) {
        long before = usedAfterGc();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(usedAfterGc(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        Matrix result;
        try {
            result = body.get();
        } finally {
            done.set(true);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (result.rows() != NODES) {
            throw new IllegalStateException("Z has " + result.rows() + " rows");
        }
        return Math.max(0, peak.get() - before) / 1048576.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
