// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.plugin.ComponentKind;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DatasetLoaderFactory} and its {@link DatasetLoader}s. Supply {@link #factory()} and
 * {@link #config()} pointing at a small fixture (write it in a {@code @TempDir} field or a {@code @BeforeEach}
 * method, or use generator options that make a small graph):
 *
 * <pre>{@code
 * final class MyLoaderContractTest implements DatasetLoaderContract {
 *     @TempDir Path dir;
 *     public DatasetLoaderFactory factory() { return new MyLoaderFactory(); }
 *     public ComponentConfig config() { return ComponentConfig.of("path", writeFixture(dir)); }
 * }
 * }</pre>
 *
 * <p>Checks: the loaded graph has at least one node and is valid (square symmetric adjacency without self-loops,
 * finite features and labels of N rows, N node ids if any); loading twice, with the same loader and with a new one,
 * gives the same graph; an unknown option is rejected listing {@code optionNames(factory)}.
 */
public interface DatasetLoaderContract {

    /** The factory under test. */
    DatasetLoaderFactory factory();

    /** Options that make the loader read (or generate) a small graph. */
    ComponentConfig config();

    default long seed() {
        return 42;
    }

    /** Creates a loader, checking {@link #config()} as the model assembler does. */
    default DatasetLoader createLoader() {
        return Contracts.create(ComponentKind.DATASET, factory(), config(), new CreationContext(0, 0, seed()));
    }

    @Test
    default void loadsAValidGraphWithAtLeastOneNode() {
        Graph graph = createLoader().load();
        assertThat(graph).as("loaded graph").isNotNull();
        int n = graph.nodeCount();
        assertThat(n).as("nodes of %s", graph).isPositive();
        SparseMatrix a = graph.adjacency();
        assertThat(a.rows()).as("adjacency rows").isEqualTo(n);
        assertThat(a.cols()).as("adjacency cols").isEqualTo(n);
        assertThat(a.firstNonFinite()).as("adjacency entries are finite").isEqualTo(-1);
        for (int i = 0; i < n; i++) {
            assertThat(a.contains(i, i)).as("self-loop at node %d", i).isFalse();
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                int j = a.colAt(p);
                assertThat(a.contains(j, i))
                        .as("edge (%d, %d) has its reverse (symmetric adjacency)", i, j)
                        .isTrue();
            }
        }
        graph.features().ifPresent(f -> {
            assertThat(f.rows()).as("feature rows").isEqualTo(n);
            assertThat(f.dim()).as("feature dim").isPositive();
            Contracts.assertFinite(f.toDense(), "features");
        });
        if (graph.hasLabels()) {
            int[] labels = graph.labels();
            assertThat(labels).as("labels").hasSize(n);
            for (int label : labels) {
                assertThat(label)
                        .as("label")
                        .isBetween(Graph.NO_LABEL, Math.max(graph.classNames().size() - 1, 0));
            }
        }
        if (graph.nodeIds() != null && !graph.nodeIds().isEmpty()) {
            assertThat(graph.nodeIds()).as("node ids").hasSize(n).doesNotHaveDuplicates();
        }
    }

    @Test
    default void loadingTwiceGivesTheSameGraph() {
        DatasetLoader loader = createLoader();
        Graph first = loader.load();
        for (Graph again : new Graph[] {loader.load(), createLoader().load()}) {
            assertThat(again.nodeCount()).as("nodes").isEqualTo(first.nodeCount());
            assertThat(again.upperTriangleEdges()).as("edges").isEqualTo(first.upperTriangleEdges());
            assertThat(again.features().isPresent())
                    .as("has features")
                    .isEqualTo(first.features().isPresent());
            if (first.features().isPresent()) {
                Matrix a = first.features().get().toDense();
                Matrix b = again.features().get().toDense();
                assertThat(b.toRowMajor()).as("features").containsExactly(a.toRowMajor());
            }
            if (first.hasLabels()) {
                assertThat(again.labels()).as("labels").containsExactly(first.labels());
            }
        }
    }

    /**
     * Every option {@code parameters()} declares passes the model assembler's option check, and every declared
     * non-empty default, given explicitly, is accepted by {@code create} and gives a component.
     */
    @Test
    default void declaredParametersAndTheirDefaultsAreAccepted() {
        Contracts.assertDeclaredParametersAreAccepted(
                ComponentKind.DATASET,
                factory(),
                config(),
                new CreationContext(0, 0, seed())); // creates loaders only: nothing is loaded
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Contracts.assertRejectsUnknownOption(
                ComponentKind.DATASET, factory(), config(), new CreationContext(0, 0, seed()));
    }
}
