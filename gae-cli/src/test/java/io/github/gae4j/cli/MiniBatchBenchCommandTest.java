// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gae bench --suite minibatch}: its argument checks, and the table on a graph small enough for a test. */
final class MiniBatchBenchCommandTest {

    @Test
    void badBatchSizeOrFanOutIsAUsageError() {
        Cli size = Cli.run("bench", "--suite", "minibatch", "--nodes", "2000", "--batch-size", "0");
        assertThat(size.exitCode()).as(size.toString()).isEqualTo(2);
        assertThat(size.err()).contains("--batch-size must be at least 1");
        Cli fan = Cli.run("bench", "--suite", "minibatch", "--nodes", "2000", "--fanout", "25,x");
        assertThat(fan.exitCode()).as(fan.toString()).isEqualTo(2);
    }

    @Test
    void printsBothModesWithTheBaselineInTheSameRun() {
        Cli run = Cli.run(
                "bench",
                "--suite",
                "minibatch",
                "--nodes",
                "3000",
                "--edges",
                "20000",
                "--batch-size",
                "256",
                "--batches-per-epoch",
                "2",
                "--seconds",
                "0.01",
                "--profile-batches",
                "2",
                "--val-pairs",
                "50",
                "-t",
                "2");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        assertThat(run.out())
                .contains("3000 nodes")
                .contains("per batch (median of 2, batch 256, fan-out 25,10)")
                .containsPattern("mini-batch +256 edges, fan-out 25,10")
                .containsPattern("full-batch NS +all \\d+ edges")
                .contains("val AUC");
    }
}
