// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.datasets.linqs.LinqsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shared npz benchmark files (read in place) load with the counts their README states; skipped when the
 * data is not available.
 */
final class NpzRealDataTest {

    private static Path data(String file) {
        Path p = DataDirectories.find("npz", file).orElse(null);
        Assumptions.assumeTrue(
                p != null && Files.isRegularFile(p),
                () -> "Real dataset npz/" + file + " not found; to run this test "
                        + DataDirectories.searchDescription());
        return p;
    }

    private static NpzResult load(String file) {
        return new NpzLoader(data(file)).read();
    }

    private static void assertCounts(
            NpzResult r, int nodes, int edges, long adjNnz, int selfLoops, int dim, long featureNnz, int classes) {
        Graph g = r.graph();
        NpzReport report = r.report();
        assertThat(g.nodeCount()).isEqualTo(nodes);
        assertThat(g.edgeCount()).isEqualTo(edges);
        assertThat(report.nodes()).isEqualTo(nodes);
        assertThat(report.edges()).isEqualTo(edges);
        assertThat(report.adjacencyEntries()).isEqualTo(adjNnz);
        assertThat(report.selfLoopsDropped()).isEqualTo(selfLoops);
        assertThat(report.zeroEntriesDropped()).isZero();
        assertThat(report.duplicateEntriesMerged()).isZero();
        assertThat(report.weightedEntries()).isZero();
        assertThat(report.adjacencyEntries())
                .isEqualTo(report.edges()
                        + report.selfLoopsDropped()
                        + report.zeroEntriesDropped()
                        + report.duplicateEntriesMerged()
                        + report.reciprocalEntriesMerged());
        Features.Sparse x = (Features.Sparse) g.features().orElseThrow();
        assertThat(x.dim()).isEqualTo(dim);
        assertThat(x.matrix().nnz()).isEqualTo(featureNnz);
        assertThat(report.featureDim()).isEqualTo(dim);
        assertThat(report.featureNonZeros()).isEqualTo(featureNnz);
        assertThat(g.classNames()).hasSize(classes);
        assertThat(report.classes()).isEqualTo(classes);
        assertThat(report.unlabelledNodes()).isZero();
        assertThat(Arrays.stream(g.labels()).allMatch(l -> l >= 0 && l < classes))
                .isTrue();
    }

    @Test
    void cora() {
        NpzResult r = load("cora.npz");

        assertCounts(r, 2708, 5278, 5429, 0, 1433, 49216, 7);
        assertThat(r.report().reciprocalEntriesMerged()).isEqualTo(151);
        assertThat(r.report().symmetricInput()).isFalse();
        assertThat(r.graph().name()).isEqualTo("cora");
        assertThat(r.graph().classNames())
                .containsExactly(
                        "Case_Based",
                        "Genetic_Algorithms",
                        "Neural_Networks",
                        "Probabilistic_Methods",
                        "Reinforcement_Learning",
                        "Rule_Learning",
                        "Theory");
        assertThat(r.report().nodeIdSource()).isEqualTo("node_names");
        assertThat(r.report().skipped()).isEmpty();
        assertThat(Arrays.stream(r.graph().labels()).filter(l -> l == 2).count())
                .isEqualTo(818);
    }

    @Test
    void coraMatchesTheLinqsCopyNodeForNode() {
        NpzResult npz = load("cora.npz");
        Path linqs = DataDirectories.find("linqs", "cora").orElse(null);
        Assumptions.assumeTrue(linqs != null, DataDirectories::searchDescription);
        Graph l = new LinqsLoader(linqs).read().graph();
        Graph n = npz.graph();

        // linqs/cora.content.gz was rebuilt from cora.npz in the same (string-sorted) node order.
        assertThat(n.nodeIds()).isEqualTo(l.nodeIds());
        assertThat(n.upperTriangleEdges().srcArray())
                .isEqualTo(l.upperTriangleEdges().srcArray());
        assertThat(n.upperTriangleEdges().dstArray())
                .isEqualTo(l.upperTriangleEdges().dstArray());
    }

    @Test
    void citeseerDropsItsSelfLoops() {
        NpzResult r = load("citeseer.npz");

        assertCounts(r, 3312, 4536, 4715, 124, 3703, 105165, 6);
        assertThat(r.report().reciprocalEntriesMerged()).isEqualTo(55);
        assertThat(r.graph().nodeIds()).contains("zhu98line", "vonhardenberg01barehand");
        assertThat(r.graph().classNames()).containsExactly("AI", "Agents", "DB", "HCI", "IR", "ML");
    }

    @Test
    void coraMlSkipsItsPickledEntries() {
        NpzResult r = load("cora_ml.npz");

        assertCounts(r, 2995, 8158, 8416, 0, 2879, 151171, 7);
        assertThat(r.report().adjacencySource())
                .isEqualTo("adj_matrix.data/adj_matrix.indices/adj_matrix.indptr/adj_matrix.shape");
        assertThat(r.report().pickledEntries())
                .containsExactly("edge_attr_matrix.npy", "edge_attr_names.npy", "metadata.npy");
        assertThat(r.report().skipped())
                .extracting(NpzReport.SkippedEntry::entry)
                .containsExactlyInAnyOrder(
                        "edge_attr_matrix.npy", "edge_attr_names.npy", "metadata.npy", "attr_names.npy");
        assertThat(r.graph().classNames().get(0)).isEqualTo("Artificial_Intelligence/Machine_Learning/Case-Based");
        Features.Sparse x = (Features.Sparse) r.graph().features().orElseThrow();
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int p = 0; p < x.matrix().nnz(); p++) {
            max = Math.max(max, x.matrix().valueAt(p));
            min = Math.min(min, x.matrix().valueAt(p));
        }
        assertThat(max).isEqualTo(1.0);
        assertThat(min).isGreaterThan(0.0118).isLessThan(0.0119);
    }

    @Test
    void amazonElectronicsComputers() {
        NpzResult r = load("amazon_electronics_computers.npz");

        assertCounts(r, 13752, 245861, 287209, 0, 767, 3675081, 10);
        assertThat(r.report().reciprocalEntriesMerged()).isEqualTo(41348);
        assertThat(r.report().nodeIdSource()).isNull();
        assertThat(r.graph().nodeIds().get(13751)).isEqualTo("13751");
        assertThat(r.graph().classNames()).contains("Desktops", "Webcams");
    }

    @Test
    void msAcademicCs() {
        NpzResult r = load("ms_academic_cs.npz");

        assertCounts(r, 18333, 81894, 163788, 0, 6805, 1092079, 15);
        assertThat(r.report().symmetricInput()).isTrue();
        assertThat(r.report().skipped())
                .extracting(NpzReport.SkippedEntry::entry)
                .containsExactly("attr_names.npy");
    }

    @Test
    void msAcademicPhy() {
        NpzResult r = load("ms_academic_phy.npz");

        assertCounts(r, 34493, 247962, 495924, 0, 8415, 1137311, 5);
        assertThat(r.report().symmetricInput()).isTrue();
        assertThat(r.graph().classNames()).contains("phys rev b");
    }
}
