// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.error.GaeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-seed runs file: exact round trip, located errors, and the merged table. */
final class RunsFileTest {

    @TempDir
    Path dir;

    private static SeedRun linkRun(int seed, double auc) {
        return new SeedRun("cora", "gae", seed, 200, 2, "17.0.15", auc, auc - 0.01, 0.6, 0.45, 0.4, 0.75, 3.5);
    }

    @Test
    void appendedRunsReadBackBitForBit() {
        Path file = dir.resolve("runs.csv");
        SeedRun link = linkRun(3, 0.9123456789012345);
        SeedRun node = ReproduceTest.nodeRun("citeseer", 4, 300);
        SeedRun unlabelled = new SeedRun(
                "pubmed", "vgae", 0, 200, 1, "17", 0.9, 0.9, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 60.0);
        RunsFile.append(file, link);
        RunsFile.append(file, node);
        RunsFile.append(file, unlabelled);
        assertThat(RunsFile.read(file)).containsExactly(link, node, unlabelled);
        assertThat(node.hasLinkScores()).isFalse();
    }

    @Test
    void openingCreatesTheFileOrFailsBeforeAnyTraining() throws IOException {
        Path file = dir.resolve("new.csv");
        assertThat(RunsFile.open(file)).isEmpty();
        assertThat(Files.readString(file).strip()).isEqualTo(RunsFile.HEADER);
        RunsFile.append(file, linkRun(0, 0.9));
        assertThat(RunsFile.open(file)).containsExactly(linkRun(0, 0.9));
        Path nowhere = dir.resolve("no-such-directory").resolve("runs.csv");
        assertThatThrownBy(() -> RunsFile.open(nowhere))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("Cannot create runs file " + nowhere);
    }

    @Test
    void refusesToAppendToAFileThatIsNotARunsFile() throws IOException {
        Path file = dir.resolve("notes.csv");
        Files.writeString(file, "name,value\n");
        assertThatThrownBy(() -> RunsFile.append(file, linkRun(0, 0.9)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(file + ":1")
                .hasMessageContaining("not a runs file");
        assertThat(Files.readString(file)).isEqualTo("name,value\n");
    }

    @Test
    void badLinesNameTheFileLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(
                file,
                RunsFile.HEADER + "\n" + RunsFile.line(linkRun(0, 0.9)) + "\n\n"
                        + RunsFile.line(linkRun(1, 0.9)).replace(",0.75,", ",x,") + "\n");
        assertThatThrownBy(() -> RunsFile.read(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(file + ":4")
                .hasMessageContaining("'probe'")
                .hasMessageContaining("'x'");

        Files.writeString(file, RunsFile.HEADER + "\ncora,gae,1\n");
        assertThatThrownBy(() -> RunsFile.read(file))
                .hasMessageContaining(file + ":2")
                .hasMessageContaining("expected 13 comma-separated fields")
                .hasMessageContaining("found 3");

        Files.writeString(file, "");
        assertThatThrownBy(() -> RunsFile.read(file))
                .hasMessageContaining(file + ":1")
                .hasMessageContaining("the file is empty");

        assertThatThrownBy(() -> RunsFile.read(dir.resolve("missing.csv")))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("Runs file not found");
    }

    @Test
    void mergingRefusesATwiceRunSeedNamingBothPlaces() {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        RunsFile.append(a, linkRun(0, 0.9));
        RunsFile.append(a, linkRun(1, 0.91));
        RunsFile.append(b, linkRun(2, 0.92));
        RunsFile.append(b, linkRun(1, 0.93));
        assertThatThrownBy(() -> RunsFile.readAll(List.of(a, b)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(b + ":3")
                .hasMessageContaining("cora gae seed 1 appears twice")
                .hasMessageContaining("first at " + a + ":3");
    }

    @Test
    void mergingRefusesMixedEpochsAndUnknownModels() throws IOException {
        Path a = dir.resolve("a.csv");
        RunsFile.append(a, linkRun(0, 0.9));
        RunsFile.append(a, new SeedRun("cora", "gae", 1, 40, 2, "17", 0.9, 0.9, 0.6, 0.4, 0.4, 0.7, 1.0));
        assertThatThrownBy(() -> RunsFile.readAll(List.of(a)))
                .hasMessageContaining(a + ":3")
                .hasMessageContaining("trained 40 epochs here but 200 at " + a + ":2");

        Path b = dir.resolve("b.csv");
        RunsFile.append(b, new SeedRun("cora", "gea", 0, 200, 2, "17", 0.9, 0.9, 0.6, 0.4, 0.4, 0.7, 1.0));
        assertThatThrownBy(() -> RunsFile.readAll(List.of(b)))
                .hasMessageContaining(b + ":2")
                .hasMessageContaining("unknown model 'gea'");
    }

    /** Seed ranges recorded apart print as one table, in seed order, with their means. */
    @Test
    void printsOneTableFromSeparateFiles() {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        RunsFile.append(b, linkRun(1, 0.92));
        RunsFile.append(a, linkRun(0, 0.90));
        RunsFile.append(b, ReproduceTest.nodeRun("cora", 0, 1500));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Reproduce.Cell> cells =
                Reproduce.printRuns(List.of(a, b), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(cells).extracting(Reproduce.Cell::model).containsExactly("gae", "graphmae-gat");
        assertThat(cells.get(0).seeds()).containsExactly(0, 1);
        assertThat(cells.get(0).auc()).containsExactly(0.90, 0.92);
        assertThat(cells.get(1).auc()).isEmpty();
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .contains("seeds cora gae 2 seeds, cora graphmae-gat 1 seeds")
                .contains("epochs cora gae 200, cora graphmae-gat 1500")
                .contains("91.0 ± 1.4")
                .contains("Seeds' times summed: 17 s");
    }

    @Test
    void seedTextNamesRangesThatDoNotStartAtZero() {
        assertThat(Reproduce.seedText(new int[] {0, 1, 2})).isEqualTo("3 seeds");
        assertThat(Reproduce.seedText(new int[] {5, 6, 7, 8, 9})).isEqualTo("5 seeds (5–9)");
        assertThat(Reproduce.seedText(new int[] {0, 2, 7})).isEqualTo("3 seeds (0, 2, 7)");
    }
}
