// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.testkit.DatasetLoaderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code tables} on snappy Parquet tables with a duplicate, a reversed duplicate and a self-loop. */
final class TablesContractTest implements DatasetLoaderContract {

    @TempDir
    Path tmp;

    @Override
    public DatasetLoaderFactory factory() {
        return new TablesLoaderFactory();
    }

    @Override
    public ComponentConfig config() {
        Path edges = tmp.resolve("edges.parquet");
        Path nodes = tmp.resolve("nodes.parquet");
        if (!Files.exists(edges)) {
            TableFixtures.edges(edges, new double[][] {{1, 2, 1}, {2, 1, 1}, {2, 3, 1}, {3, 3, 1}, {4, 1, 2}});
            TableFixtures.nodes(nodes, new long[] {4, 3, 2, 1}, new double[][] {{4, 0}, {3, 0}, {2, 1}, {1, 1}});
        }
        return ComponentConfig.of("edges", edges, "features", nodes);
    }
}
