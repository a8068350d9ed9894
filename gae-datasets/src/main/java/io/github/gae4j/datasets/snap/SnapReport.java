// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link SnapLoader} read from an edge list and what it dropped or merged, and why. Every edge line is
 * accounted for:
 * {@code edgeLines = edges + selfLoopsDropped + duplicateLinesMerged + reverseLinesMerged + nonPositiveWeightLinesDropped}.
 *
 * @param file                          the edge list
 * @param name                          the dataset name (file name without {@code .gz} and its extension)
 * @param directed                      whether the input was declared directed (the graph is undirected either way)
 * @param ids                           how ids were read: {@link IdMode#INT} or {@link IdMode#STRING} ({@code auto} resolved)
 * @param separator                     the field separator used ({@code auto} resolved)
 * @param nodes                         distinct node ids (including ids seen only in self-loops or dropped lines)
 * @param edges                         undirected edges without self-loops
 * @param edgeLines                     lines read as edges (not blank, comment or header)
 * @param commentLines                  comment lines skipped
 * @param headerLine                    the header line skipped, or null
 * @param selfLoopsDropped              lines with both ends equal (the model adds I itself)
 * @param duplicateLinesMerged          lines repeating an earlier line's (from, to) pair
 * @param reverseLinesMerged            lines whose reverse pair is listed too: for a directed input the number
 *                                      of reciprocal pairs, each stored as one undirected edge
 * @param weightColumn                  whether lines have a third (weight) column; it is never stored
 * @param minWeight                     the smallest weight read (NaN without a weight column)
 * @param maxWeight                     the largest weight read (NaN without a weight column)
 * @param weights                       the weight policy used
 * @param nonPositiveWeightLinesDropped lines dropped for a weight ≤ 0 under {@link WeightPolicy#POSITIVE}
 * @param firstNonIntegerId             with ids=auto, the first id that is not an integer (why ids are strings), or null
 */
public record SnapReport(
        Path file,
        String name,
        boolean directed,
        IdMode ids,
        Separator separator,
        int nodes,
        int edges,
        long edgeLines,
        long commentLines,
        String headerLine,
        long selfLoopsDropped,
        long duplicateLinesMerged,
        long reverseLinesMerged,
        boolean weightColumn,
        double minWeight,
        double maxWeight,
        WeightPolicy weights,
        long nonPositiveWeightLinesDropped,
        String firstNonIntegerId) {

    public SnapReport {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(ids, "ids is null");
        Objects.requireNonNull(separator, "separator is null");
        Objects.requireNonNull(weights, "weights is null");
    }

    /** Distinct directed (from, to) pairs without self-loops. */
    public long directedEdges() {
        return edges + reverseLinesMerged;
    }

    /** Pairs listed in both directions (each became one undirected edge). */
    public long reciprocalPairs() {
        return reverseLinesMerged;
    }

    /** The one line {@link SnapLoader} logs at INFO. */
    public String summary() {
        String idPart = ids == IdMode.INT
                ? "integer ids in numeric order"
                : firstNonIntegerId != null
                        ? "string ids in order of first appearance (e.g. '" + firstNonIntegerId + "' is not an integer)"
                        : "string ids in order of first appearance";
        String skippedPart = String.format(
                Locale.ROOT,
                "%d comment lines%s skipped",
                commentLines,
                headerLine == null ? "" : " and a header line");
        String mergePart = directed
                ? String.format(
                        Locale.ROOT,
                        "merged %d duplicate lines; %d distinct directed edges, of which %d"
                                + " reciprocal pairs each became one undirected edge (directed input, stored undirected:"
                                + " GAE uses undirected graphs)",
                        duplicateLinesMerged,
                        directedEdges(),
                        reverseLinesMerged)
                : String.format(
                        Locale.ROOT,
                        "merged %d duplicate lines and %d lines listing an edge in reverse",
                        duplicateLinesMerged,
                        reverseLinesMerged);
        String weightPart;
        if (!weightColumn) {
            weightPart = "no weight column";
        } else if (weights == WeightPolicy.POSITIVE) {
            weightPart = String.format(
                    Locale.ROOT,
                    "dropped %d lines with weight <= 0 (weights=positive); weights in"
                            + " [%s, %s] otherwise ignored (Graph has no edge weights)",
                    nonPositiveWeightLinesDropped,
                    number(minWeight),
                    number(maxWeight));
        } else {
            weightPart = String.format(
                    Locale.ROOT,
                    "third column read as weights in [%s, %s] and ignored (Graph has" + " no edge weights)",
                    number(minWeight),
                    number(maxWeight));
        }
        return String.format(
                Locale.ROOT,
                "Read edge list '%s' (%s, %s, separator=%s) from %s: %d nodes, %d undirected edges, no features"
                        + " (X = I), no labels; %s; of %d edge lines: dropped %d self-loops, %s; %s",
                name,
                directed ? "directed" : "undirected",
                idPart,
                separator,
                file,
                nodes,
                edges,
                skippedPart,
                edgeLines,
                selfLoopsDropped,
                mergePart,
                weightPart);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
