// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
