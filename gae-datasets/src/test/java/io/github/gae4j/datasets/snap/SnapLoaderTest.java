// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gae4j.core.graph.Graph;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

final class SnapLoaderTest {

    /**
     * Nodes 30, 4, 100, 7 (first appearance order), edges 30-4, 4-100, 100-7 plus a reversed line, a duplicate
     * line and a self-loop; comments at the top and in the middle, a blank line, spaces and TABs, CRLF, trailing
     * whitespace.
     */
    static final String EDGES = """
            # Directed graph: toy\s
            # FromNodeId\tToNodeId
            30\t4
            4 100\r

              # a comment after data
            100\t7\t
            4\t30
            30\t4
            7\t7
            """;

    @TempDir
    Path tmp;

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (file.getFileName().toString().endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SnapResult read(String name, String text, SnapOptions options) {
        return new SnapLoader(write(tmp.resolve(name), text), options).read();
    }

    private static List<String> edges(Graph g) {
        var e = g.upperTriangleEdges();
        List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < e.srcArray().length; k++) {
            out.add(g.nodeIds().get(e.srcArray()[k]) + "-" + g.nodeIds().get(e.dstArray()[k]));
        }
        return out;
    }

    @Test
    void integerIdsAreNumberedInNumericOrder() {
        SnapResult r = read("toy.txt", EDGES, SnapOptions.DEFAULTS);
        Graph g = r.graph();

        assertThat(g.name()).isEqualTo("toy");
        assertThat(g.nodeIds()).containsExactly("4", "7", "30", "100");
        assertThat(edges(g)).containsExactlyInAnyOrder("4-30", "4-100", "7-100");
        assertThat(g.features()).isEmpty();
        assertThat(g.hasLabels()).isFalse();

        SnapReport report = r.report();
        assertThat(report.ids()).isEqualTo(IdMode.INT);
        assertThat(report.separator()).isEqualTo(Separator.WHITESPACE);
        assertThat(report.nodes()).isEqualTo(4);
        assertThat(report.edges()).isEqualTo(3);
        assertThat(report.edgeLines()).isEqualTo(6);
        assertThat(report.commentLines()).isEqualTo(3);
        assertThat(report.selfLoopsDropped()).isEqualTo(1);
        assertThat(report.duplicateLinesMerged()).isEqualTo(1);
        assertThat(report.reverseLinesMerged()).isEqualTo(1);
        assertThat(report.edgeLines())
                .isEqualTo(report.edges()
                        + report.selfLoopsDropped()
                        + report.duplicateLinesMerged()
                        + report.reverseLinesMerged()
                        + report.nonPositiveWeightLinesDropped());
        assertThat(report.weightColumn()).isFalse();
        assertThat(report.firstNonIntegerId()).isNull();
    }

    @Test
    void stringIdsKeepFirstAppearanceOrder() {
        SnapResult forced = read("toy.txt", EDGES, SnapOptions.DEFAULTS.withIds(IdMode.STRING));
        SnapResult auto = read("names.txt", "alice bob\nbob carol\n7 alice\n", SnapOptions.DEFAULTS);

        assertThat(forced.graph().nodeIds()).containsExactly("30", "4", "100", "7");
        assertThat(forced.report().ids()).isEqualTo(IdMode.STRING);
        assertThat(edges(forced.graph())).containsExactlyInAnyOrder("30-4", "4-100", "100-7");
        assertThat(auto.graph().nodeIds()).containsExactly("alice", "bob", "carol", "7");
        assertThat(auto.report().ids()).isEqualTo(IdMode.STRING);
        assertThat(auto.report().firstNonIntegerId()).isEqualTo("alice");
    }

    @Test
    void integerIdsAreNumbersSoLeadingZerosDoNotMakeNewNodes() {
        SnapResult r = read("z.txt", "007 8\n7 9\n-3 +8\n", SnapOptions.DEFAULTS);

        assertThat(r.graph().nodeIds()).containsExactly("-3", "7", "8", "9");
        assertThat(r.graph().edgeCount()).isEqualTo(3);
        assertThat(r.report().duplicateLinesMerged()).isZero();
    }

