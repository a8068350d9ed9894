package io.github.gae4j.examples.reproduce;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.inject.GaeInjectors;
import io.github.gae4j.core.metrics.classification.NodeSplit;
import io.github.gae4j.core.metrics.clustering.ClusteringMetrics;
import io.github.gae4j.core.metrics.clustering.ClusteringScores;
import io.github.gae4j.core.model.ComponentSpec;
import io.github.gae4j.core.model.GraphAutoencoder;
import io.github.gae4j.core.model.ModelAssembler;
import io.github.gae4j.core.model.ModelSpec;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.plugin.ComponentKind;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GaeException;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.train.Trainer;
import io.github.gae4j.core.train.TrainerConfig;
import io.github.gae4j.core.train.TrainingResult;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.datasets.planetoid.PlanetoidSplit;
import io.github.gae4j.examples.Stats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
 * <pre>java --add-modules jdk.incubator.vector -Xmx4g -cp gae-examples/target/gae4j.jar \
 *     io.github.gae4j.examples.reproduce.Reproduce [--data-dir DIR] [--seeds 10] [--datasets cora,citeseer,pubmed] \
 *     [--models gae,vgae,arga,arvga,linear-ae,linear-vae,maskgae,graphmae] [--epochs N (default: each model's recipe)] [--threads T]</pre>
 */
public final class Reproduce {

    private Reproduce() {
    }

    /** The models run when none are named: Kipf &amp; Welling's Table 1. */
    public static final List<String> DEFAULT_MODELS = List.of("gae", "vgae");

    /**
     * One (dataset, model) cell over all seeds: per-seed test AUC/AP (none when the recipe trains on every
     * edge), clustering scores of μ, the linear probe's test accuracy on μ over the Planetoid public split,
     * and seconds per run.
     */
    public record Cell(String dataset, String model, double[] auc, double[] ap, double[] acc, double[] nmi, double[] ari,
                double[] probe, double[] seconds) {
    }

    public static void main(String[] args) {
        Optional<Path> dataDir = DataDirectories.find();
        List<String> datasets = List.of("cora", "citeseer", "pubmed");
        List<String> models = DEFAULT_MODELS;
        int seeds = 10;
        int epochs = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Optional.of(Path.of(args[++i]));
                case "--datasets" -> datasets = List.of(args[++i].split(","));
                case "--models" -> models = List.of(args[++i].split(","));
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("Unknown option '" + args[i] + "'; options: --data-dir DIR, --datasets LIST,"
                            + " --models LIST (" + String.join(",", PaperTable.ROWS.keySet()) + "), --seeds N, --epochs N"
                            + " (default: each model's recipe), --threads T");
                    System.exit(2);
                }
            }
        }
        if (dataDir.isEmpty()) {
            System.err.println("No data directory: " + DataDirectories.searchDescription());
            System.exit(1);
        }
        try {
            run(dataDir.get(), datasets, models, seeds, epochs, threads, System.out);
        } catch (GaeException e) {
            System.err.println("gae4j: " + e.getMessage());
            System.exit(1);
        }
    }

    /** {@link #DEFAULT_MODELS} (GAE and VGAE), {@code epochs} for both. */
    static List<Cell> run(Path dataDir, List<String> datasets, int seeds, int epochs, int threads, PrintStream out) {
        return run(dataDir, datasets, DEFAULT_MODELS, seeds, epochs, threads, out);
    }

    /**
     * Runs every (dataset, model) cell over {@code seeds} seeds (0 … seeds − 1: the link split, the
     * model's initialisation and the training noise) and prints the table to {@code out}.
     *
     * @param models names of {@link PaperTable} rows ({@code gae}, {@code vgae}, {@code arga}, {@code arvga},
     *               {@code linear-ae}, {@code linear-vae}, {@code maskgae}, {@code graphmae});
     *               an unknown name fails, listing the known ones, before any data is read
     * @param epochs epochs of every run, or 0 (or less) for each model's own recipe
     */
    public static List<Cell> run(Path dataDir, List<String> datasets, List<String> models, int seeds, int epochs,
                                 int threads, PrintStream out) {
        if (models.isEmpty()) {
            throw new GaeException("No models to run; known models: " + PaperTable.ROWS.keySet());
        }
        if (seeds < 1) {
            throw new GaeException("--seeds must be >= 1, got " + seeds);
        }
        List<PaperTable.Row> rows = models.stream().map(m -> PaperTable.row(m.trim())).toList();
        ModelAssembler assembler = GaeInjectors.create(Reproduce.class.getClassLoader()).getInstance(ModelAssembler.class);
        List<Cell> cells = new ArrayList<>();
        long start = System.nanoTime();
        try (Parallelism parallelism = Parallelism.of(threads)) {
            for (String dataset : datasets) {
                Graph graph = load(dataset, dataDir, assembler);
                for (PaperTable.Row row : rows) {
                    cells.add(runCell(dataset, row, graph, seeds, epochs, assembler, parallelism));
                }
            }
        }
        print(cells, rows, seeds, epochs, threads, (System.nanoTime() - start) / 1e9, out);
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
        return assembler.create(ComponentKind.DATASET, ComponentSpec.of("dataset", "name", name, "data-dir", dataDir),
                new CreationContext(0, 0, 0L)).load();
    }

    static Cell runCell(String dataset, PaperTable.Row row, Graph graph, int seeds, int epochs,
                        ModelAssembler assembler, Parallelism parallelism) {
        double[] auc = new double[seeds];
        double[] ap = new double[seeds];
        double[] acc = new double[seeds];
        double[] nmi = new double[seeds];
        double[] ari = new double[seeds];
        double[] probe = new double[seeds];
        double[] seconds = new double[seeds];
        PaperTable.Recipe recipe = row.recipe(dataset);
        graph = recipe.rowNormalizedFeatures() ? graph.withFeatures(graph.featuresOrIdentity().rowNormalized()) : graph;
        ModelSpec spec = recipe.spec();
        TrainerConfig training = epochs > 0 ? recipe.training().withEpochs(epochs) : recipe.training();
        int classes = graph.hasLabels() ? graph.classNames().size() : 0;
        NodeSplit publicSplit = classes > 1 ? PlanetoidSplit.of(graph) : null;
        for (int s = 0; s < seeds; s++) {
            long t0 = System.nanoTime();
            // Node-level protocol: every edge in training; the split's few check edges are training edges.
            LinkSplit split = recipe.allEdges() ? LinkSplit.allEdgesInTraining(graph, 0.01, s) : LinkSplit.of(graph, s);
            GraphAutoencoder m = assembler.assemble(spec,
                    new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), s));
            TrainingResult r = new Trainer(training.withSeed(s).withLogEvery(100), parallelism).fit(m, split);
            auc[s] = r.test().auc();
            ap[s] = r.test().ap();
            if (classes > 1) {
                // Node tasks see every edge, as their papers' transductive protocols do (GraphMAE's probe,
                // ARGA's clustering); link prediction above saw only the training edges.
                Matrix mu = m.embed(GraphInput.of(graph, parallelism));
                ClusteringScores c = ClusteringMetrics.evaluate(mu, graph.labels(), classes, 10, s);
                acc[s] = c.acc();
                nmi[s] = c.nmi();
                ari[s] = c.ari();
                probe[s] = recipe.probe().evaluate(mu, graph.labels(), classes, publicSplit, s).testAccuracy();
            }
            seconds[s] = (System.nanoTime() - t0) / 1e9;
        }
        return recipe.allEdges()
                ? new Cell(dataset, row.model(), new double[0], new double[0], acc, nmi, ari, probe, seconds)
                : new Cell(dataset, row.model(), auc, ap, acc, nmi, ari, probe, seconds);
    }

    static void print(List<Cell> cells, List<PaperTable.Row> rows, int seeds, int epochs, int threads,
                      double totalSeconds, PrintStream out) {
        List<String> papers = rows.stream().map(PaperTable.Row::paper).distinct().toList();
        // Epochs per cell: a row's recipe may differ by dataset (GraphMAE's CiteSeer trains 300, its Cora 1500).
        List<Integer> cellEpochs = cells.stream().map(c -> epochs > 0 ? epochs
                : PaperTable.row(c.model()).recipe(c.dataset()).training().epochs()).toList();
        String epochText = cellEpochs.stream().distinct().count() == 1 ? cellEpochs.get(0) + " epochs"
                : "epochs " + IntStream.range(0, cells.size()).mapToObj(k -> cells.get(k).dataset() + " "
                        + cells.get(k).model() + " " + cellEpochs.get(k)).collect(Collectors.joining(", "));
        out.printf(Locale.ROOT, "%s, reproduced: %d seeds, %s, full-graph loss, %d threads, JDK %s%n",
                String.join("; ", papers), seeds, epochText, threads, Runtime.version());
        out.printf(Locale.ROOT, "%-9s %-13s %14s %14s %13s %7s | %13s %13s %13s | %13s %6s | %7s%n", "dataset",
                "model", "AUC %", "AP %", "paper AUC/AP", "delta", "ACC %", "NMI %", "ARI %", "probe %", "paper",
                "s/run");
        boolean unmatched = false;
        boolean normalized = false;
        for (Cell c : cells) {
            boolean rowNormalized = PaperTable.row(c.model()).recipe(c.dataset()).rowNormalizedFeatures();
            normalized |= rowNormalized;
            Optional<double[]> paper = PaperTable.row(c.model()).paperAucAp(c.dataset());
            unmatched |= paper.isEmpty();
            // The paper's figures as printed there (one decimal in Kipf & Welling, two in Salha et al.).
            String paperText = paper.map(p -> p[0] + " / " + p[1]).orElse("n/a");
            String delta = c.auc().length == 0 ? "" : paper.map(p -> String.format(Locale.ROOT, "%+.1f/%+.1f",
                    100 * Stats.mean(c.auc()) - p[0], 100 * Stats.mean(c.ap()) - p[1])).orElse("");
            String paperProbe = PaperTable.row(c.model()).paperProbeAccuracy(c.dataset())
                    .map(p -> Double.toString(p)).orElse("");
            out.printf(Locale.ROOT, "%-9s %-13s %14s %14s %13s %7s | %13s %13s %13s | %13s %6s | %7.1f%n",
                    c.dataset(), c.model() + (c.dataset().equals("pubmed") ? "*" : "") + (rowNormalized ? "~" : ""),
                    pm(c.auc()), pm(c.ap()),
                    paperText, delta, pm(c.acc()), pm(c.nmi()), pm(c.ari()), pm(c.probe()), paperProbe,
                    Stats.mean(c.seconds()));
        }
        boolean pubmed = cells.stream().anyMatch(c -> c.dataset().equals("pubmed"));
        out.printf(Locale.ROOT, "%s%s%sAUC/AP: trained on 85 %% of the edges, tested on 10 %% (—: trained on every"
                        + " edge, the paper's node-level protocol, so no held-out link prediction). Clustering: k-means"
                        + " (k = classes, 10 restarts) on μ of the whole graph. Probe: node classification by a logistic"
                        + " regression on μ of the whole graph, Planetoid public split (20 per class / 500 / 1000), test"
                        + " accuracy at the best validation epoch. Total %.0f s.%n",
                pubmed ? "* featureless (X = I): PubMed's TF-IDF features are not available; compared with the paper's"
                        + " GAE*/VGAE* rows. " : "",
                unmatched ? "n/a: the paper has no comparable figure. " : "",
                normalized ? "~ row-normalised features (each row divided by its sum), as the paper's DGL inputs. " : "",
                totalSeconds);
    }

    static String pm(double[] v) {
        if (v.length == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * Stats.mean(v), 100 * Stats.std(v));
    }
}
