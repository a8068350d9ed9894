// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.testkit.DatasetLoaderContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code snap} on a tiny edge list with a comment, a duplicate, a reversed duplicate and a self-loop. */
final class SnapContractTest implements DatasetLoaderContract {

    @TempDir
    Path tmp;

    @Override
    public DatasetLoaderFactory factory() {
        return new SnapLoaderFactory();
    }

    @Override
    public ComponentConfig config() {
        Path file = tmp.resolve("tiny.txt");
        if (!Files.exists(file)) {
            try {
                Files.writeString(file, "# tiny\n1 2\n2 3\n2 1\n1 2\n3 3\n4 1\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ComponentConfig.of("path", file);
    }
}
