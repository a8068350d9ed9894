// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.cli.run.GraphFile;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.checkpoint.RecordedRun;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.predict.InductiveEmbedding;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.PredictorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gae embed|predict RUN --graph FILE}: a graph file with new nodes, and the bad inputs with their exit codes. */
final class NewNodesCliTest {

    @TempDir
    static Path dir;

    static Path run;
    static Path featureless;
    static Path grown;

    @BeforeAll
    static void trainAndWriteAGrownGraph() throws IOException {
        run = dir.resolve("run");
        Cli train = Cli.run(TrainEvalEmbedTest.concat(
                new String[] {
                    "train",
                    "--epochs",
                    "20",
                    "--seed",
                    "3",
                    "--features",
                    "as-loaded",
                    "--no-report",
                    "--out",
                    run.toString()
                },
                TrainEvalEmbedTest.SMALL));
        assertThat(train.exitCode()).as(train.toString()).isZero();
        featureless = dir.resolve("featureless");
        Cli trainX = Cli.run(TrainEvalEmbedTest.concat(
                new String[] {
                    "train",
                    "--epochs",
                    "5",
                    "--seed",
                    "3",
                    "--no-features",
                    "--no-report",
                    "--no-embeddings",
                    "--out",
                    featureless.toString()
                },
                TrainEvalEmbedTest.SMALL));
        assertThat(trainX.exitCode()).as(trainX.toString()).isZero();

        Graph g = RecordedRun.load(
                        run.resolve(RunFiles.MODEL), null, new ModelAssembler(PluginRegistry.discover()), false)
                .graph();
        grown = dir.resolve("grown").resolve("grown.content");
        writeGrown(g, grown, 16);
    }

    /**
     * The model's graph without node 0, plus ten new nodes n0..n9 (node k's features, linked to nodes k+1 and k+2),
     * as LINQS files, each row cut to {@code width} features.
     */
    static void writeGrown(Graph g, Path content, int width) throws IOException {
        Files.createDirectories(content.getParent());
        Matrix x = g.features().orElseThrow().toDense();
        List<String> rows = new ArrayList<>();
        for (int i = 1; i < g.nodeCount(); i++) {
            rows.add(row(g.nodeIds().get(i), x, i, width));
        }
        List<String> cites = new ArrayList<>();
        EdgeList edges = g.upperTriangleEdges();
        for (int k = 0; k < edges.size(); k++) {
            if (edges.src(k) != 0) {
                cites.add(g.nodeIds().get(edges.src(k)) + "\t" + g.nodeIds().get(edges.dst(k)));
            }
        }
        for (int k = 0; k < 10; k++) {
            rows.add(row("n" + k, x, k + 1, width));
            cites.add("n" + k + "\t" + g.nodeIds().get(k + 1));
            cites.add("n" + k + "\t" + g.nodeIds().get(k + 2));
        }
        Files.write(content, rows, StandardCharsets.UTF_8);
        String name = content.getFileName().toString().replace(".content", ".cites");
        Files.write(content.resolveSibling(name), cites, StandardCharsets.UTF_8);
    }

    private static String row(String id, Matrix x, int i, int width) {
        StringBuilder b = new StringBuilder(id);
        for (int k = 0; k < width; k++) {
            b.append('\t').append(String.format(Locale.ROOT, "%.6f", x.get(i, k)));
        }
        return b.append("\tc").toString();
    }

