// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.testkit.DatasetLoaderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code npz} on the five-node toy archive (sparse features, labels, node and class names). */
final class NpzContractTest implements DatasetLoaderContract {

    @TempDir
    Path tmp;

    @Override
    public DatasetLoaderFactory factory() {
        return new NpzLoaderFactory();
    }

    @Override
    public ComponentConfig config() {
        Path file = tmp.resolve("toy.npz");
        if (!Files.exists(file)) {
            NpzFixtures.toy().write(file);
        }
        return ComponentConfig.of("path", file);
    }
}
