// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Short smoke runs of the reproduce command on Cora: the table and the clustering columns are filled. */
final class ReproduceTest {

    private static final ModelAssembler ASSEMBLER =
            new ModelAssembler(PluginRegistry.discover(ReproduceTest.class.getClassLoader()));

    private static Path planetoidRoot() {
        Optional<Path> root = DataDirectories.find()
                .filter(r -> r.resolve("planetoid").toFile().isDirectory());
        Assumptions.assumeTrue(
                root.isPresent(),
                "Planetoid data not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        return root.get();
    }

    @Test
    void printsThePaperTableWithClusteringScores() {
        Path root = planetoidRoot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Reproduce.Cell> cells = Reproduce.run(
                ASSEMBLER, root, List.of("cora"), 2, 40, 2, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(cells).extracting(Reproduce.Cell::model).containsExactly("gae", "vgae");
        for (Reproduce.Cell c : cells) {
            assertThat(c.auc()).hasSize(2);
            for (int s = 0; s < 2; s++) {
                assertThat(c.auc()[s]).as("%s AUC, seed %d", c.model(), s).isBetween(0.7, 1.0);
                assertThat(c.nmi()[s]).as("%s NMI, seed %d", c.model(), s).isBetween(0.0, 1.0);
                assertThat(c.acc()[s]).as("%s ACC, seed %d", c.model(), s).isGreaterThan(1.0 / 7);
            }
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("91.0 / 92.0")
                .contains("91.4 / 92.6")
                .contains("ACC %")
                .contains("NMI %")
                .contains("ARI %");
    }

    @Test
    void runsTheAdversarialRowsBesideTheirPaper() {
        Path root = planetoidRoot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Reproduce.Cell> cells = Reproduce.run(
                ASSEMBLER,
                root,
                List.of("cora"),
                List.of("arga", "arvga"),
                1,
                60,
                2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(cells).extracting(Reproduce.Cell::model).containsExactly("arga", "arvga");
        for (Reproduce.Cell c : cells) {
            assertThat(c.auc()).hasSize(1);
            assertThat(c.auc()[0]).as("%s AUC after 60 epochs", c.model()).isBetween(0.6, 1.0);
            assertThat(c.ap()[0]).as("%s AP after 60 epochs", c.model()).isBetween(0.6, 1.0);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Pan et al. (2018)")
                .contains("60 epochs")
                .contains("92.4 / 93.2")
                .contains("92.4 / 92.6");
    }

    @Test
    void unknownModelFailsListingTheKnownOnes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Reproduce.run(
                        ASSEMBLER,
                        Path.of("no-such-directory"),
                        List.of("cora"),
                        List.of("gae", "agra"),
                        1,
                        1,
                        1,
                        new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("Unknown model 'agra'")
                .hasMessageContaining(
                        "[gae, vgae, arga, arvga, linear-ae, linear-vae, maskgae, graphmae, graphmae-gat]");
    }

    @Test
    void runsTheLinearAndMaskGaeRowsBesideTheirPapers() {
        Path root = planetoidRoot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Reproduce.Cell> cells = Reproduce.run(
                ASSEMBLER,
                root,
                List.of("cora"),
                List.of("linear-ae", "linear-vae", "maskgae"),
                1,
                30,
                2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(cells).extracting(Reproduce.Cell::model).containsExactly("linear-ae", "linear-vae", "maskgae");
        for (Reproduce.Cell c : cells) {
            assertThat(c.auc()[0]).as("%s AUC after 30 epochs", c.model()).isBetween(0.6, 1.0);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Salha et al. (2020)")
                .contains("Li et al. (2023)")
                .contains("92.05 / 93.32")
                .contains("96.39 / 95.93");
    }

    /**
     * A seed range run on its own scores exactly what those seeds score inside a longer run, and the runs
     * file records each of them: seed ranges can run in separate processes and be printed as one table.
     */
    @Test
    void seedRangesRunApartMergeIntoTheSameTable(@TempDir Path dir) {
        Path root = planetoidRoot();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path whole = dir.resolve("whole.csv");
        Path late = dir.resolve("late.csv");
        Path early = dir.resolve("early.csv");
        List<Reproduce.Cell> all = Reproduce.run(
                ASSEMBLER, root, new Reproduce.Plan(List.of("cora"), List.of("gae"), 0, 3, 5, 2, whole), quiet);
        Reproduce.run(ASSEMBLER, root, new Reproduce.Plan(List.of("cora"), List.of("gae"), 2, 1, 5, 1, late), quiet);
        Reproduce.run(ASSEMBLER, root, new Reproduce.Plan(List.of("cora"), List.of("gae"), 0, 2, 5, 2, early), quiet);
        assertThat(RunsFile.read(whole)).hasSize(3);
        List<Reproduce.Cell> merged = Reproduce.printRuns(List.of(late, early), quiet);
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).seeds()).containsExactly(0, 1, 2);
        assertThat(merged.get(0).auc()).containsExactly(all.get(0).auc());
        assertThat(merged.get(0).probe()).containsExactly(all.get(0).probe());
        assertThat(merged.get(0).nmi()).containsExactly(all.get(0).nmi());

        // Run again into a file holding seeds 0 and 1: only seed 2 trains, and the cell is the whole run's.
        List<SeedRun> beforeResume = RunsFile.read(early);
        List<Reproduce.Cell> resumed = Reproduce.run(
                ASSEMBLER, root, new Reproduce.Plan(List.of("cora"), List.of("gae"), 0, 3, 5, 2, early), quiet);
        assertThat(RunsFile.read(early)).extracting(SeedRun::seed).containsExactly(0, 1, 2);
        assertThat(resumed.get(0).auc()).containsExactly(all.get(0).auc());
        assertThat(RunsFile.read(early).subList(0, 2)).isEqualTo(beforeResume);
        // Other epochs than the recorded seeds' would mix two recipes in one cell: refused, naming the file.
        assertThatThrownBy(() -> Reproduce.run(
                        ASSEMBLER, root, new Reproduce.Plan(List.of("cora"), List.of("gae"), 0, 1, 6, 2, early), quiet))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining(early.toString())
                .hasMessageContaining("with 5 epochs, this run trains 6");
    }

    /** The reproduce rows and the model files users train with the CLI describe the same models. */
    @ParameterizedTest
    @CsvSource({"maskgae, maskgae.json", "graphmae, graphmae-style.json", "graphmae-gat, graphmae-gat.json"})
    void rowIsTheShippedModelFile(String model, String fileName) {
        Path file = Path.of("..", "models", fileName);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "models/" + fileName + " not beside this module");
        ModelDescription shipped = ModelDescriptionFile.read(file);
        PaperTable.Row row = PaperTable.row(model);
        assertThat(row.spec()).isEqualTo(shipped.model());
        assertThat(row.training().toBuilder().seed(0).build())
                .isEqualTo(shipped.training().toBuilder()
                        .seed(0)
                        .logEvery(row.training().logEvery())
                        .build());
    }

    /** The header gives each cell's epochs when the recipes differ by dataset. */
    @Test
    void headerNamesPerDatasetEpochs() {
        List<Reproduce.Cell> cells = List.of(
                new Reproduce.Cell("cora", "graphmae-gat", List.of(nodeRun("cora", 0, 1500))),
                new Reproduce.Cell("citeseer", "graphmae-gat", List.of(nodeRun("citeseer", 0, 300))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reproduce.print(cells, "Total 1 s", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("epochs cora graphmae-gat 1500, citeseer graphmae-gat 300");
        bytes.reset();
        cells = List.of(
                new Reproduce.Cell("cora", "graphmae-gat", List.of(nodeRun("cora", 0, 7))),
                new Reproduce.Cell("citeseer", "graphmae-gat", List.of(nodeRun("citeseer", 0, 7))));
        Reproduce.print(cells, "Total 1 s", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1 seeds, 7 epochs");
    }

    /** A graphmae-gat run: every edge in training, so no AUC/AP. */
    static SeedRun nodeRun(String dataset, int seed, int epochs) {
        return new SeedRun(
                dataset,
                "graphmae-gat",
                seed,
                epochs,
                1,
                "17",
                Double.NaN,
                Double.NaN,
                0.6,
                0.5,
                0.4,
                0.8 + seed / 1000.0,
                10.0);
    }

    /** graphmae-gat follows its paper's protocol: row-normalised features, every edge in training, no AUC/AP. */
    @Test
    void graphMaeGatRowTrainsOnEveryEdgeOfRowNormalisedInputs() {
        Path root = planetoidRoot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Reproduce.Cell> cells = Reproduce.run(
                ASSEMBLER,
                root,
                List.of("cora"),
                List.of("graphmae-gat"),
                1,
                2,
                2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(cells.get(0).auc()).isEmpty();
        assertThat(cells.get(0).ap()).isEmpty();
        assertThat(cells.get(0).probe()[0]).isBetween(0.3, 1.0);
        PaperTable.Recipe cora = PaperTable.row("graphmae-gat").recipe("cora");
        assertThat(cora.allEdges()).isTrue();
        assertThat(cora.rowNormalizedFeatures()).isTrue();
        assertThat(PaperTable.row("gae").recipe("cora").allEdges()).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("graphmae-gat~")
                .contains("—")
                .contains("row-normalised")
                .contains("node-level protocol");
    }

    @Test
    void graphMaeRowIsScoredByTheLinearProbeBesideItsPaper() {
        Path root = planetoidRoot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Reproduce.Cell> cells = Reproduce.run(
                ASSEMBLER,
                root,
                List.of("cora"),
                List.of("graphmae"),
                1,
                20,
                2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // Even barely trained, GCN features of Cora classify far above chance (1/7).
        assertThat(cells.get(0).probe()[0]).isBetween(0.5, 1.0);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Hou et al. (2022)")
                .contains("probe %")
                .contains("84.2")
                .contains("public split");
    }
}
