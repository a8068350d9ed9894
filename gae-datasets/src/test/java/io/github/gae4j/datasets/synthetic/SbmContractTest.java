// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.synthetic;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.testkit.DatasetLoaderContract;

/** {@code sbm} with a small graph. */
final class SbmContractTest implements DatasetLoaderContract {

    @Override
    public DatasetLoaderFactory factory() {
        return new SbmLoaderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of(
                "nodes", 30, "communities", 3, "p-in", 0.3, "p-out", 0.02, "feature-dim", 4, "seed", 7);
    }
}
