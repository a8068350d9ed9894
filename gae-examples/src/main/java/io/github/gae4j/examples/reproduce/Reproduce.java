package io.github.gae4j.examples.reproduce;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.inject.GaeInjectors;
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
import io.github.gae4j.examples.Stats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reproduces Kipf &amp; Welling's Table 1: GAE and VGAE on Cora, CiteSeer and PubMed (the paper's
 * Planetoid inputs; PubMed featureless, its TF-IDF features being unavailable), 10 seeds each,
 * with the paper's numbers beside ours, plus node clustering (k-means on μ: ACC, NMI, ARI) and
 * the time per run. The full-graph loss runs through the fused kernel: no N×N matrix, PubMed
 * included.
 *
 * <pre>java --add-modules jdk.incubator.vector -Xmx4g -cp gae-examples/target/gae4j.jar \
 *     io.github.gae4j.examples.reproduce.Reproduce [--data-dir DIR] [--seeds 10] [--datasets cora,citeseer,pubmed]</pre>
 */
public final class Reproduce {

    private Reproduce() {
    }

    /** One (dataset, model) cell over all seeds. */
    record Cell(String dataset, String model, double[] auc, double[] ap, double[] acc, double[] nmi, double[] ari,
                double[] seconds) {
    }

    public static void main(String[] args) {
        Optional<Path> dataDir = DataDirectories.find();
        List<String> datasets = List.of("cora", "citeseer", "pubmed");
        int seeds = 10;
        int epochs = 200;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Optional.of(Path.of(args[++i]));
                case "--datasets" -> datasets = List.of(args[++i].split(","));
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("Unknown option '" + args[i] + "'; options: --data-dir DIR, --datasets LIST,"
                            + " --seeds N, --epochs N, --threads T");
                    System.exit(2);
                }
            }
        }
        if (dataDir.isEmpty()) {
            System.err.println("No data directory: " + DataDirectories.searchDescription());
            System.exit(1);
        }
        try {
            run(dataDir.get(), datasets, seeds, epochs, threads, System.out);
        } catch (GaeException e) {
            System.err.println("gae4j: " + e.getMessage());
            System.exit(1);
        }
    }

    static List<Cell> run(Path dataDir, List<String> datasets, int seeds, int epochs, int threads, PrintStream out) {
        ModelAssembler assembler = GaeInjectors.create(Reproduce.class.getClassLoader()).getInstance(ModelAssembler.class);
        List<Cell> cells = new ArrayList<>();
        long start = System.nanoTime();
        try (Parallelism parallelism = Parallelism.of(threads)) {
            for (String dataset : datasets) {
                Graph graph = load(dataset, dataDir, assembler);
                for (String model : List.of("gae", "vgae")) {
                    cells.add(runCell(dataset, model, graph, seeds, epochs, assembler, parallelism));
                }
            }
        }
        print(cells, seeds, epochs, threads, (System.nanoTime() - start) / 1e9, out);
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

    static Cell runCell(String dataset, String model, Graph graph, int seeds, int epochs, ModelAssembler assembler,
                        Parallelism parallelism) {
        double[] auc = new double[seeds];
        double[] ap = new double[seeds];
        double[] acc = new double[seeds];
        double[] nmi = new double[seeds];
        double[] ari = new double[seeds];
        double[] seconds = new double[seeds];
        ModelSpec spec = model.equals("vgae") ? ModelSpec.vgae() : ModelSpec.gae();
        int classes = graph.hasLabels() ? graph.classNames().size() : 0;
        for (int s = 0; s < seeds; s++) {
            long t0 = System.nanoTime();
            LinkSplit split = LinkSplit.of(graph, s);
            GraphAutoencoder m = assembler.assemble(spec,
                    new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), s));
            TrainingResult r = new Trainer(TrainerConfig.defaults().withEpochs(epochs).withSeed(s).withLogEvery(100),
                    parallelism).fit(m, split);
            auc[s] = r.test().auc();
            ap[s] = r.test().ap();
            if (classes > 1) {
                Matrix mu = m.embed(GraphInput.of(split.trainGraph(), parallelism));
                ClusteringScores c = ClusteringMetrics.evaluate(mu, graph.labels(), classes, 10, s);
                acc[s] = c.acc();
                nmi[s] = c.nmi();
                ari[s] = c.ari();
            }
            seconds[s] = (System.nanoTime() - t0) / 1e9;
        }
        return new Cell(dataset, model, auc, ap, acc, nmi, ari, seconds);
    }

    static void print(List<Cell> cells, int seeds, int epochs, int threads, double totalSeconds, PrintStream out) {
        out.printf(Locale.ROOT, "Kipf & Welling (2016) Table 1, reproduced: %d seeds, %d epochs, full-graph loss,"
                + " %d threads, JDK %s%n", seeds, epochs, threads, Runtime.version());
        out.printf(Locale.ROOT, "%-9s %-5s %14s %14s %13s %7s | %13s %13s %13s | %7s%n", "dataset", "model",
                "AUC %", "AP %", "paper AUC/AP", "delta", "ACC %", "NMI %", "ARI %", "s/run");
        for (Cell c : cells) {
            double[] paper = PaperTable.AUC_AP.get(c.dataset() + "/" + c.model());
            double dAuc = 100 * Stats.mean(c.auc()) - paper[0];
            double dAp = 100 * Stats.mean(c.ap()) - paper[1];
            out.printf(Locale.ROOT, "%-9s %-5s %14s %14s %13s %7s | %13s %13s %13s | %7.1f%n", c.dataset(),
                    c.model() + (c.dataset().equals("pubmed") ? "*" : ""), pm(c.auc()), pm(c.ap()),
                    String.format(Locale.ROOT, "%.1f / %.1f", paper[0], paper[1]),
                    String.format(Locale.ROOT, "%+.1f/%+.1f", dAuc, dAp), pm(c.acc()), pm(c.nmi()), pm(c.ari()),
                    Stats.mean(c.seconds()));
        }
        out.printf(Locale.ROOT, "* featureless (X = I): PubMed's TF-IDF features are not available; compared with the"
                + " paper's GAE*/VGAE* rows. Clustering: k-means (k = classes, 10 restarts) on μ. Total %.0f s.%n",
                totalSeconds);
    }

    static String pm(double[] v) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * Stats.mean(v), 100 * Stats.std(v));
    }
}
