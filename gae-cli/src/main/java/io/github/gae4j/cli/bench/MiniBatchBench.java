// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.bench;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.LinkBatchPlan;
import io.github.gae4j.runtime.minibatch.MiniBatchObjective;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.NeighbourSampler;
import io.github.gae4j.runtime.minibatch.SampledSubgraph;
import io.github.gae4j.runtime.minibatch.Seeds;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.train.BatchStats;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.runtime.train.TrainingResult;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code gae bench --suite minibatch}: mini-batch training (edge-seeded batches, neighbour sampling) next to
 * full-batch negative sampling in the same run, on a synthetic stochastic block model generated straight into CSR
 * ({@code sbm} with {@code edges}, float features): time per step and per epoch, time per 1M positive edges, peak
 * heap, and the validation AUC each reaches after the same training wall time. A profile splits a batch's cost
 * into the plan (shuffled positives and negatives), the neighbour sampling, the features' {@code select} and the
 * rest of the step (forward, backward, Adam).
 *
 * <pre>GAE_JAVA_OPTS=-Xmx8g gae bench --suite minibatch [--nodes 1000000] [--edges 10000000] [--batch-size 1024]
 *     [--fanout 25,10] [--seconds 120] [--no-baseline]</pre>
 *
 * Both modes train GAE (GCN 64→32→16, inner product, negative-sampling BCE, Adam 0.01) from the same seed, and stop
 * at the first epoch boundary after {@code seconds} of training (setup and evaluation excluded); a mini-batch
 * "epoch" here is {@code batchesPerEpoch} steps, so the time per full epoch is the median step times the steps a
 * full pass over the training edges takes. The validation AUC is then measured on the whole graph (the trainer's
 * final score, with the test pairs replaced by the validation pairs).
 */
public final class MiniBatchBench {

    /** Nodes per community of the generated graph (as the 1M-node graph of the train suite). */
    static final int COMMUNITY_SIZE = 1000;

    static final int FEATURES = 64;
    static final long GRAPH_SEED = 7L;
    static final int WARMUP_STEPS = 5;

    private MiniBatchBench() {}

    /** What to run. */
    public record Settings(
            int nodes,
            long edges,
            int batchSize,
            FanOut fanOut,
            int batchesPerEpoch,
            double seconds,
            boolean baseline,
            int profileBatches) {}

    /** One mode's row. */
    public record Row(
            String mode,
            String batch,
            int steps,
            double trainSeconds,
            double msPerStep,
            double secondsPerEpoch,
            boolean extrapolated,
            double secondsPer1mEdges,
            double peakHeapMb,
            double valAuc) {}

    /** The generated graph's loader options. */
    static ComponentSpec sbm(int nodes, long edges) {
        return ComponentSpec.of(
                "sbm",
                "nodes",
                nodes,
                "communities",
                Math.max(1, nodes / COMMUNITY_SIZE),
                "edges",
                edges,
                "feature-dim",
                FEATURES,
                "feature-type",
                "float",
                "seed",
                GRAPH_SEED);
    }

    public static List<Row> run(ModelAssembler assembler, Settings s, int threads, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "gae4j mini-batch benchmark: JDK %s, %d cores, %d threads, max heap %d MB, load average %.2f%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                threads,
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        ComponentSpec spec = sbm(s.nodes(), s.edges());
        long start = System.nanoTime();
        Graph graph = assembler
                .create(ComponentKind.DATASET, spec, new CreationContext(0, 0, 0L))
                .load();
        double generateS = seconds(start);
        int nodes = graph.nodeCount();
        int edges = graph.edgeCount();
        start = System.nanoTime();
        LinkSplit split = LinkSplit.of(graph, 0L);
        double splitS = seconds(start);
        graph = null; // the split's training graph shares the features; the whole graph's adjacency can go
        double dataMb = usedAfterGcMb();
        int trainEdges = split.trainPositives().size();
        out.printf(
                Locale.ROOT,
                "graph: %s; %d nodes, %d edges (%d training), %d float features; generated in %.1f s, split in %.1f s;"
                        + " heap held after the split: %.0f MB%n",
                spec,
                nodes,
                edges,
                trainEdges,
                FEATURES,
                generateS,
                splitS,
                dataMb);
        List<Row> rows = new ArrayList<>();
        try (Parallelism parallelism = Parallelism.of(threads)) {
            profile(split, s, parallelism, out);
            rows.add(train(assembler, split, s, true, parallelism, out));
            if (s.baseline()) {
                rows.add(train(assembler, split, s, false, parallelism, out));
            } else {
                out.println("full-batch baseline: skipped (--no-baseline)");
            }
        }
        print(rows, trainEdges, s, out);
        return rows;
    }

