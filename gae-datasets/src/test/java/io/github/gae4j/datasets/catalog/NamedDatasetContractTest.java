// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import static io.github.gae4j.datasets.catalog.CatalogFixtures.TINY_CITES;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.TINY_CONTENT;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.utf8;
import static io.github.gae4j.datasets.catalog.CatalogFixtures.write;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.testkit.DatasetLoaderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataset} naming the tiny LINQS pair in a catalog file and a data directory, both in a temporary directory;
 * no environment variables, no home directory, no downloads.
 */
final class NamedDatasetContractTest implements DatasetLoaderContract {

    @TempDir
    Path tmp;

    @Override
    public DatasetLoaderFactory factory() {
        return new NamedDatasetLoaderFactory(
                Environment.of(Map.of(), tmp.resolve("home")),
                () -> new Downloader(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Override
    public ComponentConfig config() {
        Path catalog = tmp.resolve("catalog.properties");
        if (!Files.exists(catalog)) {
            write(tmp.resolve("data/tiny/tiny.content"), TINY_CONTENT);
            write(tmp.resolve("data/tiny/tiny.cites"), TINY_CITES);
            write(
                    catalog,
                    utf8(String.join(
                            "\n",
                            "tiny.loader = linqs",
                            "tiny.file.path = tiny/tiny.content",
                            "tiny.sha256.path = " + Sha256.of(TINY_CONTENT),
                            "tiny.file.cites = tiny/tiny.cites",
                            "tiny.sha256.cites = " + Sha256.of(TINY_CITES),
                            "")));
        }
        return ComponentConfig.of("name", "tiny", "catalog", catalog, "data-dir", tmp.resolve("data"));
    }
}
