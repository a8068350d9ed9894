// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.datasets.DataDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gae bench}'s options. The tables themselves take half a minute even without data (the dense
 * products are timed over many repetitions), so the suite checks only what fails before any timing.
 */
final class BenchCommandTest {

    @Test
    void anUnknownDatasetOrABadEpochCountIsAUsageError() {
        Cli unknown = Cli.run("bench", "--datasets", "cora,corra");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("Unknown benchmark dataset 'corra'")
                .contains("[cora, citeseer, pubmed, synthetic-1m]");
        Cli epochs = Cli.run("bench", "--epochs", "0");
        assertThat(epochs.exitCode()).as(epochs.toString()).isEqualTo(2);
        assertThat(epochs.err()).contains("--epochs must be at least 1");
    }

    @Test
    void thePredictSuiteSkipsMissingDataAndRejectsUnknownDatasets(@TempDir Path empty) {
        Cli missing = Cli.run("bench", "--suite", "predict", "--data-dir", empty.toString());
        assertThat(missing.exitCode()).as(missing.toString()).isZero();
        assertThat(missing.out()).contains("2 threads").contains("pubmed: skipped, not found under");
        Cli unknown = Cli.run("bench", "--suite", "predict", "--datasets", "synthetic-1m");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown dataset 'synthetic-1m' for the predict suite");
    }

    /** Cora is small enough to run the whole predict suite (no timing is checked, only the answers agree). */
    @Test
    void thePredictSuiteOnCoraFindsTheBaselinesAnswers() {
        Optional<Path> root = DataDirectories.find()
                .filter(r -> Files.isDirectory(r.resolve("linqs").resolve("cora")));
        Assumptions.assumeTrue(
                root.isPresent(), "Cora not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Cli cora = Cli.run(
                "bench",
                "--suite",
                "predict",
                "--datasets",
                "cora",
                "--threads",
                "2",
                "--data-dir",
                root.get().toString());
        assertThat(cora.exitCode()).as(cora.toString()).isZero();
        assertThat(cora.out())
                .contains("exact (blocked inner products, 2 threads)")
                .containsPattern("global top-1000 .* yes ")
                .containsPattern("per-node top-10, all nodes .* yes ")
                .doesNotContain(" NO ");
    }
}
