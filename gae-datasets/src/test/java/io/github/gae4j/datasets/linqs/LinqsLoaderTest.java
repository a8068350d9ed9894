// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import static io.github.gae4j.datasets.linqs.LinqsFixtures.tsv;
import static io.github.gae4j.datasets.linqs.LinqsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

final class LinqsLoaderTest {

    /** Five papers: two of class A, one unlabelled, a non-binary value in the last row. */
    private static final String CONTENT = tsv("p1 1 0 0 A", "p2 0 1 0 B", "p3 0 0 1 A", "p4 1 1 0 -", "007 0.5 0 0 C");

    /**
     * Edges p1-p2 (plus a reciprocal and a duplicate line), p3-p1, p4-007; a self-loop; two lines
     * naming the unknown id 'ghost'; a blank line; fields separated by spaces on one line.
     */
    private static final String CITES = """
            p1\tp2
            p2\tp1
            p1\tp2
            p3\tp3
            p3\tp1
            ghost\tp1

            p4   007
            p4\tghost
            """;

    @TempDir
    Path tmp;

    private Path dataset(String dir, String contentName, String citesName) {
        Path d = tmp.resolve(dir);
        write(d.resolve(contentName), CONTENT);
        write(d.resolve(citesName), CITES);
        return d;
    }

    @Test
    void readsNodesFeaturesLabelsAndEdgesDroppingDanglingLines() {
        LinqsResult result = new LinqsLoader(dataset("plain", "toy.content", "toy.cites")).read();
        Graph g = result.graph();

        assertThat(g.name()).isEqualTo("toy");
        assertThat(g.nodeCount()).isEqualTo(5);
        assertThat(g.nodeIds()).containsExactly("p1", "p2", "p3", "p4", "007");
        assertThat(g.classNames()).containsExactly("A", "B", "C");
        assertThat(g.labels()).containsExactly(0, 1, 0, Graph.NO_LABEL, 2);
        assertThat(edges(g)).containsExactlyInAnyOrder("p1-p2", "p1-p3", "p4-007");

        Features x = g.features().orElseThrow();
        assertThat(x).isInstanceOf(Features.Sparse.class);
        SparseMatrix m = ((Features.Sparse) x).matrix();
        assertThat(m.rows()).isEqualTo(5);
        assertThat(m.cols()).isEqualTo(3);
        assertThat(m.nnz()).isEqualTo(6);
        assertThat(m.get(3, 0)).isEqualTo(1.0);
        assertThat(m.get(3, 1)).isEqualTo(1.0);
        assertThat(m.get(4, 0)).isEqualTo(0.5);
        assertThat(m.get(4, 1)).isZero();

        LinqsReport r = result.report();
        assertThat(r.nodes()).isEqualTo(5);
        assertThat(r.edges()).isEqualTo(3);
        assertThat(r.featureDim()).isEqualTo(3);
        assertThat(r.featureNonZeros()).isEqualTo(6);
        assertThat(r.classes()).isEqualTo(3);
        assertThat(r.unlabelledNodes()).isEqualTo(1);
        assertThat(r.citeLines()).isEqualTo(8);
        assertThat(r.selfLoopsDropped()).isEqualTo(1);
        assertThat(r.duplicateLinesMerged()).isEqualTo(1);
        assertThat(r.reciprocalLinesMerged()).isEqualTo(1);
        assertThat(r.danglingLines()).isEqualTo(2);
        assertThat(r.danglingLinesDropped()).isEqualTo(2);
        assertThat(r.danglingIds()).containsExactly("ghost");
        assertThat(r.danglingNodesAdded()).isZero();
        assertThat(r.edges()
                        + r.selfLoopsDropped()
                        + r.duplicateLinesMerged()
                        + r.reciprocalLinesMerged()
                        + r.danglingLinesDropped())
                .isEqualTo(r.citeLines());
    }

