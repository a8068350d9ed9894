// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gae bench --suite approx}: its argument checks, and the table on a graph small enough for a test. */
final class ApproxBenchCommandTest {

    @Test
    void tooFewNodesOrAnUnknownKindIsAUsageError() {
        Cli few = Cli.run("bench", "--suite", "approx", "--nodes", "10");
        assertThat(few.exitCode()).as(few.toString()).isEqualTo(2);
        assertThat(few.err()).contains("--nodes must be at least 1000");
        Cli kind = Cli.run("bench", "--suite", "approx", "--datasets", "clustered,uniform");
        assertThat(kind.exitCode()).as(kind.toString()).isEqualTo(2);
        assertThat(kind.err()).contains("Unknown embedding kind 'uniform'").contains("clustered, gaussian");
    }

    @Test
    void printsBuildQueryRecallAndExactTimes() {
        Cli run = Cli.run("bench", "--suite", "approx", "--nodes", "2000", "--datasets", "clustered", "-t", "2");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        assertThat(run.out())
                .contains("top-10 for 200 sampled nodes of 2000, 16 dims")
                .contains("clustered: exact")
                .contains("recall@10")
                .containsPattern("clustered +2000 +100 \\|");
    }
}