    /** Trains one mode for the time budget; the row of the table. */
    static Row train(
            ModelAssembler assembler,
            LinkSplit split,
            Settings s,
            boolean miniBatch,
            Parallelism parallelism,
            PrintStream out) {
        GraphAutoencoder model = assembler.assemble(
                ModelSpec.gae().withNegativeSampling(),
                new CreationContext(FEATURES, split.trainGraph().nodeCount(), 0L));
        TrainerConfig.Builder config =
                TrainerConfig.builder().epochs(1_000_000).evalEvery(0).logEvery(1_000_000);
        if (miniBatch) {
            config.miniBatch(MiniBatchSettings.of(s.batchSize(), s.fanOut()).withBatchesPerEpoch(s.batchesPerEpoch()));
        }
        Budget budget = new Budget(s.seconds(), out, miniBatch ? "mini-batch" : "full-batch");
        usedAfterGcMb();
        List<MemoryPoolMXBean> pools = Benchmark.heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        // The trainer's final score is the validation AUC: the test pairs are hidden behind the validation ones.
        TrainingResult result = new Trainer(config.build(), parallelism, budget).fit(model, split.withTestHidden());
        double peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        int trainEdges = split.trainPositives().size();
        double trainS =
                result.history().stream().mapToDouble(EpochStats::trainMillis).sum() / 1000;
        double msPerStep;
        double epochS;
        double per1m;
        int steps;
        if (miniBatch) {
            msPerStep = median(budget.stepMillis, WARMUP_STEPS);
            steps = budget.stepMillis.size();
            int fullEpoch = MiniBatchSettings.of(s.batchSize(), s.fanOut()).batchesPerEpoch(trainEdges);
            epochS = msPerStep * fullEpoch / 1000;
            per1m = msPerStep / 1000 * 1e6 / s.batchSize();
        } else {
            double[] t = result.epochMillis();
            msPerStep = median(Arrays.stream(t).boxed().toList(), Math.min(2, t.length - 1));
            steps = t.length;
            epochS = msPerStep / 1000;
            per1m = epochS * 1e6 / trainEdges;
        }
        return new Row(
                miniBatch ? "mini-batch" : "full-batch NS",
                miniBatch ? s.batchSize() + " edges, fan-out " + s.fanOut() : "all " + trainEdges + " edges",
                steps,
                trainS,
                msPerStep,
                epochS,
                miniBatch,
                per1m,
                peak,
                result.test().auc());
    }

