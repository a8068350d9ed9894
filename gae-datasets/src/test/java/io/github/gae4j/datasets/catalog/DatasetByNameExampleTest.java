// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import static io.github.gae4j.datasets.catalog.CatalogFixtures.TINY_CITES;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.TINY_CONTENT;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.utf8;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's dataset-by-name snippet on a tiny LINQS pair named in a catalog file. */
final class DatasetByNameExampleTest {

    @TempDir
    Path tmp;

    @Test
    void loadsTheTinyDatasetByName() {
        write(tmp.resolve("data/tiny/tiny.content"), TINY_CONTENT);
        write(tmp.resolve("data/tiny/tiny.cites"), TINY_CITES);
        Path catalog = write(
                tmp.resolve("my-datasets.properties"),
                utf8(String.join(
                        "\n",
                        "tiny.loader = linqs",
                        "tiny.file.path = tiny/tiny.content",
                        "tiny.sha256.path = " + Sha256.of(TINY_CONTENT),
                        "tiny.file.cites = tiny/tiny.cites",
                        "tiny.sha256.cites = " + Sha256.of(TINY_CITES),
                        "")));

        Graph g = DatasetByNameExample.loadByName("tiny", tmp.resolve("data"), catalog);

        assertThat(g.nodeCount()).isEqualTo(5);
        assertThat(g.edgeCount()).isEqualTo(3);
        assertThat(g.classNames()).containsExactly("red", "blue");
    }
}
