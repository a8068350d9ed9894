// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.ColumnSlice;
import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.autodiff.functions.FullGraphBce.BceWeights;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.DirectedLinkSplit;
import io.github.gae4j.core.graph.DirectedLinkSplit.Task;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.gravity.GravityBceKernels;
import io.github.gae4j.decoders.gravity.GravityFullGraphBce;
import io.github.gae4j.decoders.sourcetarget.SourceTargetBceKernels;
import io.github.gae4j.decoders.sourcetarget.SourceTargetFullGraphBce;
import io.github.gae4j.runtime.metrics.Stats;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Reproduces the directed link-prediction experiments of Salha, Limnios, Hennequin, Tran &amp;
 * Vazirgiannis, "Gravity-Inspired Graph Autoencoders for Directed Link Prediction" (CIKM 2019) on
 * LINQS Cora and CiteSeer read as directed graphs (each citation an edge citing → cited): the three
 * tasks of their section 4.1 ({@link DirectedLinkSplit}), for
 * <ul>
 *   <li>{@code gravity-gae}: GCN encoder (out-degree normalised Â = D̃⁻¹(A + I)) and the gravity
 *   decoder, latent 33 (32 position dimensions and the mass);</li>
 *   <li>{@code source-target-gae}: GCN encoder and the source-target decoder, latent 32;</li>
 *   <li>{@code gae}: the undirected baseline, GCN encoder and inner-product decoder, latent 32,
 *   trained on the same directed target;</li>
 *   <li>{@code gravity-vae}, {@code source-target-vae}, {@code vgae}: the variational forms (Gaussian
 *   encoder, KL term), as in the paper's tables.</li>
 * </ul>
 * The recipe is the reference code's ({@code deezer/gravity_graph_autoencoders}, its README's
 * commands for Cora and CiteSeer): Adam at lr 0.1, 200 epochs, GCN hidden 64, no dropout, full-graph
 * weighted BCE over all ordered pairs of the directed A_train + I with pos_weight and norm from
 * nnz(A_train) (the reference's counts), evaluation at the last epoch; gravity λ = 1 in tasks 1 and 3,
 * λ = 0.05 with unit-normalised positions in task 2; ε = 0.01; source-target latent 64 for Cora in
 * task 2. The reference treats the graphs as featureless (X = I), which is the default here
 * ({@code --features} uses the LINQS features instead).
 *
 * <pre>gae reproduce --directed [--data-dir DIR] [--seeds 10] [--datasets cora,citeseer] \
 *     [--tasks general,biased-negative,bidirectional] \
 *     [--models gravity-gae,gravity-vae,source-target-gae,source-target-vae,gae,vgae] [--epochs 200] [--lr 0.1] \
 *     [--threads T] [--features] [--kernels]</pre>
 */
public final class DirectedReproduce {

    private DirectedReproduce() {}

    public static final List<String> DATASETS = List.of("cora", "citeseer");
    public static final List<String> MODELS =
            List.of("gravity-gae", "gravity-vae", "source-target-gae", "source-target-vae", "gae", "vgae");
    public static final List<String> TASKS =
            Arrays.stream(Task.values()).map(Task::optionValue).toList();
    public static final String PAPER = "Salha et al. (2019), CIKM";

    /** The reference recipe's epochs and learning rate. */
    public static final int EPOCHS = 200;

    public static final double LEARNING_RATE = 0.1;

    /**
     * Published AUC/AP (%), keyed "dataset/task/model": the gravity rows of the paper's Table 1 for
     * general directed link prediction (mean over 100 runs). They are marked unverified when printed:
     * the stored copies of the paper stop before its tables, so these figures (Cora's Gravity VAE
     * 91.92 / 92.46 was quoted in the task; the others as recalled from the paper) could not be checked
     * against the text with the tools at hand.
     */
    private static final Map<String, double[]> PAPER_AUC_AP = Map.of(
            "cora/general/gravity-vae", new double[] {91.92, 92.46},
            "cora/general/gravity-gae", new double[] {87.79, 90.78},
            "citeseer/general/gravity-vae", new double[] {87.67, 89.79},
            "citeseer/general/gravity-gae", new double[] {78.36, 84.75});

    /** One (dataset, task, model) cell over all seeds. */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    public record Cell(
            String dataset,
            String task,
            String model,
            double[] auc,
            double[] ap,
            double[] seconds,
            double[] millisPerEpoch) {}

    /**
     * The paper's featureless run (X = I) at the reference learning rate; see
     * {@link #run(ModelAssembler, Path, List, List, List, int, int, double, int, boolean, PrintStream)}.
     */
    public static List<Cell> run(
            ModelAssembler assembler,
            Path dataDir,
            List<String> datasets,
            List<String> models,
            List<String> tasks,
            int seeds,
            int epochs,
            int threads,
            PrintStream out) {
        return run(assembler, dataDir, datasets, models, tasks, seeds, epochs, LEARNING_RATE, threads, false, out);
    }

    /**
     * Runs every (dataset, task, model) cell over {@code seeds} seeds (0 … seeds − 1: the split, the
     * initialisation and the training) and prints the table to {@code out}.
     *
     * @param assembler builds the datasets and models from the installed plugins
     * @param datasets {@code cora}, {@code citeseer} (LINQS files under {@code dataDir/linqs/})
     * @param models   names from {@link #MODELS}
     * @param tasks    names from {@link #TASKS}
     * @param epochs   epochs of every run ({@link #EPOCHS} in the paper's recipe)
     * @param learningRate Adam's step ({@link #LEARNING_RATE} in the paper's recipe, which is featureless: with
     *                 the LINQS features it makes the GCN's ReLUs die and the models collapse; 0.01, Kipf &amp;
     *                 Welling's, works there)
     * @param features use the LINQS node features instead of X = I
     */
    public static List<Cell> run(
            ModelAssembler assembler,
            Path dataDir,
            List<String> datasets,
            List<String> models,
            List<String> tasks,
            int seeds,
            int epochs,
            double learningRate,
            int threads,
            boolean features,
            PrintStream out) {
        if (seeds < 1 || epochs < 1 || !(learningRate > 0)) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "--seeds and --epochs must be >= 1 and --lr positive, got %d, %d and %s",
                    seeds,
                    epochs,
                    learningRate));
        }
        for (String m : models) {
            if (!MODELS.contains(m)) {
                throw new GaeException("Unknown model '" + m + "'; known models: " + MODELS);
            }
        }
        List<Task> taskList = tasks.stream().map(Task::parse).toList();
        List<Cell> cells = new ArrayList<>();
        long start = System.nanoTime();
        try (Parallelism parallelism = Parallelism.of(threads)) {
            for (String dataset : datasets) {
                Graph graph = load(dataDir, dataset, assembler);
                if (!features) {
                    graph = graph.withoutFeatures();
                }
                for (Task task : taskList) {
                    for (String model : models) {
                        cells.add(runCell(
                                dataset, task, model, graph, seeds, epochs, learningRate, assembler, parallelism));
                    }
                }
            }
        }
        print(cells, seeds, epochs, learningRate, threads, features, (System.nanoTime() - start) / 1e9, out);
        return cells;
    }

    /** LINQS {@code dataset} as a directed graph (citing → cited), through the {@code linqs} loader plugin. */
    static Graph load(Path dataDir, String dataset, ModelAssembler assembler) {
        if (!DATASETS.contains(dataset)) {
            throw new GaeException("Unknown dataset '" + dataset + "'; known: " + DATASETS);
        }
        Path dir = dataDir.resolve("linqs").resolve(dataset);
        if (!Files.isDirectory(dir)) {
            throw new GaeException("No LINQS " + dataset + " under " + dataDir + " (expected " + dir + ")");
        }
        return assembler
                .create(
                        ComponentKind.DATASET,
                        ComponentSpec.of("linqs", "path", dir, "directed", true),
                        new CreationContext(0, 0, 0L))
                .load();
    }

    /**
     * The reference recipe's model for (dataset, task, model). The variational forms ({@code -vae})
     * sample every latent column, the gravity mass included, and add the KL term, as the reference's
     * {@code gravity_gcn_vae} and {@code source_target_gcn_vae}.
     */
    public static ModelSpec spec(String dataset, Task task, String model) {
        boolean variational = model.endsWith("-vae") || model.equals("vgae");
        ComponentSpec decoder = switch (model) {
            case "gravity-gae", "gravity-vae" ->
                task == Task.BIASED_NEGATIVE
                        ? ComponentSpec.of("gravity", "lambda", 0.05, "normalize", !variational)
                        : ComponentSpec.of("gravity", "lambda", 1.0);
            case "source-target-gae", "source-target-vae" -> ComponentSpec.of("source-target");
            case "gae", "vgae" -> ComponentSpec.of("inner-product");
            default -> throw new GaeException("Unknown model '" + model + "'; known models: " + MODELS);
        };
        int latent = switch (model) {
            case "gravity-gae", "gravity-vae" -> 33;
            case "source-target-gae" -> task == Task.BIASED_NEGATIVE && dataset.equals("cora") ? 64 : 32;
            default -> 32;
        };
        LossSpec loss = LossSpec.of("weighted-bce", "self-loops-in-weights", false);
        ComponentSpec encoder = ComponentSpec.of(variational ? "vgae" : "gcn", "hidden", 64, "latent", latent);
        return variational
                ? new ModelSpec(encoder, ComponentSpec.of("gaussian"), decoder, List.of(loss, LossSpec.of("kl")))
                : new ModelSpec(encoder, ComponentSpec.of("identity"), decoder, List.of(loss));
    }

    static Cell runCell(
            String dataset,
            Task task,
            String model,
            Graph graph,
            int seeds,
            int epochs,
            double learningRate,
            ModelAssembler assembler,
            Parallelism parallelism) {
        double[] auc = new double[seeds];
        double[] ap = new double[seeds];
        double[] seconds = new double[seeds];
        double[] millis = new double[seeds];
        ModelSpec spec = spec(dataset, task, model);
        TrainerConfig config = TrainerConfig.builder()
                .epochs(epochs)
                .learningRate(learningRate)
                .restoreBest(false)
                .evalEvery(0)
                .logEvery(Math.max(1, epochs))
                .build();
        for (int s = 0; s < seeds; s++) {
            long t0 = System.nanoTime();
            LinkSplit split = DirectedLinkSplit.of(graph, task, s);
            GraphAutoencoder m = assembler.assemble(
                    spec, new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), s));
            TrainingResult r = new Trainer(config.toBuilder().seed(s).build(), parallelism).fit(m, split);
            auc[s] = r.test().auc();
            ap[s] = r.test().ap();
            millis[s] = Stats.median(
                    r.history().stream().mapToDouble(EpochStats::trainMillis).toArray());
            seconds[s] = (System.nanoTime() - t0) / 1e9;
        }
        return new Cell(dataset, task.optionValue(), model, auc, ap, seconds, millis);
    }

    static void print(
            List<Cell> cells,
            int seeds,
            int epochs,
            double learningRate,
            int threads,
            boolean features,
            double totalSeconds,
            PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%s, directed link prediction, reproduced: %d seeds, %d epochs, lr %s, %s, %d threads," + " JDK %s%n",
                PAPER,
                seeds,
                epochs,
                learningRate,
                features ? "LINQS features" : "featureless (X = I) as the reference",
                threads,
                Runtime.version());
        out.printf(
                Locale.ROOT,
                "%-9s %-16s %-18s %14s %14s %15s %7s %9s%n",
                "dataset",
                "task",
                "model",
                "AUC %",
                "AP %",
                "paper AUC/AP",
                "s/run",
                "ms/epoch");
        boolean unverified = false;
        for (Cell c : cells) {
            double[] paper = PAPER_AUC_AP.get(c.dataset() + "/" + c.task() + "/" + c.model());
            unverified |= paper != null;
            String paperText = paper == null ? "n/a" : String.format(Locale.ROOT, "%.1f / %.1f †", paper[0], paper[1]);
            out.printf(
                    Locale.ROOT,
                    "%-9s %-16s %-18s %14s %14s %15s %7.1f %9.1f%n",
                    c.dataset(),
                    c.task(),
                    c.model(),
                    pm(c.auc()),
                    pm(c.ap()),
                    paperText,
                    Stats.mean(c.seconds()),
                    Stats.mean(c.millisPerEpoch()));
        }
        out.printf(
                Locale.ROOT,
                "Test AUC/AP at the last epoch, mean ± sample std over seeds; ms/epoch: median training"
                        + " step (forward, backward, Adam).%s Total %.0f s.%n",
                unverified
                        ? " † not checked against the paper's text (the stored copies stop before its"
                                + " tables); n/a: no figure at hand."
                        : " n/a: no figure at hand.",
                totalSeconds);
    }

    static String pm(double[] v) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", 100 * Stats.mean(v), 100 * Stats.std(v));
    }

    /**
     * Times the full-graph loss and its gradient on Cora (directed, N = 2708) for each decoder: the
     * fused kernels (Vector API float and plain-Java double) against the naive way, all N² logits
     * through the decoder's {@code logits} and a weighted BCE. Milliseconds per forward + backward,
     * median of a few repetitions after warm-up.
     */
    public static void kernelTimings(ModelAssembler assembler, Path dataDir, int threads, PrintStream out) {
        Graph graph = load(dataDir, "cora", assembler);
        SparseMatrix target = NormalizedAdjacency.withSelfLoops(graph.adjacency());
        int n = graph.nodeCount();
        BceWeights weights = BceWeights.of(target);
        double pw = weights.posWeight();
        double norm = weights.norm();
        out.printf(
                Locale.ROOT,
                "Full-graph weighted BCE + gradient on directed Cora (N = %d, %d positives), %d threads,"
                        + " ms per call (median)%n",
                n,
                target.nnz(),
                threads);
        out.printf(
                Locale.ROOT, "%-28s %12s %12s %12s%n", "decoder (latent)", "fused float", "fused double", "naive N²");
        try (Parallelism parallelism = Parallelism.of(threads)) {
            for (String name : List.of("gravity", "source-target", "inner-product")) {
                int latent = name.equals("gravity") ? 33 : 32;
                Decoder decoder = assembler.create(
                        ComponentKind.DECODER, ComponentSpec.of(name), new CreationContext(latent, n, 0));
                Weights z = new Weights("z", randomMatrix(n, latent, 7, 0.3));
                double fused = time(
                        () -> ((FusedFullGraphLoss) decoder).fullGraphBce(z, target, pw, norm), parallelism, 5, 11);
                String doubleText = doubleKernelTime(name, z, target, pw, norm, parallelism);
                double naive = time(() -> naive(decoder, z, target, pw, norm), parallelism, 1, 3);
                out.printf(
                        Locale.ROOT,
                        "%-28s %12.1f %12s %12.1f%n",
                        name + " (" + latent + ")",
                        fused,
                        doubleText,
                        naive);
            }
        }
    }

    private static String doubleKernelTime(
            String name, Weights z, SparseMatrix target, double pw, double norm, Parallelism parallelism) {
        int latent = z.cols();
        Supplier<Variable> loss = switch (name) {
            case "gravity" ->
                () -> GravityFullGraphBce.of(
                        ColumnSlice.of(z, 0, latent - 1),
                        ColumnSlice.of(z, latent - 1, latent),
                        target,
                        pw,
                        norm,
                        1.0,
                        0.01,
                        GravityBceKernels.scalar());
            case "source-target" ->
                () -> SourceTargetFullGraphBce.of(
                        ColumnSlice.of(z, 0, latent / 2),
                        ColumnSlice.of(z, latent / 2, latent),
                        target,
                        pw,
                        norm,
                        SourceTargetBceKernels.scalar());
            default -> () -> SourceTargetFullGraphBce.of(z, z, target, pw, norm, SourceTargetBceKernels.scalar());
        };
        return String.format(Locale.ROOT, "%.1f", time(loss, parallelism, 1, 3));
    }

    private static Variable naive(Decoder decoder, Variable z, SparseMatrix target, double pw, double norm) {
        return FullGraphBce.materialised(pairs -> decoder.logits(z, pairs), target, new BceWeights(pw, norm));
    }

    /** Median ms of {@code reps} forward + backward passes after {@code warmup} unmeasured ones. */
    private static double time(Supplier<Variable> loss, Parallelism parallelism, int warmup, int reps) {
        for (int k = 0; k < warmup; k++) {
            pass(loss.get(), parallelism);
        }
        double[] ms = new double[reps];
        for (int k = 0; k < reps; k++) {
            Variable v = loss.get();
            long t0 = System.nanoTime();
            pass(v, parallelism);
            ms[k] = (System.nanoTime() - t0) / 1e6;
        }
        return Stats.median(ms);
    }

    private static void pass(Variable loss, Parallelism parallelism) {
        ComputationContext ctx = new ComputationContext(parallelism);
        ctx.forward(loss);
        ctx.backward(loss);
    }

    private static Matrix randomMatrix(int rows, int cols, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = scale * (2 * rng.nextDouble() - 1);
        }
        return m;
    }
}