    @Test
    void addPolicyAppendsDanglingIdsAsFeaturelessUnlabelledNodes() {
        LinqsResult result = new LinqsLoader(dataset("plain", "toy.content", "toy.cites"), DanglingPolicy.ADD).read();
        Graph g = result.graph();

        assertThat(g.nodeIds()).containsExactly("p1", "p2", "p3", "p4", "007", "ghost");
        assertThat(g.labels()).containsExactly(0, 1, 0, Graph.NO_LABEL, 2, Graph.NO_LABEL);
        assertThat(edges(g)).containsExactlyInAnyOrder("p1-p2", "p1-p3", "p4-007", "p1-ghost", "p4-ghost");
        SparseMatrix m = ((Features.Sparse) g.features().orElseThrow()).matrix();
        assertThat(m.rows()).isEqualTo(6);
        assertThat(m.rowNnz(5)).isZero();

        LinqsReport r = result.report();
        assertThat(r.dangling()).isEqualTo(DanglingPolicy.ADD);
        assertThat(r.nodes()).isEqualTo(6);
        assertThat(r.edges()).isEqualTo(5);
        assertThat(r.unlabelledNodes()).isEqualTo(2);
        assertThat(r.danglingLines()).isEqualTo(2);
        assertThat(r.danglingLinesDropped()).isZero();
        assertThat(r.danglingNodesAdded()).isEqualTo(1);
        assertThat(r.edges() + r.selfLoopsDropped() + r.duplicateLinesMerged() + r.reciprocalLinesMerged())
                .isEqualTo(r.citeLines());
    }

    @Test
    void danglingIdsAreAddedInOrderOfFirstAppearance() {
        Path d = tmp.resolve("order");
        write(d.resolve("o.content"), tsv("a 1 X", "b 0 Y"));
        write(d.resolve("o.cites"), tsv("z a", "b y", "x z", "y a"));

        LinqsResult r = LinqsLoader.read(d, DanglingPolicy.ADD);

        assertThat(r.graph().nodeIds()).containsExactly("a", "b", "z", "y", "x");
        assertThat(r.report().danglingIds()).containsExactly("z", "y", "x");
        assertThat(r.report().danglingLines()).isEqualTo(4);
        assertThat(edges(r.graph())).containsExactlyInAnyOrder("a-z", "b-y", "z-x", "a-y");
    }

    @Test
    void gzippedFilesGiveTheSameGraph() {
        Graph plain = new LinqsLoader(dataset("plain", "toy.content", "toy.cites")).load();
        Graph gz = new LinqsLoader(dataset("gz", "toy.content.gz", "toy.cites.gz")).load();
        Graph mixed = new LinqsLoader(dataset("mixed", "toy.content.gz", "toy.cites")).load();

        for (Graph g : List.of(gz, mixed)) {
            assertThat(g.name()).isEqualTo("toy");
            assertThat(g.nodeIds()).isEqualTo(plain.nodeIds());
            assertThat(edges(g)).isEqualTo(edges(plain));
            assertThat(g.labels()).isEqualTo(plain.labels());
            assertThat(g.features().orElseThrow().toDense())
                    .isEqualTo(plain.features().orElseThrow().toDense());
        }
    }

    @Test
    void acceptsTheContentFileItselfAsPath() {
        Path d = dataset("gz", "toy.content.gz", "toy.cites");
        write(d.resolve("other.content"), tsv("q 1 A"));

        LinqsResult r = new LinqsLoader(d.resolve("toy.content.gz")).read();

        assertThat(r.graph().nodeCount()).isEqualTo(5);
        assertThat(r.report().contentFile()).isEqualTo(d.resolve("toy.content.gz"));
        assertThat(r.report().citesFile()).isEqualTo(d.resolve("toy.cites"));
    }

