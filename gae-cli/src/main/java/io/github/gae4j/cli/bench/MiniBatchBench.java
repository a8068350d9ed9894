// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.bench;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.backend.LocalBackend;
import io.github.gae4j.runtime.backend.ModelObjective;
import io.github.gae4j.runtime.backend.TrainingObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.minibatch.EpochPlan;
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
import io.github.gae4j.runtime.optim.DefaultOptimizers;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingStep;
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
 * Both modes train GAE (GCN 64→32→16, inner product, negative-sampling BCE, Adam 0.01) from the same seed, step by
 * step as the trainer does, and stop at the first epoch boundary after {@code seconds} of training (setup and
 * evaluation excluded); a mini-batch "epoch" here is {@code batchesPerEpoch} steps, so the time per full epoch is
 * the median step times the steps a full pass over the training edges takes. The validation AUC is then measured
 * on a sample of the validation pairs with exact embeddings ({@link #validationAuc}), the same way for both.
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
            int profileBatches,
            int valPairs) {}

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

    /**
     * Trains one mode for the time budget, step by step as the trainer's loop does (constant rate, the plan's step
     * seeds), then measures the validation AUC on the sample of validation pairs; the row of the table.
     */
    static Row train(
            ModelAssembler assembler,
            LinkSplit split,
            Settings s,
            boolean miniBatch,
            Parallelism parallelism,
            PrintStream out) {
        String label = miniBatch ? "mini-batch" : "full-batch";
        usedAfterGcMb();
        List<MemoryPoolMXBean> pools = Benchmark.heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        GraphAutoencoder model = assembler.assemble(
                ModelSpec.gae().withNegativeSampling(),
                new CreationContext(FEATURES, split.trainGraph().nodeCount(), 0L));
        TrainerConfig.Builder builder = TrainerConfig.builder().epochs(1_000_000);
        MiniBatchSettings settings =
                MiniBatchSettings.of(s.batchSize(), s.fanOut()).withBatchesPerEpoch(s.batchesPerEpoch());
        if (miniBatch) {
            builder.miniBatch(settings);
        }
        TrainerConfig config = builder.build();
        GraphInput input = GraphInput.of(split.trainGraph());
        TrainingGraph training = new TrainingGraph(split.trainGraph());
        TrainingObjective objective = miniBatch
                ? Trainer.miniBatchObjective(model, input, training, settings)
                : new ModelObjective(model, input, training);
        EpochPlan plan =
                miniBatch ? new LinkBatchPlan(training, settings, config.seed()) : EpochPlan.fullBatch(config.seed());
        Optimizer optimizer = Trainer.createOptimizer(
                config, new DefaultOptimizers(MiniBatchBench.class.getClassLoader()), training.nodeCount());
        TrainingStep step =
                new TrainingStep(objective, new LocalBackend(parallelism), optimizer, config.gradientClipNorm());
        List<Double> stepMillis = new ArrayList<>();
        double trained = 0;
        for (int epoch = 1; trained < s.seconds(); epoch++) {
            double epochLoss = 0;
            int batches = plan.batches(epoch);
            long epochStart = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                long t = System.nanoTime();
                epochLoss += step.run(plan.batch(epoch, b), plan.stepSeed(epoch, b), config.learningRate(), epoch)
                        .loss();
                stepMillis.add((System.nanoTime() - t) / 1e6);
            }
            double epochS = seconds(epochStart);
            trained += epochS;
            out.printf(
                    Locale.ROOT,
                    "  %s epoch %d: %d steps, loss %.4f, %.1f s (%.0f s of %.0f)%n",
                    label,
                    epoch,
                    batches,
                    epochLoss / batches,
                    epochS,
                    trained,
                    s.seconds());
        }
        objective = null;
        step = null;
        long evalStart = System.nanoTime();
        double auc = validationAuc(model, input, split, s.valPairs(), s.fanOut().hops(), parallelism);
        double evalS = seconds(evalStart);
        double peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        out.printf(
                Locale.ROOT,
                "  %s: validation AUC %.4f on %d + %d pairs in %.1f s%n",
                label,
                auc,
                s.valPairs(),
                s.valPairs(),
                evalS);
        int trainEdges = split.trainPositives().size();
        double msPerStep = median(stepMillis, miniBatch ? WARMUP_STEPS : Math.min(2, stepMillis.size() - 1));
        double epochS;
        double per1m;
        if (miniBatch) {
            int fullEpoch = MiniBatchSettings.of(s.batchSize(), s.fanOut()).batchesPerEpoch(trainEdges);
            epochS = msPerStep * fullEpoch / 1000;
            per1m = msPerStep / 1000 * 1e6 / s.batchSize();
        } else {
            epochS = msPerStep / 1000;
            per1m = epochS * 1e6 / trainEdges;
        }
        return new Row(
                miniBatch ? "mini-batch" : "full-batch NS",
                miniBatch ? s.batchSize() + " edges, fan-out " + s.fanOut() : "all " + trainEdges + " edges",
                stepMillis.size(),
                trained,
                msPerStep,
                epochS,
                miniBatch,
                per1m,
                peak,
                auc);
    }

    /**
     * Validation AUC of the model on {@code pairs} positive and as many negative validation pairs (the first ones:
     * the split's order is already a seeded shuffle), with their embeddings computed exactly on the subgraph of
     * their endpoints' whole L-hop neighbourhoods (fan-out −1 at every hop, which gives the whole graph's rows,
     * as the mini-batch exactness test checks), so a 10M-node graph is never embedded whole.
     */
    static double validationAuc(
            GraphAutoencoder model, GraphInput input, LinkSplit split, int pairs, int hops, Parallelism parallelism) {
        EdgeList pos = first(split.valPositives(), pairs);
        EdgeList neg = first(split.valNegatives(), pairs);
        int[] seeds = new int[2 * (pos.size() + neg.size())];
        int k = 0;
        for (EdgeList list : List.of(pos, neg)) {
            for (int e = 0; e < list.size(); e++) {
                seeds[k++] = list.src(e);
                seeds[k++] = list.dst(e);
            }
        }
        SampledSubgraph sub = new NeighbourSampler(input, FanOut.all(hops)).sample(seeds, new SplittableRandom(0));
        List<double[]> scores = model.score(sub.input(), List.of(sub.rows(pos), sub.rows(neg)), parallelism);
        return LinkScores.of(scores.get(0), scores.get(1)).auc();
    }

    private static EdgeList first(EdgeList list, int count) {
        int n = Math.min(count, list.size());
        return new EdgeList(Arrays.copyOf(list.srcArray(), n), Arrays.copyOf(list.dstArray(), n));
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
                        + " million positive edges; heap: sum of heap pool peaks during set-up, training and"
                        + " validation; val AUC: the first %d positive and %d negative validation pairs, embedded"
                        + " exactly (fan-out -1 subgraph of their endpoints), after the budget.%n",
                s.seconds(),
                s.batchesPerEpoch(),
                WARMUP_STEPS,
                trainEdges,
                MiniBatchSettings.of(s.batchSize(), s.fanOut()).batchesPerEpoch(trainEdges),
                s.valPairs(),
                s.valPairs());
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
