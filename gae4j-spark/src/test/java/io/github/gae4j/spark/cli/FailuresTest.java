// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.cli.GaeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private static String report(Exception e, int expectedCode) {
        StringWriter text = new StringWriter();
        int code = Failures.report(e, new PrintWriter(text), false);
        assertThat(code).isEqualTo(expectedCode);
        return text.toString();
    }

    @Test
    void aContextStoppedByAFatalTaskErrorIsNotReportedAsOurBug() {
        // What the driver saw at 10M nodes after an executor ran out of memory in local mode.
        String out = report(
                new NullPointerException(
                        "Cannot invoke \"org.apache.spark.scheduler.DAGScheduler.cleanupQueryJobs(long)\""
                                + " because the return value of \"org.apache.spark.SparkContext.dagScheduler()\" is null"),
                GaeCommand.FAILURE);
        assertThat(out)
                .startsWith("gae-spark: Spark stopped while the command ran: a task failed fatally")
                .contains("if it is java.lang.OutOfMemoryError")
                .contains("--executor-memory");
        assertThat(out).doesNotContain("internal error");

        String aborted = report(
                new IllegalStateException(
                        "Job aborted",
                        new RuntimeException("Lost task 0.0: java.lang.OutOfMemoryError: Java heap space")),
                GaeCommand.FAILURE);
        assertThat(aborted)
                .startsWith("gae-spark: a task ran out of memory (java.lang.OutOfMemoryError)")
                .contains("--executor-memory")
                .doesNotContain("internal error");
    }

    @Test
    void anythingElseUnexpectedIsStillAnInternalError() {
        assertThat(report(new IllegalStateException("boom"), GaeCommand.FAILURE))
                .startsWith("gae-spark: internal error: boom");
    }
}