    @Test
    void splitsOnRunsOfWhitespaceAndIgnoresBlankLinesAndCrlf() {
        Path d = tmp.resolve("ws");
        write(d.resolve("w.content"), "\r\n  a  1 \t 0   X \r\n\n\t\nb\t0\t1\tY\r\n");
        write(d.resolve("w.cites"), "\n a   b \r\n\r\n");

        LinqsResult r = new LinqsLoader(d).read();

        assertThat(r.graph().nodeIds()).containsExactly("a", "b");
        assertThat(r.graph().edgeCount()).isEqualTo(1);
        assertThat(r.report().citeLines()).isEqualTo(1);
        assertThat(r.graph().features().orElseThrow().toDense().get(0, 0)).isEqualTo(1.0);
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstId() {
        Path d = tmp.resolve("bom");
        write(d.resolve("b.content"), "\uFEFFa\t1\tX\nb\t0\tX\n");
        write(d.resolve("b.cites"), "\uFEFFa\tb\n");

        Graph g = new LinqsLoader(d).load();

        assertThat(g.nodeIds()).containsExactly("a", "b");
        assertThat(g.edgeCount()).isEqualTo(1);
    }

    @Test
    void idsStayStringsAndFeaturesMayBeAnyFiniteNumber() {
        Path d = tmp.resolve("ids");
        write(d.resolve("n.content"), tsv("7 1 0 A", "007 -2.5e1 3 A", "07 .5 +1.0E-1 B"));
        write(d.resolve("n.cites"), tsv("7 007", "007 07"));

        Graph g = new LinqsLoader(d).load();

        assertThat(g.nodeIds()).containsExactly("7", "007", "07");
        assertThat(edges(g)).containsExactlyInAnyOrder("7-007", "007-07");
        var x = g.features().orElseThrow().toDense();
        assertThat(x.get(1, 0)).isEqualTo(-25.0);
        assertThat(x.get(1, 1)).isEqualTo(3.0);
        assertThat(x.get(2, 0)).isEqualTo(0.5);
        assertThat(x.get(2, 1)).isEqualTo(0.1);
    }

    @Test
    void noFeatureColumnsMeansAFeaturelessGraph() {
        Path d = tmp.resolve("nofeat");
        write(d.resolve("f.content"), tsv("a 0", "b 1", "c -"));
        write(d.resolve("f.cites"), tsv("a b", "b c", "c c"));

        LinqsResult r = new LinqsLoader(d).read();

        assertThat(r.graph().features()).isEmpty();
        assertThat(r.report().featureDim()).isZero();
        assertThat(r.graph().classNames()).containsExactly("0", "1");
        assertThat(r.graph().labels()).containsExactly(0, 1, Graph.NO_LABEL);
        assertThat(r.report().summary()).contains("no feature columns (X = I)");
    }

    @Test
    void logsOneInfoLineWithEverythingReadAndSkipped() {
        Logger logger = (Logger) LoggerFactory.getLogger(LinqsLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            new LinqsLoader(dataset("plain", "toy.content", "toy.cites")).read();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).hasSize(1);
        ILoggingEvent event = appender.list.get(0);
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getFormattedMessage())
                .contains("'toy'")
                .contains("5 nodes")
                .contains("3 undirected edges")
                .contains("3 features (6 non-zero)")
                .contains("3 classes")
                .contains("1 unlabelled")
                .contains("of 8 cites lines")
                .contains("dropped 1 self-loops")
                .contains("merged 1 duplicate and 1 reciprocal lines")
                .contains("dropped 2 dangling lines (1 distinct ids not in toy.content");
    }

    /** Undirected edges as "id-id" with the smaller node index first. */
    static List<String> edges(Graph g) {
        var e = g.upperTriangleEdges();
        int[] s = e.srcArray();
        int[] d = e.dstArray();
        String[] out = new String[s.length];
        for (int k = 0; k < s.length; k++) {
            out[k] = g.nodeIds().get(s[k]) + "-" + g.nodeIds().get(d[k]);
        }
        Arrays.sort(out);
        return List.of(out);
    }
}