    @Test
    void gzipIsReadTransparentlyByNameOrMagic() {
        SnapResult gz = read("toy.txt.gz", EDGES, SnapOptions.DEFAULTS);
        Path disguised = tmp.resolve("gzipped-without-suffix.txt");
        try {
            Files.move(write(tmp.resolve("tmp.gz"), EDGES), disguised);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SnapResult magic = new SnapLoader(disguised).read();

        assertThat(gz.graph().name()).isEqualTo("toy");
        assertThat(edges(gz.graph())).containsExactlyInAnyOrder("4-30", "4-100", "7-100");
        assertThat(edges(magic.graph())).containsExactlyInAnyOrder("4-30", "4-100", "7-100");
    }

    @Test
    void directedInputIsStoredUndirectedAndReportsReciprocalPairs() {
        SnapResult r = read("toy.txt", EDGES, SnapOptions.DEFAULTS.withDirected(true));

        assertThat(r.graph().edgeCount()).isEqualTo(3);
        assertThat(r.report().directed()).isTrue();
        assertThat(r.report().directedEdges()).isEqualTo(4);
        assertThat(r.report().reciprocalPairs()).isEqualTo(1);
        assertThat(r.report().summary())
                .contains("4 distinct directed edges, of which 1 reciprocal pairs")
                .contains("stored undirected");
    }

    @Test
    void aWeightColumnIsCheckedAndIgnored() {
        String weighted = "1 2 0.5\n2 3 -1\n3 1 1e3\n";

        SnapResult ignore = read("w.txt", weighted, SnapOptions.DEFAULTS);
        SnapResult positive = read("w.txt", weighted, SnapOptions.DEFAULTS.withWeights(WeightPolicy.POSITIVE));

        assertThat(ignore.graph().edgeCount()).isEqualTo(3);
        assertThat(ignore.report().weightColumn()).isTrue();
        assertThat(ignore.report().minWeight()).isEqualTo(-1);
        assertThat(ignore.report().maxWeight()).isEqualTo(1000);
        assertThat(ignore.report().summary()).contains("third column read as weights in [-1, 1000] and ignored");
        assertThat(positive.graph().edgeCount()).isEqualTo(2);
        assertThat(positive.graph().nodeCount()).isEqualTo(3);
        assertThat(positive.report().nonPositiveWeightLinesDropped()).isEqualTo(1);
        assertThat(positive.report().summary()).contains("dropped 1 lines with weight <= 0");
    }

    @Test
    void csvAndTabSeparators() {
        SnapResult csv = read("e.csv", "a, b\nb,c d\n\n", SnapOptions.DEFAULTS);
        SnapResult tab = read(
                "e.tsv",
                "New York\tBoston\nBoston\tSan Francisco\n",
                SnapOptions.DEFAULTS.withSeparator(Separator.TAB));

        assertThat(csv.report().separator()).isEqualTo(Separator.COMMA);
        assertThat(csv.graph().nodeIds()).containsExactly("a", "b", "c d");
        assertThat(tab.graph().nodeIds()).containsExactly("New York", "Boston", "San Francisco");
    }

    @Test
    void headerAndCommentOptions() {
        SnapResult header = read("h.csv", "source,target\n1,2\n2,3\n", SnapOptions.DEFAULTS.withHeader(true));
        SnapResult percent = read(
                "p.txt",
                "% KONECT style\n1 2\n#3 4\n",
                SnapOptions.DEFAULTS.withComment("%").withIds(IdMode.STRING));

        assertThat(header.report().headerLine()).isEqualTo("source,target");
        assertThat(header.report().ids()).isEqualTo(IdMode.INT);
        assertThat(header.graph().nodeIds()).containsExactly("1", "2", "3");
        assertThat(percent.report().commentLines()).isEqualTo(1);
        assertThat(percent.graph().nodeIds()).containsExactly("1", "2", "#3", "4");
    }

    @Test
    void aLikelyHeaderGetsAHint() {
        List<ILoggingEvent> events = logged(() -> read("h.csv", "source,target\n1,2\n2,3\n", SnapOptions.DEFAULTS));

        assertThat(events).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("h.csv:1").contains("header=true");
        });
    }

    @Test
    void logsOneInfoLineWithEverythingReadAndSkipped() {
        List<ILoggingEvent> events = logged(() -> read("toy.txt", EDGES, SnapOptions.DEFAULTS));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(events.get(0).getFormattedMessage())
                .contains("Read edge list 'toy' (undirected, integer ids in numeric order, separator=whitespace)")
                .contains("4 nodes, 3 undirected edges")
                .contains("3 comment lines skipped")
                .contains("of 6 edge lines: dropped 1 self-loops, merged 1 duplicate lines and 1 lines listing an"
                        + " edge in reverse")
                .contains("no weight column");
    }

    @Test
    void oneStrayTokenAmongIntegerIdsWarnsWithItsLineAndTheCounts() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 1500; i++) {
            text.append(i).append(' ').append(i + 1).append('\n');
        }
        text.append("1501 x17\n1502 1503\n");
        List<ILoggingEvent> events = logged(() -> read("stray.txt", text.toString(), SnapOptions.DEFAULTS));

        List<String> warnings = events.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .contains("stray.txt: mixed node ids: 1503 are integers and 1 are not")
                .contains("first on line 1501 ('x17')")
                .contains("ids=int");
    }

    @Test
    void negativeIdsWarnWithTheirLines() {
        List<ILoggingEvent> events = logged(() -> read("neg.txt", "1 2\n-3 4\n5 -6\n-3 1\n", SnapOptions.DEFAULTS));

        assertThat(events.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage))
                .singleElement()
                .asString()
                .contains("neg.txt: 2 node ids are negative (first on lines 2 ('-3'), 3" + " ('-6'))");
    }

    @Test
    void pureStringIdsDoNotWarn() {
        List<ILoggingEvent> events = logged(() -> read("names.txt", "alice bob\nbob carol\n", SnapOptions.DEFAULTS));

        assertThat(events).noneMatch(e -> e.getLevel() == Level.WARN);
    }

    private static List<ILoggingEvent> logged(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(SnapLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }
}
