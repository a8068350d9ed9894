// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.NodeSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.datasets.planetoid.PlanetoidSplit;
import io.github.gae4j.runtime.metrics.Stats;
import io.github.gae4j.runtime.metrics.clustering.ClusteringMetrics;
import io.github.gae4j.runtime.metrics.clustering.ClusteringScores;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reproduces published link-prediction tables: by default Kipf &amp; Welling's Table 1, GAE and VGAE
 * on Cora, CiteSeer and PubMed (the paper's Planetoid inputs; PubMed featureless, its TF-IDF features
 * being unavailable), 10 seeds each, with the paper's numbers beside ours, plus node clustering
 * (k-means on μ: ACC, NMI, ARI) and the time per run. {@code --models} adds other rows of
 * {@link PaperTable}, each with its own recipe: {@code arga} and {@code arvga} (Pan et al., IJCAI 2018),
 * {@code linear-ae} and {@code linear-vae} (Salha et al., ECML-PKDD 2020), {@code maskgae} (Li et al., KDD 2023),
 * {@code graphmae} (Hou et al., KDD 2022; node classification by linear probe, its paper's measure).
 * The full-graph loss runs through the fused kernel: no N×N matrix, PubMed included.
 *
 * <pre>gae reproduce [--data-dir DIR] [--seeds 10] [--datasets cora,citeseer,pubmed] \
 *     [--models gae,vgae,arga,arvga,linear-ae,linear-vae,maskgae,graphmae,graphmae-gat] [--first-seed S] \
 *     [--epochs N (default: each model's recipe)] [--threads T] [--runs FILE (each finished seed appended)]</pre>
 */
public final class Reproduce {

    private static final Logger LOG = LoggerFactory.getLogger(Reproduce.class);

    private Reproduce() {}

    /** The models run when none are named: Kipf &amp; Welling's Table 1. */
    public static final List<String> DEFAULT_MODELS = List.of("gae", "vgae");

    /**
     * One (dataset, model) cell: its runs, one per seed. The per-seed arrays hold test AUC/AP (empty when
     * the recipe trains on every edge), clustering scores of μ and the linear probe's test accuracy on μ
     * over the Planetoid public split (empty on a graph without labels), and seconds per run.
     */
    public record Cell(String dataset, String model, List<SeedRun> runs) {

        public Cell {
            runs = List.copyOf(runs);
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("A cell needs at least one run: " + dataset + " " + model);
            }
        }

        public double[] auc() {
            return values(SeedRun::auc);
        }

        public double[] ap() {
            return values(SeedRun::ap);
        }

        public double[] acc() {
            return values(SeedRun::acc);
        }

        public double[] nmi() {
            return values(SeedRun::nmi);
        }

        public double[] ari() {
            return values(SeedRun::ari);
        }

        public double[] probe() {
            return values(SeedRun::probe);
        }

        public double[] seconds() {
            return values(SeedRun::seconds);
        }

        public int[] seeds() {
            return runs.stream().mapToInt(SeedRun::seed).toArray();
        }

        /** The epochs of its runs (one value: {@link RunsFile#readAll} refuses cells that mix them). */
        public int epochs() {
            return runs.get(0).epochs();
        }

        private double[] values(ToDoubleFunction<SeedRun> column) {
            return runs.stream()
                    .mapToDouble(column)
                    .filter(v -> !Double.isNaN(v))
                    .toArray();
        }
    }

    /**
     * What to run: the cells ({@code datasets} × {@code models}, names of {@link PaperTable} rows), the seeds
     * {@code firstSeed} … {@code firstSeed + seeds − 1}, the epochs of every run (0 or less: each model's own
     * recipe), the threads, and the runs file each finished seed is appended to (null: none).
     */
    public record Plan(
            List<String> datasets,
            List<String> models,
            int firstSeed,
            int seeds,
            int epochs,
            int threads,
            Path runsFile) {

        public Plan {
            datasets = List.copyOf(datasets);
            models = models.stream().map(String::trim).toList();
            if (models.isEmpty()) {
                throw new GaeException("No models to run; known models: " + PaperTable.ROWS.keySet());
            }
            if (seeds < 1) {
                throw new ConfigException("--seeds must be >= 1, got " + seeds);
            }
            if (firstSeed < 0) {
                throw new ConfigException("--first-seed must be >= 0, got " + firstSeed);
            }
            models.forEach(PaperTable::row);
        }
    }

    /** {@link #DEFAULT_MODELS} (GAE and VGAE), {@code epochs} for both. */
    static List<Cell> run(
            ModelAssembler assembler,
            Path dataDir,
            List<String> datasets,
            int seeds,
            int epochs,
            int threads,
            PrintStream out) {
        return run(assembler, dataDir, datasets, DEFAULT_MODELS, seeds, epochs, threads, out);
    }

    /** Seeds 0 … seeds − 1 of every cell, no runs file. */
    public static List<Cell> run(
            ModelAssembler assembler,
            Path dataDir,
            List<String> datasets,
            List<String> models,
            int seeds,
            int epochs,
            int threads,
            PrintStream out) {
        return run(assembler, dataDir, new Plan(datasets, models, 0, seeds, epochs, threads, null), out);
    }

    /**
     * Runs every (dataset, model) cell of the plan over its seeds (each seed draws the link split, the
     * model's initialisation and the training noise) and prints the table to {@code out}. An unknown model
     * fails, listing the known ones, before any data is read. {@code assembler} builds the datasets and models
     * from the installed plugins.
     */
    public static List<Cell> run(ModelAssembler assembler, Path dataDir, Plan plan, PrintStream out) {
        List<PaperTable.Row> rows = plan.models().stream().map(PaperTable::row).toList();
        // Seeds an earlier run already recorded in the runs file are taken from it, not run again.
        List<SeedRun> recorded = plan.runsFile() != null ? RunsFile.open(plan.runsFile()) : List.of();
        List<Cell> cells = new ArrayList<>();
        List<ReproduceBaselines.Row> baselines = new ArrayList<>();
        long start = System.nanoTime();
        try (Parallelism parallelism = Parallelism.of(plan.threads())) {
            for (String dataset : plan.datasets()) {
                Graph graph = load(dataset, dataDir, assembler);
                for (PaperTable.Row row : rows) {
                    cells.add(runCell(dataset, row, graph, plan, recorded, assembler, parallelism));
                }
                if (rows.stream().anyMatch(row -> !row.recipe(dataset).allEdges())) {
                    baselines.add(ReproduceBaselines.of(dataset, graph, plan, parallelism));
                }
            }
        }
        print(cells, String.format(Locale.ROOT, "Total %.0f s", (System.nanoTime() - start) / 1e9), out);
        ReproduceBaselines.print(baselines, cells, out);
        return cells;
    }

    /**
     * Prints the table of runs recorded by earlier {@code run}s (seed ranges run apart, or a run cut short),
     * without training anything.
     */
    public static List<Cell> printRuns(List<Path> runsFiles, PrintStream out) {
        Map<String, List<SeedRun>> byCell = new LinkedHashMap<>();
        for (SeedRun r : RunsFile.readAll(runsFiles)) {
            byCell.computeIfAbsent(r.dataset() + "\t" + r.model(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Cell> cells = byCell.values().stream()
                .map(runs -> runs.stream()
                        .sorted(Comparator.comparingInt(SeedRun::seed))
                        .toList())
                .map(runs -> new Cell(runs.get(0).dataset(), runs.get(0).model(), runs))
                .toList();
        double total = cells.stream()
                .flatMap(c -> c.runs().stream())
                .mapToDouble(SeedRun::seconds)
                .sum();
        // Not a wall-clock time: the seeds may have run in parallel, or on other machines.
        print(cells, String.format(Locale.ROOT, "Seeds' times summed: %.0f s", total), out);
        return cells;
    }

    /**
     * The paper's inputs, by name through the dataset catalog (files checked against their SHA-256):
     * Planetoid Cora and CiteSeer (3327 nodes) with features, PubMed without.
     */
    static Graph load(String dataset, Path dataDir, ModelAssembler assembler) {
        String name = switch (dataset) {
            case "cora", "citeseer" -> dataset + "-planetoid";
            case "pubmed" -> "pubmed";
            default -> throw new GaeException("Unknown dataset '" + dataset + "'; known: [cora, citeseer, pubmed]");
        };
        return assembler
                .create(
                        ComponentKind.DATASET,
                        ComponentSpec.of("dataset", "name", name, "data-dir", dataDir),
                        new CreationContext(0, 0, 0L))
                .load();
    }

    static Cell runCell(
            String dataset,
            PaperTable.Row row,
            Graph graph,
            Plan plan,
            List<SeedRun> recorded,
            ModelAssembler assembler,
            Parallelism parallelism) {
        PaperTable.Recipe recipe = row.recipe(dataset);
        graph = recipe.rowNormalizedFeatures()
                ? graph.withFeatures(graph.featuresOrIdentity().rowNormalized())
                : graph;
        ModelSpec spec = recipe.spec();
        TrainerConfig training = plan.epochs() > 0
                ? recipe.training().toBuilder().epochs(plan.epochs()).build()
                : recipe.training();
        int classes = graph.hasLabels() ? graph.classNames().size() : 0;
        NodeSplit publicSplit = classes > 1 ? PlanetoidSplit.of(graph) : null;
        List<SeedRun> runs = new ArrayList<>();
        for (int s = plan.firstSeed(); s < plan.firstSeed() + plan.seeds(); s++) {
            Optional<SeedRun> earlier =
                    recordedRun(recorded, dataset, row.model(), s, training.epochs(), plan.runsFile());
            if (earlier.isPresent()) {
                LOG.info("{} {} seed {}: recorded in {}, not run again", dataset, row.model(), s, plan.runsFile());
                runs.add(earlier.get());
                continue;
            }
            long t0 = System.nanoTime();
            // Node-level protocol: every edge in training; the split's few check edges are training edges.
            LinkSplit split = recipe.allEdges() ? LinkSplit.allEdgesInTraining(graph, 0.01, s) : LinkSplit.of(graph, s);
            GraphAutoencoder m = assembler.assemble(
                    spec, new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), s));
            TrainingResult r =
                    new Trainer(training.toBuilder().seed(s).logEvery(100).build(), parallelism).fit(m, split);
            double auc = recipe.allEdges() ? Double.NaN : r.test().auc();
            double ap = recipe.allEdges() ? Double.NaN : r.test().ap();
            ClusteringScores c = null;
            double probe = Double.NaN;
            if (classes > 1) {
                // Node tasks see every edge, as their papers' transductive protocols do (GraphMAE's probe,
                // ARGA's clustering); link prediction above saw only the training edges.
                Matrix mu = m.embed(GraphInput.of(graph), parallelism);
                c = ClusteringMetrics.evaluate(mu, graph.labels(), classes, 10, s);
                probe = recipe.probe()
                        .evaluate(mu, graph.labels(), classes, publicSplit, s)
                        .testAccuracy();
            }
            SeedRun run = new SeedRun(
                    dataset,
                    row.model(),
                    s,
                    training.epochs(),
                    plan.threads(),
                    Runtime.version().toString(),
                    auc,
                    ap,
                    c == null ? Double.NaN : c.acc(),
                    c == null ? Double.NaN : c.nmi(),
                    c == null ? Double.NaN : c.ari(),
                    probe,
                    (System.nanoTime() - t0) / 1e9);
            if (plan.runsFile() != null) {
                RunsFile.append(plan.runsFile(), run);
            }
            LOG.info(
                    "{} {} seed {}: AUC {} AP {} probe {} ({} s)",
                    dataset,
                    row.model(),
                    s,
                    pct(auc),
                    pct(ap),
                    pct(probe),
                    String.format(Locale.ROOT, "%.0f", run.seconds()));
            runs.add(run);
        }
        return new Cell(dataset, row.model(), runs);
    }

    /** The run of this seed in the runs file, if an earlier run recorded it with the same epochs. */
    private static Optional<SeedRun> recordedRun(
            List<SeedRun> recorded, String dataset, String model, int seed, int epochs, Path file) {
        Optional<SeedRun> found = recorded.stream()
                .filter(r -> r.dataset().equals(dataset) && r.model().equals(model) && r.seed() == seed)
                .findFirst();
        if (found.isPresent() && found.get().epochs() != epochs) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "%s records %s %s seed %d with %d epochs, this run" + " trains %d; use another runs file",
                    file,
                    dataset,
                    model,
                    seed,
                    found.get().epochs(),
                    epochs));
        }
        return found;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    static void print(List<Cell> cells, String totalText, PrintStream out) {
        List<String> papers = cells.stream()
                .map(c -> PaperTable.row(c.model()).paper())
                .distinct()
                .toList();
        // Epochs per cell: a row's recipe may differ by dataset (GraphMAE's CiteSeer trains 300, its Cora 1500).
        String epochText = perCell(cells, c -> Integer.toString(c.epochs()), v -> v + " epochs", "epochs");
        String seedText = perCell(cells, c -> seedText(c.seeds()), v -> v, "seeds");
        List<SeedRun> all = cells.stream().flatMap(c -> c.runs().stream()).toList();
        String threadText =
                all.stream().map(r -> Integer.toString(r.threads())).distinct().collect(Collectors.joining("/"));
        String jdkText = all.stream().map(SeedRun::jdk).distinct().collect(Collectors.joining(", "));
        out.printf(
                Locale.ROOT,
                "%s, reproduced: %s, %s, full-graph loss, %s threads, JDK %s%n",
                String.join("; ", papers),
                seedText,
                epochText,
                threadText,
                jdkText);
        out.printf(
                Locale.ROOT,
                "%-9s %-13s %14s %14s %13s %7s | %13s %13s %13s | %13s %6s | %7s%n",
                "dataset",
                "model",
                "AUC %",
                "AP %",
                "paper AUC/AP",
                "delta",
                "ACC %",
                "NMI %",
                "ARI %",
                "probe %",
                "paper",
                "s/run");
        boolean unmatched = false;
        boolean normalized = false;
        for (Cell c : cells) {
            PaperTable.Row row = PaperTable.row(c.model());
            boolean rowNormalized = row.recipe(c.dataset()).rowNormalizedFeatures();
            normalized |= rowNormalized;
            Optional<double[]> paper = row.paperAucAp(c.dataset());
            unmatched |= paper.isEmpty();
            // The paper's figures as printed there (one decimal in Kipf & Welling, two in Salha et al.).
            String paperText = paper.map(p -> p[0] + " / " + p[1]).orElse("n/a");
            String delta = c.auc().length == 0
                    ? ""
                    : paper.map(p -> String.format(
                                    Locale.ROOT,
                                    "%+.1f/%+.1f",
                                    100 * Stats.mean(c.auc()) - p[0],
                                    100 * Stats.mean(c.ap()) - p[1]))
                            .orElse("");
            String paperProbe = row.paperProbeAccuracy(c.dataset())
                    .map(p -> Double.toString(p))
                    .orElse("");
            out.printf(
                    Locale.ROOT,
                    "%-9s %-13s %14s %14s %13s %7s | %13s %13s %13s | %13s %6s | %7.1f%n",
                    c.dataset(),
                    c.model() + (c.dataset().equals("pubmed") ? "*" : "") + (rowNormalized ? "~" : ""),
                    pm(c.auc()),
                    pm(c.ap()),
                    paperText,
                    delta,
                    pm(c.acc()),
                    pm(c.nmi()),
                    pm(c.ari()),
                    pm(c.probe()),
                    paperProbe,
                    Stats.mean(c.seconds()));
        }
        boolean pubmed = cells.stream().anyMatch(c -> c.dataset().equals("pubmed"));
        out.printf(
                Locale.ROOT,
                "%s%s%sAUC/AP: trained on 85 %% of the edges, tested on 10 %% (—: trained on every"
                        + " edge, the paper's node-level protocol, so no held-out link prediction). Clustering: k-means"
                        + " (k = classes, 10 restarts) on μ of the whole graph. Probe: node classification by a logistic"
                        + " regression on μ of the whole graph, Planetoid public split (20 per class / 500 / 1000), test"
                        + " accuracy at the best validation epoch. %s.%n",
                pubmed
                        ? "* featureless (X = I): PubMed's TF-IDF features are not available; compared with the paper's"
                                + " GAE*/VGAE* rows. "
                        : "",
                unmatched ? "n/a: the paper has no comparable figure. " : "",
                normalized
                        ? "~ row-normalised features (each row divided by its sum), as the paper's DGL inputs. "
                        : "",
                totalText);
    }

    /**
     * {@code one} applied to the value every cell shares, or, where the cells differ, {@code label} and each
     * cell's value ("epochs cora graphmae-gat 1500, citeseer graphmae-gat 300").
     */
    private static String perCell(
            List<Cell> cells, Function<Cell, String> value, UnaryOperator<String> one, String label) {
        List<String> distinct = cells.stream().map(value).distinct().toList();
        return distinct.size() == 1
                ? one.apply(distinct.get(0))
                : label + " "
                        + cells.stream()
                                .map(c -> c.dataset() + " " + c.model() + " " + value.apply(c))
                                .collect(Collectors.joining(", "));
    }

    /** "10 seeds" for seeds 0 … 9; the seeds themselves otherwise ("5 seeds (5–9)", "3 seeds (0, 2, 7)"). */
    static String seedText(int[] seeds) {
        int n = seeds.length;
        boolean contiguous = IntStream.range(1, n).allMatch(k -> seeds[k] == seeds[k - 1] + 1);
        if (contiguous && seeds[0] == 0) {
            return n + " seeds";
        }
        return n + " seeds ("
                + (contiguous
                        ? seeds[0] + "–" + seeds[n - 1]
                        : IntStream.of(seeds).mapToObj(Integer::toString).collect(Collectors.joining(", ")))
                + ")";
    }

    static String pm(double[] v) {
        if (v.length == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * Stats.mean(v), 100 * Stats.std(v));
    }
}
