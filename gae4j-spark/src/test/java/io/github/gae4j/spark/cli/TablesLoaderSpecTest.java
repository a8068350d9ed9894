// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.spark.io.GraphReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What gae-spark train records as the dataset loader: the 'tables' loader over the same two tables. */
final class TablesLoaderSpecTest {

    @Test
    void localPathsAreRecordedAbsoluteAndUrisAsGiven() {
        ComponentSpec spec = TrainCommand.tablesLoader(
                new TableSource("data/../data/edges.csv", GraphReader.Format.CSV, "--edges"),
                new TableSource("hdfs://cluster/graph/nodes.csv", GraphReader.Format.CSV, "--features"));
        assertThat(spec)
                .isEqualTo(ComponentSpec.of(
                        "tables",
                        "edges",
                        Path.of("data/edges.csv").toAbsolutePath().toString(),
                        "features",
                        "hdfs://cluster/graph/nodes.csv",
                        "format",
                        "csv"));
    }

    /** Tables told apart by name (no --format) are left so to the loader, which does the same without the option. */
    @Test
    void theFormatIsLeftOutWhenTheTablesDiffer() {
        ComponentSpec spec = TrainCommand.tablesLoader(
                new TableSource("/d/edges.csv.gz", GraphReader.Format.CSV, "--edges"),
                new TableSource("/d/nodes", GraphReader.Format.PARQUET, "--features"));
        assertThat(spec.config().asMap()).containsOnlyKeys("edges", "features");
    }
}
