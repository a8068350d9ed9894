// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.DataDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shared benchmark files (read in place); skipped when they are not available. */
final class LinqsRealDataTest {

    private static final String[] CITESEER_DANGLING = {
        "197556",
        "293457",
        "38137",
        "95786",
        "flach99database",
        "gabbard97taxonomy",
        "ghani01hypertext",
        "hahn98ontology",
        "khardon99relational",
        "kohrs99using",
        "nielsen00designing",
        "raisamo99evaluating",
        "tobies99pspace",
        "wang01process",
        "weng95shoslifn"
    };

    private static Path data(String first, String... more) {
        Path p = DataDirectories.find(first, more).orElse(null);
        Assumptions.assumeTrue(
                p != null && Files.exists(p),
                () -> "Real dataset " + Path.of(first, more) + " not found; to run this test "
                        + DataDirectories.searchDescription());
        return p;
    }

    @Test
    void linqsCora() {
        LinqsResult r = new LinqsLoader(data("linqs", "cora")).read();
        Graph g = r.graph();

        assertThat(g.name()).isEqualTo("cora");
        assertThat(g.nodeCount()).isEqualTo(2708);
        assertThat(g.edgeCount()).isEqualTo(5278);
        assertThat(g.classNames()).hasSize(7).contains("Case_Based", "Neural_Networks", "Theory");
        assertThat(Arrays.stream(g.labels()).filter(l -> l == Graph.NO_LABEL)).isEmpty();
        Features.Sparse x = (Features.Sparse) g.features().orElseThrow();
        assertThat(x.dim()).isEqualTo(1433);
        assertThat(x.matrix().nnz()).isEqualTo(49216);

        LinqsReport report = r.report();
        assertThat(report.featureDim()).isEqualTo(1433);
        assertThat(report.featureNonZeros()).isEqualTo(49216);
        assertThat(report.classes()).isEqualTo(7);
        assertThat(report.citeLines()).isEqualTo(5429);
        assertThat(report.selfLoopsDropped()).isZero();
        assertThat(report.duplicateLinesMerged()).isZero();
        assertThat(report.reciprocalLinesMerged()).isEqualTo(151);
        assertThat(report.danglingLines()).isZero();
        assertThat(report.danglingIds()).isEmpty();
    }

    @Test
    void linqsCiteseerDroppingDanglingCitations() {
        LinqsResult r = new LinqsLoader(data("linqs", "citeseer"), DanglingPolicy.DROP).read();

        assertThat(r.graph().nodeCount()).isEqualTo(3312);
        assertThat(r.graph().edgeCount()).isEqualTo(4536);
        assertThat(r.graph().nodeIds()).contains("zhu98line", "vonhardenberg01barehand");
        LinqsReport report = r.report();
        assertThat(report.featureDim()).isEqualTo(3703);
        assertThat(report.featureNonZeros()).isEqualTo(105165);
        assertThat(report.classes()).isEqualTo(6);
        assertThat(report.citeLines()).isEqualTo(4732);
        assertThat(report.selfLoopsDropped()).isEqualTo(124);
        assertThat(report.reciprocalLinesMerged()).isEqualTo(55);
        assertThat(report.duplicateLinesMerged()).isZero();
        assertThat(report.danglingLinesDropped()).isEqualTo(17);
        assertThat(report.danglingIds()).hasSize(15).containsExactlyInAnyOrder(CITESEER_DANGLING);
    }

    @Test
    void linqsCiteseerAddingDanglingIdsGivesThePlanetoidGraph() {
        LinqsResult r = new LinqsLoader(data("linqs", "citeseer"), DanglingPolicy.ADD).read();
        Graph g = r.graph();

        assertThat(g.nodeCount()).isEqualTo(3327);
        assertThat(g.edgeCount()).isEqualTo(4552);
        assertThat(g.nodeIds().subList(3312, 3327)).containsExactlyInAnyOrder(CITESEER_DANGLING);
        assertThat(Arrays.stream(g.labels()).filter(l -> l == Graph.NO_LABEL).count())
                .isEqualTo(15);
        Features.Sparse x = (Features.Sparse) g.features().orElseThrow();
        for (int i = 3312; i < 3327; i++) {
            assertThat(x.matrix().rowNnz(i)).isZero();
        }
        assertThat(r.report().danglingNodesAdded()).isEqualTo(15);
        assertThat(r.report().selfLoopsDropped()).isEqualTo(124);
    }

    @Test
    void planetoidCora() {
        LinqsResult r = new LinqsLoader(data("planetoid", "cora.content.gz")).read();

        assertThat(r.graph().nodeCount()).isEqualTo(2708);
        assertThat(r.graph().edgeCount()).isEqualTo(5278);
        assertThat(r.graph().nodeIds().get(0)).isEqualTo("0");
        assertThat(r.report().featureNonZeros()).isEqualTo(49216);
        assertThat(r.report().danglingLines()).isZero();
    }

    @Test
    void planetoidCiteseerHasFifteenUnlabelledNodes() {
        LinqsResult r = new LinqsLoader(data("planetoid", "citeseer.content.gz")).read();

        assertThat(r.graph().nodeCount()).isEqualTo(3327);
        assertThat(r.graph().edgeCount()).isEqualTo(4552);
        assertThat(r.graph().classNames()).hasSize(6).doesNotContain("-");
        assertThat(r.report().unlabelledNodes()).isEqualTo(15);
        assertThat(r.report().selfLoopsDropped()).isEqualTo(124);
        assertThat(r.graph().labels()[2407]).isEqualTo(Graph.NO_LABEL);
    }

    @Test
    void planetoidPubmedHasNoFeatureColumns() {
        LinqsResult r = new LinqsLoader(data("planetoid", "pubmed_nofeatures.content"))
                .withCites(data("planetoid", "pubmed.cites"))
                .read();

        assertThat(r.graph().nodeCount()).isEqualTo(19717);
        assertThat(r.graph().edgeCount()).isEqualTo(44324);
        assertThat(r.graph().features()).isEmpty();
        assertThat(r.graph().classNames()).hasSize(3);
        assertThat(r.report().selfLoopsDropped()).isEqualTo(3);
    }

    @Test
    void planetoidDirectoryIsAmbiguous() {
        Path dir = data("planetoid");

        assertThatThrownBy(() -> new LinqsLoader(dir).read())
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("planetoid")
                .hasMessageContaining(".content files")
                .hasMessageContaining("cora.content.gz");
    }
}
