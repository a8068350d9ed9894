// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

/** One chart slot of the report: a rendered PNG, or a note saying why the chart is missing. */
sealed interface Figure {

    /** The PNG's file name next to report.html, also when the chart was skipped. */
    String fileName();

    String heading();

    /** A rendered chart with a one-line caption. */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    record Image(String fileName, String heading, String caption, byte[] png, int width, int height)
            implements Figure {}

    /** A chart that was not drawn, and why. */
    record Skipped(String fileName, String heading, String reason) implements Figure {}
}
