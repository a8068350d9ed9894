// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import static io.github.gae4j.datasets.npz.NpzFixtures.f4;
import static io.github.gae4j.datasets.npz.NpzFixtures.f8;
import static io.github.gae4j.datasets.npz.NpzFixtures.i1;
import static io.github.gae4j.datasets.npz.NpzFixtures.i4;
import static io.github.gae4j.datasets.npz.NpzFixtures.i4BigEndian;
import static io.github.gae4j.datasets.npz.NpzFixtures.i8;
import static io.github.gae4j.datasets.npz.NpzFixtures.npy;
import static io.github.gae4j.datasets.npz.NpzFixtures.toy;
import static io.github.gae4j.datasets.npz.NpzFixtures.unicode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.tensor.Matrix;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

final class NpzLoaderTest {

    @TempDir
    Path tmp;

    private NpzResult read(NpzFixtures.Archive archive) {
        return new NpzLoader(archive.write(tmp.resolve("toy.npz"))).read();
    }

    private static void assertToyGraph(Graph g) {
        assertThat(g.nodeCount()).isEqualTo(5);
        assertThat(g.edgeCount()).isEqualTo(3);
        assertThat(g.upperTriangleEdges().srcArray()).containsExactly(0, 0, 3);
        assertThat(g.upperTriangleEdges().dstArray()).containsExactly(1, 2, 4);
        assertThat(g.adjacency().isSymmetric()).isTrue();
    }

