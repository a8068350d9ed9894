// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import static io.github.gae4j.datasets.linqs.LinqsFixtures.tsv;
import static io.github.gae4j.datasets.linqs.LinqsFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.datasets.DataDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code directed} option: citations kept as edges citing → cited. */
final class LinqsDirectedTest {

    private static final String CONTENT = tsv("p1 1 0 A", "p2 0 1 B", "p3 1 1 A", "p4 0 0 B");

    /** p2 cites p1, and p1 cites p2 (reciprocal); p3 cites p1 twice; a self-loop; a dangling line. */
    private static final String CITES = """
            p1\tp2
            p2\tp1
            p1\tp3
            p1\tp3
            p4\tp4
            ghost\tp4
            """;

    @TempDir
    Path tmp;

    private Path dataset() {
        write(tmp.resolve("toy.content"), CONTENT);
        write(tmp.resolve("toy.cites"), CITES);
        return tmp;
    }

    @Test
    void keepsEveryCitationAsAnEdgeFromCitingToCited() {
        LinqsResult r = new LinqsLoader(dataset()).withDirected(true).read();
        Graph g = r.graph();
        assertThat(g.isDirected()).isTrue();
        assertThat(g.edgeCount()).isEqualTo(3);
        // Node order p1, p2, p3, p4: p2 → p1, p1 → p2, p3 → p1.
        assertThat(g.adjacency().contains(1, 0)).isTrue();
        assertThat(g.adjacency().contains(0, 1)).isTrue();
        assertThat(g.adjacency().contains(2, 0)).isTrue();
        assertThat(g.adjacency().contains(0, 2)).isFalse();
        LinqsReport report = r.report();
        assertThat(report.directed()).isTrue();
        assertThat(report.edges()).isEqualTo(3);
        assertThat(report.reciprocalLinesMerged()).isZero();
        assertThat(report.duplicateLinesMerged()).isEqualTo(1);
        assertThat(report.selfLoopsDropped()).isEqualTo(1);
        assertThat(report.edges()
                        + report.selfLoopsDropped()
                        + report.duplicateLinesMerged()
                        + report.reciprocalLinesMerged()
                        + report.danglingLinesDropped())
                .isEqualTo(report.citeLines());
        assertThat(report.summary()).contains("3 directed edges (citing → cited)");
        assertThat(g.asUndirected().upperTriangleEdges())
                .isEqualTo(new LinqsLoader(dataset()).load().upperTriangleEdges());
    }

    @Test
    void undirectedByDefaultAndThroughTheFactoryOption() {
        Path d = dataset();
        assertThat(new LinqsLoader(d).directed()).isFalse();
        assertThat(new LinqsLoader(d).load().isDirected()).isFalse();
        assertThat(new LinqsLoader(d).read().report().directed()).isFalse();
        CreationContext context = new CreationContext(0, 0, 0);
        Graph directed = new LinqsLoaderFactory()
                .create(ComponentConfig.of("path", d, "directed", true), context)
                .load();
        assertThat(directed.isDirected()).isTrue();
        assertThat(directed.edgeCount()).isEqualTo(3);
        Graph undirected = new LinqsLoaderFactory()
                .create(ComponentConfig.of("path", d, "directed", false), context)
                .load();
        assertThat(undirected.isDirected()).isFalse();
        assertThat(undirected.edgeCount()).isEqualTo(2);
        assertThat(ComponentFactory.optionNames(new LinqsLoaderFactory())).contains("directed");
        LinqsLoader withCites = new LinqsLoader(d).withDirected(true).withCites(d.resolve("toy.cites"));
        assertThat(withCites.directed()).isTrue();
    }

    @Test
    void realCoraAndCiteseerDirected() {
        Path cora = DataDirectories.find("linqs", "cora").orElse(null);
        Assumptions.assumeTrue(
                cora != null && Files.exists(cora),
                () -> "Real dataset linqs/cora not found; to run" + " this test "
                        + DataDirectories.searchDescription());
        Graph g = new LinqsLoader(cora).withDirected(true).load();
        // 5429 citation lines, all distinct, no self-loops; 151 pairs cite each other.
        assertThat(g.nodeCount()).isEqualTo(2708);
        assertThat(g.edgeCount()).isEqualTo(5429);
        assertThat(g.asUndirected().edgeCount()).isEqualTo(5278);
        Path citeseer = DataDirectories.find("linqs", "citeseer").orElseThrow();
        LinqsResult c = new LinqsLoader(citeseer).withDirected(true).read();
        // 4732 lines − 124 self-citations − 17 dangling = 4591 lines; 55 reciprocal pairs among them.
        assertThat(c.graph().edgeCount())
                .isEqualTo(c.report().citeLines()
                        - c.report().selfLoopsDropped()
                        - c.report().duplicateLinesMerged()
                        - c.report().danglingLinesDropped());
        assertThat(c.graph().asUndirected().edgeCount()).isEqualTo(4536);
    }
}
