// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import static java.util.Objects.requireNonNull;

import io.github.gae4j.core.io.AtomicFiles;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.baselines.HeuristicScore;
import io.github.gae4j.runtime.metrics.LinkScores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's report: {@code report.html}, self-contained with the charts embedded, and the charts
 * as PNG files next to it ({@code loss.png}, {@code validation.png}, {@code roc.png}, {@code pr.png},
 * {@code pca.png}, {@code tsne.png}). A chart the data cannot support (no history, no validation,
 * one class of test scores, too few nodes or dimensions) is replaced by a note in the HTML, and a PNG
 * of that name left by an earlier run in the same directory is deleted, so the directory never mixes runs.
 */
public final class RunReport {

    /** What {@link #write} wrote: the HTML page and the PNG files, in report order. */
    public record Written(Path html, List<Path> images) {

        public Written {
            requireNonNull(html, "html is null");
            images = List.copyOf(images);
        }
    }

    static final String HTML = "report.html";

    /** The chart files a report writes beside report.html (gae train --force removes them with it). */
    public static final List<String> IMAGES =
            List.of("loss.png", "validation.png", "roc.png", "pr.png", "pca.png", "tsne.png");

    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

    private RunReport() {}

    /** Writes report.html and the PNGs into directory (created if missing); returns what it wrote. */
    public static Written write(ReportData data, Path directory, ReportOptions options) throws IOException {
        requireNonNull(data, "data is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(options, "options is null");
        List<HtmlReport.Section> sections = List.of(
                new HtmlReport.Section("Training", List.of(loss(data), validation(data))),
                new HtmlReport.Section("Link prediction on the test edges", testCurves(data)),
                new HtmlReport.Section("Embeddings", projections(data, options)));
        Files.createDirectories(directory);
        List<Path> images = new ArrayList<>();
        for (HtmlReport.Section section : sections) {
            for (Figure figure : section.figures()) {
                Path file = directory.resolve(figure.fileName());
                if (figure instanceof Figure.Image image) {
                    AtomicFiles.write(file, out -> out.write(image.png()));
                    images.add(file);
                } else {
                    Files.deleteIfExists(file);
                }
            }
        }
        Path html = directory.resolve(HTML);
        AtomicFiles.writeString(html, HtmlReport.render(data, sections, Instant.now()));
        LOG.debug("Wrote run report {} with {} charts", html, images.size());
        return new Written(html, images);
    }

    /**
     * Whether gae4j wrote {@code html}: it has the generator mark (or, before the mark, the footer), so a user's
     * own report.html in a run directory is never taken for one.
     */
    public static boolean isOwnReport(Path html) {
        try {
            // Latin-1 decodes any bytes: a file that is not UTF-8 is simply not ours.
            String text = new String(Files.readAllBytes(html), StandardCharsets.ISO_8859_1);
            return text.contains(HtmlReport.GENERATOR) || text.contains(" by gae4j</footer>");
        } catch (IOException e) {
            return false;
        }
    }

    private static Figure loss(ReportData data) throws IOException {
        String heading = "Training loss";
        long finite =
                data.history().stream().filter(e -> Double.isFinite(e.loss())).count();
        if (data.history().isEmpty()) {
            return new Figure.Skipped("loss.png", heading, "No training history: no epochs were run.");
        }
        if (finite == 0) {
            return new Figure.Skipped("loss.png", heading, "No epoch has a finite training loss.");
        }
        String caption = String.format(
                Locale.ROOT,
                "Training loss per epoch over %d epochs%s%s.",
                data.history().size(),
                finite < data.history().size() ? " (" + (data.history().size() - finite) + " non-finite left out)" : "",
                data.bestEpoch() > 0 ? "; the dashed line marks the best validation epoch" : "");
        return image(
                "loss.png",
                heading,
                caption,
                Charts.loss(data.history(), data.bestEpoch()),
                Charts.LINE_WIDTH,
                Charts.LINE_HEIGHT);
    }

    private static Figure validation(ReportData data) throws IOException {
        String heading = "Validation scores";
        long validated = data.history().stream()
                .filter(e -> Double.isFinite(e.valAuc()) || Double.isFinite(e.valAp()))
                .count();
        if (validated == 0) {
            return new Figure.Skipped(
                    "validation.png",
                    heading,
                    data.history().isEmpty()
                            ? "No training history, so no validation scores."
                            : "No validation scores were recorded (no validation edges, or validation was off).");
        }
        String caption = String.format(
                Locale.ROOT,
                "Validation ROC-AUC and average precision on the %d of %d epochs that were validated%s.",
                validated,
                data.history().size(),
                data.bestEpoch() > 0 ? "; the dashed line marks the best epoch, " + data.bestEpoch() : "");
        return image(
                "validation.png",
                heading,
                caption,
                Charts.validation(data.history(), data.bestEpoch()),
                Charts.LINE_WIDTH,
                Charts.LINE_HEIGHT);
    }

    private static List<Figure> testCurves(ReportData data) throws IOException {
        double[] pos = data.testPositiveScores();
        double[] neg = data.testNegativeScores();
        if (pos.length == 0 || neg.length == 0) {
            String reason = String.format(
                    Locale.ROOT,
                    "Needs test scores of both edges and non-edges; got %d edges and %d non-edges.",
                    pos.length,
                    neg.length);
            return List.of(
                    new Figure.Skipped("roc.png", "ROC curve", reason),
                    new Figure.Skipped("pr.png", "Precision-recall curve", reason));
        }
        LinkScores scores = LinkScores.of(pos, neg);
        double positiveRate = (double) pos.length / (pos.length + neg.length);
        String roc = String.format(
                Locale.ROOT,
                "ROC curve of the %d test edges against the %d test non-edges (AUC %.4f); "
                        + "the diagonal is a random scorer.",
                pos.length,
                neg.length,
                scores.auc());
        String pr = String.format(
                Locale.ROOT,
                "Precision against recall on the same pairs (AP %.4f); the dashed line is the positive rate, "
                        + "a random scorer's precision.",
                scores.ap());
        List<Charts.Baseline<Curves.Roc>> rocBaselines = new ArrayList<>();
        List<Charts.Baseline<Curves.PrecisionRecall>> prBaselines = new ArrayList<>();
        for (HeuristicScore h : data.baselines()) {
            String name = h.heuristic().label();
            rocBaselines.add(new Charts.Baseline<>(name, h.auc(), Curves.roc(h.positiveScores(), h.negativeScores())));
            prBaselines.add(new Charts.Baseline<>(
                    name, h.ap(), Curves.precisionRecall(h.positiveScores(), h.negativeScores())));
        }
        if (!data.baselines().isEmpty()) {
            String beside = " Thinner lines: link heuristics on the same pairs, computed on the training graph.";
            roc += beside;
            pr += beside;
        }
        return List.of(
                image(
                        "roc.png",
                        "ROC curve",
                        roc,
                        Charts.roc(Curves.roc(pos, neg), scores.auc(), rocBaselines),
                        Charts.CURVE_SIZE,
                        Charts.CURVE_SIZE),
                image(
                        "pr.png",
                        "Precision-recall curve",
                        pr,
                        Charts.precisionRecall(
                                Curves.precisionRecall(pos, neg), scores.ap(), positiveRate, prBaselines),
                        Charts.CURVE_SIZE,
                        Charts.CURVE_SIZE));
    }

    private static List<Figure> projections(ReportData data, ReportOptions options) throws IOException {
        Matrix z = data.embeddings();
        int n = z.rows();
        int d = z.cols();
        List<Figure> figures = new ArrayList<>();
        String pcaHeading = "PCA of the embeddings";
        String tsneHeading = "t-SNE of the embeddings";
        if (n < 3) {
            String reason = String.format(Locale.ROOT, "Too few nodes to project: %d (need at least 3).", n);
            figures.add(new Figure.Skipped("pca.png", pcaHeading, reason));
            if (options.tsne()) {
                figures.add(new Figure.Skipped("tsne.png", tsneHeading, reason));
            }
            return figures;
        }
        int[] drawn = Projections.sample(n, options.maxProjectedPoints(), data.seed());
        int[] classes = classesOf(data.labels(), drawn);
        String drawnText = drawn.length == n
                ? String.format(Locale.ROOT, "all %d nodes", n)
                : String.format(
                        Locale.ROOT,
                        "%d of %d nodes drawn uniformly at random (seed %d)",
                        drawn.length,
                        n,
                        data.seed());
        String colouring = colouring(data, classes);
        if (d < 2) {
            figures.add(new Figure.Skipped(
                    "pca.png",
                    pcaHeading,
                    String.format(
                            Locale.ROOT, "The embeddings have %d dimension; a 2-D projection needs at least 2.", d)));
        } else {
            // Components come from all nodes; only the drawn ones are plotted.
            Projections.Pca pca = Projections.pca(z);
            double[] xy = Projections.rows(pca.coordinates(), 2, drawn);
            String caption = String.format(
                    Locale.ROOT,
                    "First two principal components of the %d-dimensional embeddings (%.1f%% and %.1f%% of the "
                            + "variance): %s, %s.",
                    d,
                    100 * pca.varianceShare()[0],
                    100 * pca.varianceShare()[1],
                    drawnText,
                    colouring);
            JFreeChart chart = Charts.scatter(
                    "PCA of the node embeddings",
                    String.format(Locale.ROOT, "PC1 (%.1f%% of variance)", 100 * pca.varianceShare()[0]),
                    String.format(Locale.ROOT, "PC2 (%.1f%% of variance)", 100 * pca.varianceShare()[1]),
                    xy,
                    classes,
                    data.classNames());
            figures.add(image("pca.png", pcaHeading, caption, chart, Charts.SCATTER_SIZE, Charts.SCATTER_SIZE));
        }
        if (!options.tsne()) {
            figures.add(new Figure.Skipped("tsne.png", tsneHeading, "t-SNE was turned off for this report."));
        } else if (drawn.length > Tsne.MAX_POINTS) {
            figures.add(new Figure.Skipped(
                    "tsne.png",
                    tsneHeading,
                    String.format(
                            Locale.ROOT,
                            "Exact t-SNE is limited to %d nodes; this report draws %d.",
                            Tsne.MAX_POINTS,
                            drawn.length)));
        } else {
            long start = System.nanoTime();
            double perplexity = Tsne.effectivePerplexity(options.perplexity(), drawn.length);
            double[] xy = new Tsne(options.perplexity(), options.tsneIterations(), data.seed())
                    .embed(Projections.rows(z.data(), d, drawn), drawn.length, d);
            LOG.debug("t-SNE of {} nodes took {} ms", drawn.length, (System.nanoTime() - start) / 1_000_000);
            String caption = String.format(
                    Locale.ROOT,
                    "Exact t-SNE (perplexity %s, %d iterations, seed %d) of the embeddings: %s, %s.",
                    trim(perplexity),
                    options.tsneIterations(),
                    data.seed(),
                    drawnText,
                    colouring);
            JFreeChart chart = Charts.scatter(
                    "t-SNE of the node embeddings", "t-SNE 1", "t-SNE 2", xy, classes, data.classNames());
            figures.add(image("tsne.png", tsneHeading, caption, chart, Charts.SCATTER_SIZE, Charts.SCATTER_SIZE));
        }
        return figures;
    }

    /** Labels of the drawn nodes, or null when there are none to colour by. */
    private static int[] classesOf(int[] labels, int[] drawn) {
        if (labels == null) {
            return null;
        }
        int[] classes = new int[drawn.length];
        for (int k = 0; k < drawn.length; k++) {
            classes[k] = labels[drawn[k]];
        }
        return classes;
    }

    private static String colouring(ReportData data, int[] classes) {
        if (classes == null) {
            return "one colour (no labels)";
        }
        int unlabelled = 0;
        boolean[] present = new boolean[Math.max(data.classNames().size(), max(classes) + 1)];
        int classCount = 0;
        for (int c : classes) {
            if (c < 0) {
                unlabelled++;
            } else if (!present[c]) {
                present[c] = true;
                classCount++;
            }
        }
        String text = String.format(
                Locale.ROOT, "coloured by class (%d %s", classCount, classCount == 1 ? "class" : "classes");
        if (classCount > Charts.MAX_LEGEND_CLASSES) {
            text += ", legend left out";
        }
        if (unlabelled > 0) {
            text += String.format(Locale.ROOT, ", %d unlabelled in grey", unlabelled);
        }
        return text + ")";
    }

    private static int max(int[] values) {
        int max = -1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static Figure image(
            String fileName, String heading, String caption, JFreeChart chart, int width, int height)
            throws IOException {
        return new Figure.Image(fileName, heading, caption, Charts.png(chart, width, height), width, height);
    }
}