    /** Times the parts of a batch on {@code profileBatches} batches of the first epoch, outside training. */
    static void profile(LinkSplit split, Settings s, Parallelism parallelism, PrintStream out) {
        if (s.profileBatches() <= 0) {
            return;
        }
        GraphInput input = GraphInput.of(split.trainGraph());
        TrainingGraph training = new TrainingGraph(split.trainGraph());
        MiniBatchSettings settings = MiniBatchSettings.of(s.batchSize(), s.fanOut());
        LinkBatchPlan plan = new LinkBatchPlan(training, settings, 0L);
        NeighbourSampler sampler = new NeighbourSampler(input, s.fanOut());
        int count = Math.min(s.profileBatches(), plan.batches(1));
        double[] planMs = new double[count];
        double[] sampleMs = new double[count];
        double[] selectMs = new double[count];
        long subNodes = 0;
        long subEdges = 0;
        plan.batch(1, 0); // the epoch's shuffle, once
        for (int b = 0; b < count; b++) {
            long t0 = System.nanoTime();
            WorkBatch.Links links = plan.batch(1, b);
            long t1 = System.nanoTime();
            SampledSubgraph sub =
                    sampler.sample(MiniBatchObjective.seeds(links), new SplittableRandom(Seeds.step(0L, 1, b)));
            long t2 = System.nanoTime();
            input.features().select(sub.nodes());
            long t3 = System.nanoTime();
            planMs[b] = (t1 - t0) / 1e6;
            sampleMs[b] = (t2 - t1) / 1e6;
            selectMs[b] = (t3 - t2) / 1e6;
            subNodes += sub.nodeCount();
            subEdges += sub.input().graph().adjacency().nnz();
        }
        out.printf(
                Locale.ROOT,
                "per batch (median of %d, batch %d, fan-out %s): plan (positives + negatives) %.2f ms, neighbour"
                        + " sampling incl. select %.2f ms (select alone %.2f ms); subgraph %.0f nodes, %.0f sampled"
                        + " edges on average%n",
                count,
                s.batchSize(),
                s.fanOut(),
                median(planMs),
                median(sampleMs),
                median(selectMs),
                (double) subNodes / count,
                (double) subEdges / count);
    }

    static void print(List<Row> rows, int trainEdges, Settings s, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%n%-14s %-32s %6s %8s %9s %11s %11s %9s %8s%n",
                "mode",
                "batch",
                "steps",
                "train s",
                "ms/step",
                "s/epoch",
                "s/1M edges",
                "heap MB",
                "val AUC");
        for (Row r : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-14s %-32s %6d %8.1f %9.1f %11s %11.2f %9.0f %8.4f%n",
                    r.mode(),
                    r.batch(),
                    r.steps(),
                    r.trainSeconds(),
                    r.msPerStep(),
                    String.format(Locale.ROOT, r.extrapolated() ? "%.0f*" : "%.1f", r.secondsPerEpoch()),
                    r.secondsPer1mEdges(),
                    r.peakHeapMb(),
                    r.valAuc());
        }
        out.printf(
                Locale.ROOT,
                "Both modes: GAE (GCN 64-32-16), negative-sampling BCE, Adam 0.01, seed 0, trained for about %.0f s"
                        + " (to the first epoch boundary after it; a mini-batch epoch here is %d steps). ms/step:"
                        + " median (mini-batch after %d warm-up steps); s/epoch: one pass over the %d training"
                        + " edges (* = median step times %d steps, extrapolated); s/1M edges: training time per"
                        + " million positive edges; heap: sum of heap pool peaks during training and the final"
                        + " whole-graph validation; val AUC: validation pairs, whole-graph embedding, after the"
                        + " budget.%n",
                s.seconds(),
                s.batchesPerEpoch(),
                WARMUP_STEPS,
                trainEdges,
                MiniBatchSettings.of(s.batchSize(), s.fanOut()).batchesPerEpoch(trainEdges));
    }

    /** Stops training once the epochs' training time passes the budget; keeps the steps' times. */
    static final class Budget implements TrainingListener {
        private final double seconds;
        private final PrintStream out;
        private final String label;
        private final List<Double> stepMillis = new ArrayList<>();
        private double trained;

        Budget(double seconds, PrintStream out, String label) {
            this.seconds = seconds;
            this.out = out;
            this.label = label;
        }

        @Override
        public void onEpoch(EpochStats stats) {
            trained += stats.trainMillis() / 1000;
            out.printf(
                    Locale.ROOT,
                    "  %s epoch %d: loss %.4f, %.1f s (%.0f s of %.0f)%n",
                    label,
                    stats.epoch(),
                    stats.loss(),
                    stats.trainMillis() / 1000,
                    trained,
                    seconds);
        }

        @Override
        public void onBatch(BatchStats stats) {
            stepMillis.add(stats.millis());
        }

        @Override
        public boolean stopRequested() {
            return trained >= seconds;
        }
    }

    static double median(List<Double> values, int skip) {
        double[] v = values.stream()
                .skip(values.size() > skip ? skip : 0)
                .mapToDouble(Double::doubleValue)
                .toArray();
        return median(v);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Heap in use after a collection, MB. */
    static double usedAfterGcMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }
}