    private static void assertToyFeatures(Graph g) {
        Matrix x = g.features().orElseThrow().toDense();
        assertThat(x.rows()).isEqualTo(5);
        assertThat(x.cols()).isEqualTo(3);
        double[][] expected = {{2, 0, 1}, {0, 1, 0}, {0, 0, 0}, {3, 0, 0}, {0, 0, 0.5}};
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(x.get(i, j)).as("x[%d][%d]", i, j).isEqualTo(expected[i][j]);
            }
        }
    }

    @Test
    void readsTheGnnBenchmarkLayout() {
        NpzResult r = read(toy());
        Graph g = r.graph();

        assertToyGraph(g);
        assertToyFeatures(g);
        assertThat(g.name()).isEqualTo("toy");
        assertThat(g.features().orElseThrow()).isInstanceOf(Features.Sparse.class);
        assertThat(g.labels()).containsExactly(0, 1, 0, Graph.NO_LABEL, 2);
        assertThat(g.classNames()).containsExactly("alpha", "beta", "gamma");
        assertThat(g.nodeIds()).containsExactly("a", "b", "c", "d", "e");

        NpzReport report = r.report();
        assertThat(report.adjacencySource()).isEqualTo("adj_data/adj_indices/adj_indptr/adj_shape");
        assertThat(report.adjacencyEntries()).isEqualTo(5);
        assertThat(report.selfLoopsDropped()).isEqualTo(1);
        assertThat(report.reciprocalEntriesMerged()).isEqualTo(1);
        assertThat(report.duplicateEntriesMerged()).isZero();
        assertThat(report.zeroEntriesDropped()).isZero();
        assertThat(report.symmetricInput()).isFalse();
        assertThat(report.featureSource()).isEqualTo("attr_data/attr_indices/attr_indptr/attr_shape");
        assertThat(report.featureDim()).isEqualTo(3);
        assertThat(report.featureNonZeros()).isEqualTo(5);
        assertThat(report.classes()).isEqualTo(3);
        assertThat(report.unlabelledNodes()).isEqualTo(1);
        assertThat(report.nodeIdSource()).isEqualTo("node_names");
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void deflatedEntriesAndTheCoraMlSpellingGiveTheSameGraph() {
        Graph deflated = new NpzLoader(toy().deflated().write(tmp.resolve("d.npz"))).load();
        NpzResult coraMl = new NpzLoader(NpzFixtures.toyCoraMlSpelling().write(tmp.resolve("ml.npz"))).read();

        assertToyGraph(deflated);
        assertToyFeatures(deflated);
        assertToyGraph(coraMl.graph());
        assertToyFeatures(coraMl.graph());
        assertThat(coraMl.report().adjacencySource()).startsWith("adj_matrix.data/");
        assertThat(coraMl.report().featureSource()).startsWith("attr_matrix.data/");
    }

    @Test
    void denseAdjacencyAndFortranOrderFeatures() {
        double[] adjacency = new double[25];
        adjacency[1] = 1; // 0→1
        adjacency[2] = 1; // 0→2
        adjacency[5] = 1; // 1→0 (reciprocal)
        adjacency[12] = 1; // 2→2 (self-loop)
        adjacency[19] = 1; // 3→4
        // Column-major 5×3 of the toy features.
        double[] columns = {2, 0, 0, 3, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0.5};
        NpzFixtures.Archive a = new NpzFixtures.Archive()
                .put("adj_matrix", npy("<f8", false, f8(adjacency), 5, 5))
                .put("attr_matrix", npy("<f8", true, f8(columns), 5, 3));

        NpzResult r = read(a);

        assertToyGraph(r.graph());
        assertToyFeatures(r.graph());
        assertThat(r.graph().features().orElseThrow()).isInstanceOf(Features.Dense.class);
        assertThat(r.report().adjacencySource()).isEqualTo("adj_matrix (dense)");
        assertThat(r.report().denseFeatures()).isTrue();
        assertThat(r.report().featureNonZeros()).isEqualTo(5);
        assertThat(r.graph().hasLabels()).isFalse();
        assertThat(r.graph().nodeIds()).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void otherIntegerDtypesAndByteOrders() {
        NpzFixtures.Archive a = toy().put("adj_indices", npy("<i8", false, i8(2, 1, 0, 2, 4), 5))
                .put("adj_indptr", npy(">i4", false, i4BigEndian(0, 2, 3, 4, 5, 5), 6))
                .put("adj_data", npy("|b1", false, i1(1, 1, 1, 1, 1), 5))
                .put("labels", npy("<i8", false, i8(0, 1, 0, -1, 2), 5));

        NpzResult r = read(a);

        assertToyGraph(r.graph());
        assertThat(r.graph().labels()).containsExactly(0, 1, 0, Graph.NO_LABEL, 2);
    }

    @Test
    void weightedZeroAndDuplicateEntriesAreCounted() {
        // Row 0: 1 (weight 2.5), 1 again (duplicate), 3 (explicit zero); row 1: 0 (reciprocal); row 2: 3.
        NpzFixtures.Archive a = new NpzFixtures.Archive()
                .put("adj_data", npy("<f4", false, f4(2.5f, 1, 0, 1, 1), 5))
                .put("adj_indices", npy("<i4", false, i4(1, 1, 3, 0, 3), 5))
                .put("adj_indptr", npy("<i4", false, i4(0, 3, 4, 5, 5), 5))
                .put("adj_shape", npy("<i8", false, i8(4, 4), 2));

        NpzReport report = read(a).report();

        assertThat(report.edges()).isEqualTo(2);
        assertThat(report.weightedEntries()).isEqualTo(1);
        assertThat(report.zeroEntriesDropped()).isEqualTo(1);
        assertThat(report.duplicateEntriesMerged()).isEqualTo(1);
        assertThat(report.reciprocalEntriesMerged()).isEqualTo(1);
        assertThat(report.adjacencyEntries())
                .isEqualTo(report.edges()
                        + report.selfLoopsDropped()
                        + report.zeroEntriesDropped()
                        + report.duplicateEntriesMerged()
                        + report.reciprocalEntriesMerged());
        assertThat(report.summary()).contains("binarised 1 weighted entries");
    }

    @Test
    void oneHotLabels() {
        NpzFixtures.Archive a = toy().remove("class_names")
                .put("labels", npy("<f4", false, f4(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), 5, 3));

        NpzResult r = read(a);

        assertThat(r.graph().labels()).containsExactly(0, 1, 2, Graph.NO_LABEL, 2);
        assertThat(r.graph().classNames()).containsExactly("0", "1", "2");
        assertThat(r.report().unlabelledNodes()).isEqualTo(1);
    }

    @Test
    void multiLabelRowsAreSkippedWithAWarning() {
        NpzFixtures.Archive a =
                toy().put("labels", npy("|i1", false, i1(1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1), 5, 3));

        List<ILoggingEvent> events = logged(() -> read(a));
        NpzResult r = read(a);

        assertThat(r.graph().hasLabels()).isFalse();
        assertToyGraph(r.graph());
        assertThat(r.report().skipped())
                .extracting(NpzReport.SkippedEntry::entry)
                .containsExactly("labels.npy", "class_names.npy");
        assertThat(events)
                .anySatisfy(e -> assertThat(e.getFormattedMessage())
                        .contains("entry 'labels.npy'")
                        .contains("node 1 has several labels (columns 1 and 2)"));
    }

    @Test
    void labelsWithoutClassNamesAreNumbered() {
        NpzResult r = read(toy().remove("class_names"));

        assertThat(r.graph().classNames()).containsExactly("0", "1", "2");
    }

    @Test
    void pickledOptionalEntriesAreSkippedWithAWarningNamingThem() {
        NpzFixtures.Archive a = toy().put("node_names", NpzFixtures.pickledNone())
                .put("class_names", NpzFixtures.pickledNone())
                .put("metadata", NpzFixtures.pickledNone())
                .put("attr_names", npy("<U2", false, unicode(2, "w1", "w2", "w3"), 3))
                .put("extra", npy("<i4", false, i4(1), 1));

        List<ILoggingEvent> events = logged(() -> read(a));
        NpzResult r = read(a);

        assertToyGraph(r.graph());
        assertToyFeatures(r.graph());
        assertThat(r.graph().nodeIds()).containsExactly("0", "1", "2", "3", "4");
        assertThat(r.graph().classNames()).containsExactly("0", "1", "2");
        assertThat(r.report().pickledEntries()).containsExactly("class_names.npy", "node_names.npy", "metadata.npy");
        assertThat(r.report().skipped())
                .extracting(NpzReport.SkippedEntry::entry)
                .containsExactly("class_names.npy", "node_names.npy", "attr_names.npy", "metadata.npy", "extra.npy");
        List<String> warnings = events.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(warnings).hasSize(3);
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w)
                        .contains("toy.npz")
                        .contains("entry 'node_names.npy'")
                        .contains("pickled Python object array (descr '|O')")
                        .contains("cannot be read in Java")
                        .contains("numbered 0..N-1"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("entry 'class_names.npy'"));
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains("entry 'metadata.npy'").contains("not needed for the graph"));
    }

    @Test
    void pickledAdjacencyFailsNamingTheEntry() {
        NpzFixtures.Archive a = toy().put("adj_indices", NpzFixtures.pickledNone());

        DatasetFormatException e = catchThrowableOfType(DatasetFormatException.class, () -> read(a));

        assertThat(e)
                .hasMessageContaining("toy.npz: entry 'adj_indices.npy'")
                .hasMessageContaining("pickled Python object array (descr '|O')")
                .hasMessageContaining("cannot be read in Java, and the adjacency needs it")
                .hasMessageContaining("np.savez");
    }

    @Test
    void pickledScipyAdjacencyFailsNamingTheEntry() {
        NpzFixtures.Archive a = new NpzFixtures.Archive().put("adj_matrix", NpzFixtures.pickledNone());

        assertThat(catchThrowableOfType(DatasetFormatException.class, () -> read(a)))
                .hasMessageContaining("entry 'adj_matrix.npy'")
                .hasMessageContaining("pickled");
    }

    @Test
    void featurePolicies() {
        NpzFixtures.Archive pickledFeatures = toy().put("attr_data", NpzFixtures.pickledNone());
        Path noFeatures = toy().remove("attr_data")
                .remove("attr_indices")
                .remove("attr_indptr")
                .remove("attr_shape")
                .write(tmp.resolve("nofeatures.npz"));
        Path pickled = pickledFeatures.write(tmp.resolve("pickled.npz"));
        Path good = toy().write(tmp.resolve("good.npz"));

        NpzResult ignored = NpzLoader.read(good, FeaturePolicy.IGNORE);
        assertThat(ignored.graph().features()).isEmpty();
        assertThat(ignored.report().skipped())
                .extracting(NpzReport.SkippedEntry::reason)
                .containsOnly("features=ignore");

        assertThat(NpzLoader.read(noFeatures, FeaturePolicy.AUTO).graph().features())
                .isEmpty();
        assertThat(catchThrowableOfType(
                        DatasetFormatException.class, () -> NpzLoader.read(noFeatures, FeaturePolicy.REQUIRE)))
                .hasMessageContaining("nofeatures.npz: no features (features=require)")
                .hasMessageContaining("adj_data.npy");

        NpzResult auto = NpzLoader.read(pickled, FeaturePolicy.AUTO);
        assertThat(auto.graph().features()).isEmpty();
        assertThat(auto.report().pickledEntries()).containsExactly("attr_data.npy");
        assertThat(catchThrowableOfType(
                        DatasetFormatException.class, () -> NpzLoader.read(pickled, FeaturePolicy.REQUIRE)))
                .hasMessageContaining("entry 'attr_data.npy'")
                .hasMessageContaining("features=require");
    }

    @Test
    void logsOneInfoLineWithEverythingReadAndSkipped() {
        NpzFixtures.Archive a = toy().put("metadata", NpzFixtures.pickledNone());

        List<ILoggingEvent> events = logged(() -> read(a));

        List<ILoggingEvent> infos =
                events.stream().filter(e -> e.getLevel() == Level.INFO).toList();
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).getFormattedMessage())
                .contains("Read npz 'toy'")
                .contains("5 nodes, 3 undirected edges")
                .contains("3 sparse features (5 non-zero")
                .contains("3 classes, 1 unlabelled nodes")
                .contains("node ids from node_names")
                .contains("of 5 adjacency entries")
                .contains("dropped 1 self-loops and 0 explicit zeros")
                .contains("merged 0 duplicate and 1 reciprocal entries")
                .contains("skipped 1 entries: metadata.npy (pickled");
    }

    private static List<ILoggingEvent> logged(Supplier<?> action) {
        Logger logger = (Logger) LoggerFactory.getLogger(NpzLoader.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            assertThat((Object) action.get()).as("what the action returned").isNotNull();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }
}