    @Test
    void embedsTheGrownGraphKeyedByItsIds() throws IOException {
        Path out = dir.resolve("emb-grown");
        Cli embed = Cli.run("embed", run.toString(), "--graph", grown.toString(), "--out", out.toString());
        assertThat(embed.exitCode()).as(embed.toString()).isZero();
        assertThat(embed.out())
                .contains("309 nodes × 16 dimensions")
                .contains("299 known to the model, 10 new, 1 of the model's nodes absent");
        List<String> csv = Files.readAllLines(out.resolve("embeddings.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(310);
        assertThat(csv.get(1)).startsWith("1,");
        assertThat(csv.get(309)).startsWith("n9,");
    }

    @Test
    void withoutOutTheFilesGoBesideTheRunNotOverItsOwnEmbeddings() throws IOException {
        byte[] before = Files.readAllBytes(run.resolve("embeddings.csv"));
        Cli embed = Cli.run("embed", run.toString(), "--graph", grown.toString());
        assertThat(embed.exitCode()).as(embed.toString()).isZero();
        assertThat(run.resolve("embed-grown").resolve("embeddings.csv")).isRegularFile();
        assertThat(Files.readAllBytes(run.resolve("embeddings.csv"))).isEqualTo(before);
    }

    @Test
    void aFeatureWidthOtherThanTheModelsIsADataError() throws IOException {
        Graph g = RecordedRun.load(
                        run.resolve(RunFiles.MODEL), null, new ModelAssembler(PluginRegistry.discover()), false)
                .graph();
        Path narrow = dir.resolve("narrow").resolve("narrow.content");
        writeGrown(g, narrow, 15);
        Cli embed = Cli.run(
                "embed",
                run.toString(),
                "--graph",
                narrow.toString(),
                "--out",
                dir.resolve("x").toString());
        assertThat(embed.exitCode()).as(embed.toString()).isEqualTo(1);
        assertThat(embed.err())
                .contains(narrow + ": the nodes have 15 features each, but the model")
                .contains("was trained with 16");
    }

    @Test
    void aFeaturelessModelIsRefusedAsAConfigurationError() {
        Cli embed = Cli.run(
                "embed",
                featureless.toString(),
                "--graph",
                grown.toString(),
                "--out",
                dir.resolve("y").toString());
        assertThat(embed.exitCode()).as(embed.toString()).isEqualTo(2);
        assertThat(embed.err())
                .contains("a featureless (X = I) model has no input for a node it never saw; retrain with features");
    }

    @Test
    void aMissingGraphFileIsAnArgumentError() {
        Path missing = dir.resolve("nowhere.content");
        Cli embed = Cli.run("embed", run.toString(), "--graph", missing.toString());
        assertThat(embed.exitCode()).as(embed.toString()).isEqualTo(2);
        assertThat(embed.err()).contains(missing + ": file not found (--graph)");
    }

    @Test
    void aMalformedGraphFileIsADataErrorNamingFileAndLine() throws IOException {
        Path bad = dir.resolve("bad").resolve("bad.content");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "a\t1\t0\tc\nb\t1\tzero\tc\n");
        Files.writeString(bad.resolveSibling("bad.cites"), "a\tb\n");
        Cli embed = Cli.run("embed", run.toString(), "--graph", bad.toString());
        assertThat(embed.exitCode()).as(embed.toString()).isEqualTo(1);
        assertThat(embed.err()).contains(bad + ":2: feature 2 (field 3) of node 'b' is not a finite number");
    }

    @Test
    void anEdgeListWithoutFeaturesIsADataError() throws IOException {
        Path edges = dir.resolve("edges.txt");
        Files.writeString(edges, "1 2\n2 3\n");
        Cli embed = Cli.run("embed", run.toString(), "--graph", edges.toString());
        assertThat(embed.exitCode()).as(embed.toString()).isEqualTo(1);
        assertThat(embed.err()).contains(edges + ": the graph has no node features, but the model");
    }

    @Test
    void graphOptionsNeedAGraphFile() {
        Cli embed = Cli.run("embed", run.toString(), "--graph", "full", "--graph-option", "directed=true");
        assertThat(embed.exitCode()).as(embed.toString()).isEqualTo(2);
        assertThat(embed.err()).contains("--graph-option applies to a --graph FILE");
    }

    @Test
    void predictRecommendsLinksForNewNodesAsTheJavaApiDoes() {
        Cli r = PredictCommandTest.predict(
                run.toString(), "--graph", grown.toString(), "--per-node", "3", "--nodes", "n0,n9", "-t", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("299 known to the model, 10 new, 1 of the model's nodes absent");
        assertThat(r.err()).doesNotContain("held-out validation and test edges are left out");
        List<PredictCommandTest.Row> rows = PredictCommandTest.rows(r.out());
        ModelAssembler assembler = new ModelAssembler(PluginRegistry.discover());
        RecordedRun recorded = RecordedRun.load(run.resolve(RunFiles.MODEL), null, assembler, false);
        Graph graph = new GraphFile(grown, Map.of(), "test").load(assembler);
        LinkPredictor api = InductiveEmbedding.of(recorded, graph, "grown", 2)
                .predictor(PredictorOptions.defaults().withThreads(2));
        Map<String, List<Link>> expected = api.topK(List.of("n0", "n9"), 3);
        assertThat(rows).hasSize(6);
        int i = 0;
        for (String node : List.of("n0", "n9")) {
            for (int rank = 1; rank <= 3; rank++, i++) {
                Link link = expected.get(node).get(rank - 1);
                assertThat(rows.get(i))
                        .isEqualTo(
                                new PredictCommandTest.Row(node, link.target(), link.score(), Integer.toString(rank)));
            }
        }
        // n0's edges in the file (to nodes 1 and 2) are known links: never recommended.
        assertThat(rows.subList(0, 3))
                .noneMatch(row -> row.target().equals("1") || row.target().equals("2"));
    }

    @Test
    void predictOnANewGraphHasNoHeldOutEdgesToScore() {
        Cli r = PredictCommandTest.predict(
                run.toString(), "--graph", grown.toString(), "--top", "5", "--include-heldout");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .contains("--include-heldout scores against the model's held-out test edges; a --graph FILE"
                        + " has none");
    }

    @Test
    void predictRefusesAFeaturelessModelAndAMissingFileAndStrayGraphOptions() {
        Cli featurelessModel =
                PredictCommandTest.predict(featureless.toString(), "--graph", grown.toString(), "--top", "5");
        assertThat(featurelessModel.exitCode()).as(featurelessModel.toString()).isEqualTo(2);
        assertThat(featurelessModel.err()).contains("a featureless (X = I) model has no input for a node it never saw");

        Path missing = dir.resolve("gone.npz");
        Cli noFile = PredictCommandTest.predict(run.toString(), "--graph", missing.toString(), "--top", "5");
        assertThat(noFile.exitCode()).as(noFile.toString()).isEqualTo(2);
        assertThat(noFile.err()).contains(missing + ": file not found (--graph)");

        Cli stray = PredictCommandTest.predict(run.toString(), "--graph-option", "directed=true", "--top", "5");
        assertThat(stray.exitCode()).as(stray.toString()).isEqualTo(2);
        assertThat(stray.err()).contains("--graph-option applies to a --graph FILE");
    }

    @Test
    void predictWithAnotherFeatureWidthIsADataError() throws IOException {
        Graph g = RecordedRun.load(
                        run.resolve(RunFiles.MODEL), null, new ModelAssembler(PluginRegistry.discover()), false)
                .graph();
        Path wide = dir.resolve("twelve").resolve("twelve.content");
        writeGrown(g, wide, 12);
        Cli r = PredictCommandTest.predict(run.toString(), "--graph", wide.toString(), "--top", "5");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains(wide + ": the nodes have 12 features each, but the model");
    }
}
