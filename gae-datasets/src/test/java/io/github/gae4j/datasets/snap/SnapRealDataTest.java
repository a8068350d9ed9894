// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.DataDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shared SNAP file (read in place); skipped when it is not available. */
final class SnapRealDataTest {

    private static Path condMat() {
        Path p = DataDirectories.find("snap", "CA-CondMat.txt.gz").orElse(null);
        Assumptions.assumeTrue(
                p != null && Files.isRegularFile(p),
                () -> "Real dataset snap/CA-CondMat.txt.gz" + " not found; to run this test "
                        + DataDirectories.searchDescription());
        return p;
    }

    @Test
    void caCondMatAsUndirected() {
        SnapResult r = new SnapLoader(condMat()).read();
        Graph g = r.graph();
        SnapReport report = r.report();

        assertThat(g.name()).isEqualTo("CA-CondMat");
        assertThat(g.nodeCount()).isEqualTo(23133);
        assertThat(g.edgeCount()).isEqualTo(93439);
        assertThat(g.features()).isEmpty();
        assertThat(g.hasLabels()).isFalse();
        assertThat(report.ids()).isEqualTo(IdMode.INT);
        assertThat(report.edgeLines()).isEqualTo(186936);
        assertThat(report.commentLines()).isEqualTo(4);
        assertThat(report.selfLoopsDropped()).isEqualTo(58);
        assertThat(report.duplicateLinesMerged()).isZero();
        assertThat(report.reverseLinesMerged()).isEqualTo(93439);
        assertThat(report.weightColumn()).isFalse();
        // Integer ids in numeric order: 1 .. 108299, not contiguous.
        assertThat(g.nodeIds().get(0)).isEqualTo("1");
        assertThat(g.nodeIds().get(23132)).isEqualTo("108299");
    }

    @Test
    void caCondMatAsDirectedCountsReciprocalPairs() {
        SnapResult r = new SnapLoader(condMat(), SnapOptions.DEFAULTS.withDirected(true)).read();

        assertThat(r.graph().edgeCount()).isEqualTo(93439);
        assertThat(r.report().directedEdges()).isEqualTo(186878);
        assertThat(r.report().reciprocalPairs()).isEqualTo(93439);
        assertThat(r.report().summary()).contains("93439 reciprocal pairs").contains("stored undirected");
    }

    @Test
    void caCondMatWithStringIdsHasTheSameCounts() {
        SnapResult r = new SnapLoader(condMat(), SnapOptions.DEFAULTS.withIds(IdMode.STRING)).read();

        assertThat(r.graph().nodeCount()).isEqualTo(23133);
        assertThat(r.graph().edgeCount()).isEqualTo(93439);
        assertThat(r.graph().nodeIds().get(0)).isEqualTo("81626");
    }
}
