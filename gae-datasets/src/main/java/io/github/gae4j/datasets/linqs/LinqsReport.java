// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link LinqsLoader} read and what it skipped or merged, and why. Every non-blank line of
 * {@code .cites} is accounted for:
 * {@code citeLines = edges + selfLoopsDropped + duplicateLinesMerged + reciprocalLinesMerged + danglingLinesDropped()}.
 *
 * @param name                  dataset name (the file name before {@code .content})
 * @param contentFile           the {@code .content(.gz)} file read
 * @param citesFile             the {@code .cites(.gz)} file read
 * @param dangling              the policy for ids missing from {@code .content}
 * @param nodes                 nodes in the graph (including added dangling ids)
 * @param edges                 undirected edges without self-loops (directed edges if {@code directed})
 * @param featureDim            feature columns ({@code 0}: the graph has no features, X = I)
 * @param featureNonZeros       stored non-zero feature values
 * @param classes               distinct class labels ({@code -} is no label, not a class)
 * @param unlabelledNodes       nodes labelled {@code -} plus added dangling nodes
 * @param citeLines             non-blank lines in {@code .cites}
 * @param selfLoopsDropped      lines citing themselves (the model adds I itself)
 * @param duplicateLinesMerged  lines repeating an earlier line's (cited, citing) pair
 * @param reciprocalLinesMerged lines whose reverse pair came earlier (same undirected edge; 0 if {@code directed},
 *                              where such a line is an edge of its own)
 * @param danglingLines         lines naming at least one id that {@code .content} does not list
 * @param danglingIds           those ids, distinct, in order of first appearance
 * @param directed              whether the graph was read directed (citing → cited)
 */
public record LinqsReport(
        String name,
        Path contentFile,
        Path citesFile,
        DanglingPolicy dangling,
        int nodes,
        int edges,
        int featureDim,
        long featureNonZeros,
        int classes,
        int unlabelledNodes,
        long citeLines,
        int selfLoopsDropped,
        int duplicateLinesMerged,
        int reciprocalLinesMerged,
        int danglingLines,
        List<String> danglingIds,
        boolean directed) {

    /** An undirected read (the report's shape before directed graphs). */
    public LinqsReport(
            String name,
            Path contentFile,
            Path citesFile,
            DanglingPolicy dangling,
            int nodes,
            int edges,
            int featureDim,
            long featureNonZeros,
            int classes,
            int unlabelledNodes,
            long citeLines,
            int selfLoopsDropped,
            int duplicateLinesMerged,
            int reciprocalLinesMerged,
            int danglingLines,
            List<String> danglingIds) {
        this(
                name,
                contentFile,
                citesFile,
                dangling,
                nodes,
                edges,
                featureDim,
                featureNonZeros,
                classes,
                unlabelledNodes,
                citeLines,
                selfLoopsDropped,
                duplicateLinesMerged,
                reciprocalLinesMerged,
                danglingLines,
                danglingIds,
                false);
    }

    public LinqsReport {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(contentFile, "contentFile is null");
        Objects.requireNonNull(citesFile, "citesFile is null");
        Objects.requireNonNull(dangling, "dangling is null");
        danglingIds = List.copyOf(danglingIds);
    }

    /** Lines dropped because they name an unknown id (0 under {@link DanglingPolicy#ADD}). */
    public int danglingLinesDropped() {
        return dangling == DanglingPolicy.DROP ? danglingLines : 0;
    }

    /** Dangling ids appended as featureless, unlabelled nodes (0 under {@link DanglingPolicy#DROP}). */
    public int danglingNodesAdded() {
        return dangling == DanglingPolicy.ADD ? danglingIds.size() : 0;
    }

    /** The one line {@link LinqsLoader} logs at INFO. */
    public String summary() {
        String danglingPart = danglingLines == 0
                ? "no dangling ids"
                : dangling == DanglingPolicy.DROP
                        ? String.format(
                                Locale.ROOT,
                                "dropped %d dangling lines (%d distinct ids not in %s; dangling=add keeps them)",
                                danglingLines,
                                danglingIds.size(),
                                contentFile.getFileName())
                        : String.format(
                                Locale.ROOT,
                                "added %d dangling ids from %d lines as featureless, unlabelled nodes",
                                danglingIds.size(),
                                danglingLines);
        String featurePart = featureDim == 0
                ? "no feature columns (X = I)"
                : String.format(Locale.ROOT, "%d features (%d non-zero)", featureDim, featureNonZeros);
        if (directed) {
            return String.format(
                    Locale.ROOT,
                    "Read LINQS '%s' (dangling=%s, directed) from %s and %s: %d nodes, %d directed edges (citing →"
                            + " cited), %s, %d classes, %d unlabelled nodes; of %d cites lines: dropped %d self-loops,"
                            + " merged %d duplicate lines, %s",
                    name,
                    dangling,
                    contentFile,
                    sameDirectory() ? citesFile.getFileName() : citesFile,
                    nodes,
                    edges,
                    featurePart,
                    classes,
                    unlabelledNodes,
                    citeLines,
                    selfLoopsDropped,
                    duplicateLinesMerged,
                    danglingPart);
        }
        return String.format(
                Locale.ROOT,
                "Read LINQS '%s' (dangling=%s) from %s and %s: %d nodes, %d undirected edges, %s, %d classes,"
                        + " %d unlabelled nodes; of %d cites lines: dropped %d self-loops, merged %d duplicate"
                        + " and %d reciprocal lines, %s",
                name,
                dangling,
                contentFile,
                sameDirectory() ? citesFile.getFileName() : citesFile,
                nodes,
                edges,
                featurePart,
                classes,
                unlabelledNodes,
                citeLines,
                selfLoopsDropped,
                duplicateLinesMerged,
                reciprocalLinesMerged,
                danglingPart);
    }

    private boolean sameDirectory() {
        Path a = contentFile.toAbsolutePath().getParent();
        Path b = citesFile.toAbsolutePath().getParent();
        return a != null && a.equals(b);
    }
}
