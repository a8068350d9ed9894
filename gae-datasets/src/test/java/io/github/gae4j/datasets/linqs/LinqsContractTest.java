// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import static io.github.gae4j.datasets.linqs.LinqsFixtures.tsv;
import static io.github.gae4j.datasets.linqs.LinqsFixtures.write;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.testkit.DatasetLoaderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code linqs} on a four-paper fixture with features, labels (one unknown) and an isolated paper. */
final class LinqsContractTest implements DatasetLoaderContract {

    @TempDir
    Path tmp;

    @Override
    public DatasetLoaderFactory factory() {
        return new LinqsLoaderFactory();
    }

    @Override
    public ComponentConfig config() {
        Path dir = tmp.resolve("tiny");
        if (!Files.exists(dir.resolve("tiny.content"))) {
            write(dir.resolve("tiny.content"), tsv("p1 1 0 A", "p2 0 1 B", "p3 1 1 -", "p4 0 0 A"));
            write(dir.resolve("tiny.cites"), tsv("p1 p2", "p3 p1"));
        }
        return ComponentConfig.of("path", dir);
    }
}
