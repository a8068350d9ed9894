// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.datasets.DataDirectories;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reproduce subcommand prints the paper table (a short smoke run). */
final class ReproduceCommandTest {

    @Test
    void printsTheTableForCora() {
        Optional<Path> root = DataDirectories.find()
                .filter(r -> r.resolve("planetoid").toFile().isDirectory());
        Assumptions.assumeTrue(
                root.isPresent(),
                "Planetoid data not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Cli r = Cli.run(
                "reproduce",
                "--data-dir",
                root.get().toString(),
                "--datasets",
                "cora",
                "--models",
                "gae",
                "--seeds",
                "1",
                "--epochs",
                "20",
                "--threads",
                "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("cora").contains("gae").contains("91.0 / 92.0");
    }

    @Test
    void printsTheDirectedTable() {
        Optional<Path> root =
                DataDirectories.find().filter(r -> r.resolve("linqs").toFile().isDirectory());
        Assumptions.assumeTrue(
                root.isPresent(),
                "LINQS data not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Cli r = Cli.run(
                "reproduce",
                "--directed",
                "--data-dir",
                root.get().toString(),
                "--datasets",
                "cora",
                "--models",
                "gravity-gae",
                "--tasks",
                "general",
                "--seeds",
                "1",
                "--epochs",
                "5",
                "--threads",
                "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("cora").contains("gravity-gae");
        Cli tasksAlone = Cli.run("reproduce", "--data-dir", root.get().toString(), "--tasks", "general");
        assertThat(tasksAlone.exitCode()).isEqualTo(2);
        assertThat(tasksAlone.err()).contains("--directed");
    }

    /** A seed range recorded with --runs prints again, without data or training, through --from-runs. */
    @Test
    void recordsSeedsAndPrintsThemBackWithoutTraining(@TempDir Path dir) {
        Optional<Path> root = DataDirectories.find()
                .filter(r -> r.resolve("planetoid").toFile().isDirectory());
        Assumptions.assumeTrue(
                root.isPresent(),
                "Planetoid data not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Path runs = dir.resolve("runs.csv");
        Cli r = Cli.run(
                "reproduce",
                "--data-dir",
                root.get().toString(),
                "--datasets",
                "cora",
                "--models",
                "gae",
                "--first-seed",
                "4",
                "--seeds",
                "2",
                "--epochs",
                "5",
                "--threads",
                "2",
                "--runs",
                runs.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2 seeds (4–5)");
        String row =
                r.out().lines().filter(l -> l.startsWith("cora")).findFirst().orElseThrow();

        Cli again = Cli.run("reproduce", "--data-dir", "/nonexistent/gae4j-data", "--from-runs", runs.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("2 seeds (4–5)");
        // Everything but the time per run, which --from-runs takes from the file rather than the clock.
        String reprinted = again.out()
                .lines()
                .filter(l -> l.startsWith("cora"))
                .findFirst()
                .orElseThrow();
        assertThat(reprinted.substring(0, reprinted.lastIndexOf('|')))
                .isEqualTo(row.substring(0, row.lastIndexOf('|')));
    }

    @Test
    void aBrokenRunsFileIsNamedWithItsLine(@TempDir Path dir) throws java.io.IOException {
        Path runs = java.nio.file.Files.writeString(dir.resolve("runs.csv"), "dataset,model\n");
        Cli r = Cli.run("reproduce", "--from-runs", runs.toString());
        assertThat(r.exitCode()).isIn(1, 2);
        assertThat(r.err()).contains(runs + ":1").contains("expected the header");
    }

    @Test
    void theDirectedTablesOptionsNeedDirected() {
        for (String option : new String[] {"--features", "--kernels"}) {
            Cli r = Cli.run("reproduce", "--data-dir", "/nonexistent/gae4j-data", option);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("need --directed");
        }
        Cli lr = Cli.run("reproduce", "--data-dir", "/nonexistent/gae4j-data", "--lr", "0.01");
        assertThat(lr.exitCode()).as(lr.toString()).isEqualTo(2);
        assertThat(lr.err()).contains("need --directed");
    }

    @Test
    void withoutDataItSaysWhereItLooked() {
        Cli r = Cli.run(
                "reproduce",
                "--data-dir",
                "/nonexistent/gae4j-data",
                "--datasets",
                "cora",
                "--seeds",
                "1",
                "--epochs",
                "1");
        assertThat(r.exitCode()).isIn(1, 2);
        assertThat(r.err()).contains("/nonexistent/gae4j-data");
    }
}
