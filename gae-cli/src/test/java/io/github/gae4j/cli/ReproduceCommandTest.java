package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.datasets.DataDirectories;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The reproduce subcommand prints the paper table (a short smoke run). */
final class ReproduceCommandTest {

    @Test
    void printsTheTableForCora() {
        Optional<Path> root = DataDirectories.find().filter(r -> r.resolve("planetoid").toFile().isDirectory());
        Assumptions.assumeTrue(root.isPresent(),
                "Planetoid data not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Cli r = Cli.run("reproduce", "--data-dir", root.get().toString(), "--datasets", "cora", "--models", "gae",
                "--seeds", "1", "--epochs", "20", "--threads", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("cora").contains("gae").contains("91.0 / 92.0");
    }

    @Test
    void printsTheDirectedTable() {
        Optional<Path> root = DataDirectories.find().filter(r -> r.resolve("linqs").toFile().isDirectory());
        Assumptions.assumeTrue(root.isPresent(),
                "LINQS data not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Cli r = Cli.run("reproduce", "--directed", "--data-dir", root.get().toString(), "--datasets", "cora",
                "--models", "gravity-gae", "--tasks", "general", "--seeds", "1", "--epochs", "5", "--threads", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("cora").contains("gravity-gae");
        Cli tasksAlone = Cli.run("reproduce", "--data-dir", root.get().toString(), "--tasks", "general");
        assertThat(tasksAlone.exitCode()).isEqualTo(2);
        assertThat(tasksAlone.err()).contains("--directed");
    }

    @Test
    void withoutDataItSaysWhereItLooked() {
        Cli r = Cli.run("reproduce", "--data-dir", "/nonexistent/gae4j-data", "--datasets", "cora", "--seeds", "1",
                "--epochs", "1");
        assertThat(r.exitCode()).isIn(1, 2);
        assertThat(r.err()).contains("/nonexistent/gae4j-data");
    }
}
