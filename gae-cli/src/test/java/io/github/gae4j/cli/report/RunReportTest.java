// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.train.EpochStats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunReportTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String TITLE = "gae on <script>alert(1)</script> & \"friends\"";
    private static final ReportOptions NO_TSNE = new ReportOptions(false, 2000, 750, 30);
    /** Fewer t-SNE steps than the default keep the test quick; TsneTest covers the full schedule. */
    private static final ReportOptions QUICK_TSNE = new ReportOptions(true, 2000, 300, 30);

    @TempDir
    Path dir;

    @Test
    void writesEveryChartAsPngAndEmbedsItInTheHtml() throws IOException {
        ReportData data = synthetic(TITLE);

        RunReport.Written written = RunReport.write(data, dir, QUICK_TSNE);

        assertThat(written.html()).isEqualTo(dir.resolve("report.html"));
        assertThat(written.images())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("loss.png", "validation.png", "roc.png", "pr.png", "pca.png", "tsne.png");
        Map<String, int[]> sizes = Map.of(
                "loss.png",
                new int[] {800, 500},
                "validation.png",
                new int[] {800, 500},
                "roc.png",
                new int[] {600, 600},
                "pr.png",
                new int[] {600, 600},
                "pca.png",
                new int[] {700, 700},
                "tsne.png",
                new int[] {700, 700});
        String html = Files.readString(written.html(), StandardCharsets.UTF_8);
        for (Path image : written.images()) {
            byte[] bytes = Files.readAllBytes(image);
            assertThat(bytes).startsWith(PNG_SIGNATURE);
            BufferedImage decoded = ImageIO.read(image.toFile());
            int[] size = sizes.get(image.getFileName().toString());
            assertThat(decoded.getWidth()).as(image.toString()).isEqualTo(size[0]);
            assertThat(decoded.getHeight()).as(image.toString()).isEqualTo(size[1]);
            assertThat(html)
                    .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(bytes));
        }
    }

    @Test
    void htmlShowsTitleSummaryAndNumbersEscapedAndSelfContained() throws IOException {
        ReportData data = synthetic(TITLE);

        String html = Files.readString(RunReport.write(data, dir, NO_TSNE).html(), StandardCharsets.UTF_8);

        String escapedTitle = "gae on &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;";
        assertThat(html).contains("<title>" + escapedTitle + "</title>", "<h1>" + escapedTitle + "</h1>");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("http://", "https://");
        assertThat(html)
                .contains(
                        "<th scope=\"row\">dataset</th><td>sbm-300</td>",
                        "<th scope=\"row\">test AUC</th><td>0.9123</td>",
                        "<th scope=\"row\">model</th><td>gae &lt;linear&gt;</td>");
        assertThat(html).contains("&quot;encoder&quot;: &quot;gcn&quot;");
        LinkScores scores = LinkScores.of(data.testPositiveScores(), data.testNegativeScores());
        assertThat(html)
                .contains(
                        String.format(Locale.ROOT, "AUC %.4f", scores.auc()),
                        String.format(Locale.ROOT, "AP %.4f", scores.ap()));
        assertThat(html)
                .contains(
                        "all 300 nodes",
                        "10 unlabelled in grey",
                        "t-SNE was turned off",
                        "best epoch, 40",
                        "by gae4j</footer>",
                        " UTC by gae4j");
        assertThat(html).contains("<tr class=\"best\"><td class=\"num\">40</td>");
        assertThat(html.indexOf("<h2>Summary</h2>")).isLessThan(html.indexOf("<h2>Training</h2>"));
        assertThat(Files.exists(dir.resolve("tsne.png"))).isFalse();
    }

    @Test
    void subsamplesProjectionsAndSaysHowMany() throws IOException {
        String html = Files.readString(RunReport.write(synthetic("t"), dir, new ReportOptions(true, 100, 300, 30))
                .html());

        assertThat(html).contains("100 of 300 nodes drawn uniformly at random (seed 42)");
    }

    @Test
    void emptyHistorySkipsTrainingChartsWithANote() throws IOException {
        ReportData data = with(synthetic("t"), List.of(), 0);

        RunReport.Written written = RunReport.write(data, dir, NO_TSNE);

        assertThat(names(written)).containsExactly("roc.png", "pr.png", "pca.png");
        assertThat(Files.readString(written.html()))
                .contains("No training history: no epochs were run.", "No training history, so no validation scores.");
    }

    @Test
    void allNaNValidationSkipsOnlyTheValidationChart() throws IOException {
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= 20; e++) {
            history.add(new EpochStats(e, 1.0 / e, Double.NaN, Double.NaN, 3));
        }

        RunReport.Written written = RunReport.write(with(synthetic("t"), history, 0), dir, NO_TSNE);

        assertThat(names(written)).containsExactly("loss.png", "roc.png", "pr.png", "pca.png");
        assertThat(Files.readString(written.html())).contains("No validation scores were recorded");
    }

    /** The run's warnings get a section of their own below the summary, escaped, each with its advice. */
    @Test
    void warningsAreShownBelowTheSummaryWithTheirAdvice() throws IOException {
        ReportData d = synthetic("t");
        ReportData data = new ReportData(
                d.title(),
                d.summary(),
                d.modelJson(),
                d.history(),
                d.bestEpoch(),
                d.testPositiveScores(),
                d.testNegativeScores(),
                d.embeddings(),
                d.labels(),
                d.classNames(),
                d.seed(),
                List.of(),
                List.of(new io.github.gae4j.runtime.diagnostics.Warning(
                        "loss-spike", 2, "The training loss jumped 71.3× at epoch 2.", "Try <--normalize-features>.")));

        String html = Files.readString(RunReport.write(data, dir, NO_TSNE).html());

        assertThat(html)
                .contains(
                        "<h2>Warnings</h2>",
                        "<strong>loss-spike</strong>: The training loss jumped 71.3×"
                                + " at epoch 2.<br>Try &lt;--normalize-features&gt;.");
        assertThat(html.indexOf("<h2>Warnings</h2>"))
                .isBetween(html.indexOf("<h2>Summary</h2>"), html.indexOf("<h2>Training</h2>"));
        assertThat(Files.readString(RunReport.write(d, dir, NO_TSNE).html())).doesNotContain("Warnings");
    }

    @Test
    void tooFewNodesSkipProjections() throws IOException {
        ReportData base = synthetic("t");
        ReportData data = new ReportData(
                "t",
                Map.of(),
                "{}",
                base.history(),
                base.bestEpoch(),
                base.testPositiveScores(),
                base.testNegativeScores(),
                Matrix.of(new double[][] {{1, 2}, {3, 4}}),
                new int[] {0, 1},
                List.of(),
                1,
                List.of(),
                List.of());

        RunReport.Written written = RunReport.write(data, dir, QUICK_TSNE);

        assertThat(names(written)).containsExactly("loss.png", "validation.png", "roc.png", "pr.png");
        assertThat(Files.readString(written.html())).contains("Too few nodes to project: 2 (need at least 3).");
    }

    @Test
    void oneDimensionalEmbeddingsSkipPcaButNotTsne() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        double[] z = random.doubles(40).toArray();
        ReportData base = synthetic("t");
        ReportData data = new ReportData(
                "t",
                Map.of(),
                "{}",
                base.history(),
                base.bestEpoch(),
                base.testPositiveScores(),
                base.testNegativeScores(),
                Matrix.wrapRowMajor(40, 1, z),
                null,
                List.of(),
                1,
                List.of(),
                List.of());

        RunReport.Written written = RunReport.write(data, dir, QUICK_TSNE);

        assertThat(names(written)).contains("tsne.png").doesNotContain("pca.png");
        assertThat(Files.readString(written.html()))
                .contains("a 2-D projection needs at least 2", "one colour (no labels)");
    }

    @Test
    void singleClassAndUnnamedClassesStillDraw() throws IOException {
        ReportData base = synthetic("t");
        int[] labels = new int[base.embeddings().rows()];
        ReportData data = new ReportData(
                "t",
                Map.of(),
                "{}",
                base.history(),
                base.bestEpoch(),
                base.testPositiveScores(),
                base.testNegativeScores(),
                base.embeddings(),
                labels,
                List.of(),
                1,
                List.of(),
                List.of());

        RunReport.Written written = RunReport.write(data, dir, NO_TSNE);

        assertThat(names(written)).contains("pca.png");
        assertThat(Files.readString(written.html())).contains("coloured by class (1 class)");
    }

    @Test
    void testScoresOfOneClassSkipTheCurves() throws IOException {
        ReportData base = synthetic("t");
        ReportData data = new ReportData(
                "t",
                Map.of(),
                "{}",
                base.history(),
                base.bestEpoch(),
                base.testPositiveScores(),
                new double[0],
                base.embeddings(),
                base.labels(),
                base.classNames(),
                1,
                List.of(),
                List.of());

        RunReport.Written written = RunReport.write(data, dir, NO_TSNE);

        assertThat(names(written)).doesNotContain("roc.png", "pr.png").contains("pca.png");
        assertThat(Files.readString(written.html())).contains("got 200 edges and 0 non-edges");
    }

    @Test
    void aRerunRemovesChartsItNoLongerDraws() throws IOException {
        RunReport.write(synthetic("t"), dir, new ReportOptions(true, 60, 300, 30));
        assertThat(dir.resolve("tsne.png")).exists();

        RunReport.write(synthetic("t"), dir, NO_TSNE);

        assertThat(dir.resolve("tsne.png")).doesNotExist();
    }

    @Test
    void createsMissingDirectories() throws IOException {
        Path nested = dir.resolve("a/b/c");

        RunReport.Written written = RunReport.write(with(synthetic("t"), List.of(), 0), nested, NO_TSNE);

        assertThat(written.html()).exists();
    }

    @Test
    void defaultOptionsAndTheirChecks() {
        assertThat(ReportOptions.defaults()).isEqualTo(new ReportOptions(true, 2000, 750, 30));
        assertThatThrownBy(() -> new ReportOptions(true, 2, 750, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxProjectedPoints must be at least 3, got 2");
        assertThatThrownBy(() -> new ReportOptions(true, 2000, 750, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("perplexity");
    }

    @Test
    void rejectsBadDataBeforeWritingAnything() {
        ReportData base = synthetic("t");
        double[] z = base.embeddings().data().clone();
        z[17 * 16 + 3] = Double.NaN;

        assertThatThrownBy(() -> new ReportData(
                        "t",
                        Map.of(),
                        "{}",
                        List.of(),
                        0,
                        new double[] {1},
                        new double[] {0},
                        Matrix.wrapRowMajor(300, 16, z),
                        null,
                        List.of(),
                        1,
                        List.of(),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Embedding row 17");
        assertThatThrownBy(() -> new ReportData(
                        "t",
                        Map.of(),
                        "{}",
                        List.of(),
                        0,
                        new double[] {1},
                        new double[] {0},
                        base.embeddings(),
                        new int[5],
                        List.of(),
                        1,
                        List.of(),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 labels for 300 embedding rows");
        assertThatThrownBy(() -> new ReportData(
                        "t",
                        Map.of(),
                        "{}",
                        List.of(),
                        0,
                        new double[] {Double.NaN},
                        new double[] {0},
                        base.embeddings(),
                        null,
                        List.of(),
                        1,
                        List.of(),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Test positive score 0 is NaN");
        assertThat(dir).isEmptyDirectory();
    }

    /** 300 nodes in three labelled clusters (10 unlabelled) of a 16-dim embedding, 50 epochs, overlapping scores. */
    static ReportData synthetic(String title) {
        SplittableRandom random = new SplittableRandom(42);
        int n = 300;
        int d = 16;
        double[][] centres = new double[3][d];
        for (double[] centre : centres) {
            for (int c = 0; c < d; c++) {
                centre[c] = 2.5 * random.nextGaussian();
            }
        }
        double[] z = new double[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            labels[i] = i < 10 ? -1 : k;
            for (int c = 0; c < d; c++) {
                z[i * d + c] = centres[k][c] + random.nextGaussian();
            }
        }
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= 50; e++) {
            boolean validated = e % 2 == 0;
            double auc = 0.95 - 0.4 * Math.exp(-e / 8.0) - (e > 40 ? 0.002 * (e - 40) : 0);
            history.add(new EpochStats(
                    e,
                    0.45 + 0.3 * Math.exp(-e / 10.0),
                    validated ? auc : Double.NaN,
                    validated ? auc - 0.02 : Double.NaN,
                    12 + random.nextDouble()));
        }
        double[] pos = new double[200];
        double[] neg = new double[200];
        for (int i = 0; i < 200; i++) {
            pos[i] = sigmoid(1.2 + random.nextGaussian());
            neg[i] = sigmoid(-1.2 + random.nextGaussian());
        }
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("dataset", "sbm-300");
        summary.put("nodes", "300");
        summary.put("model", "gae <linear>");
        summary.put("test AUC", "0.9123");
        return new ReportData(
                title,
                summary,
                "{\n  \"encoder\": \"gcn\",\n  \"latent\": 16\n}",
                history,
                40,
                pos,
                neg,
                Matrix.wrapRowMajor(n, d, z),
                labels,
                List.of("alpha", "beta", "gamma"),
                42,
                List.of(),
                List.of());
    }

    private static ReportData with(ReportData d, List<EpochStats> history, int bestEpoch) {
        return new ReportData(
                d.title(),
                d.summary(),
                d.modelJson(),
                history,
                bestEpoch,
                d.testPositiveScores(),
                d.testNegativeScores(),
                d.embeddings(),
                d.labels(),
                d.classNames(),
                d.seed(),
                List.of(),
                List.of());
    }

    private static List<String> names(RunReport.Written written) {
        return written.images().stream().map(p -> p.getFileName().toString()).toList();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
