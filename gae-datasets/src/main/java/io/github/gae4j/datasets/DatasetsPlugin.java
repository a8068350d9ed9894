// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets;

import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.datasets.catalog.NamedDatasetLoaderFactory;
import io.github.gae4j.datasets.linqs.LinqsLoaderFactory;
import io.github.gae4j.datasets.npz.NpzLoaderFactory;
import io.github.gae4j.datasets.snap.SnapLoaderFactory;
import io.github.gae4j.datasets.synthetic.SbmLoaderFactory;
import io.github.gae4j.datasets.tables.TablesLoaderFactory;
import java.util.List;

/**
 * The gae-datasets plugin: the dataset loaders {@code linqs} (LINQS {@code .content}/{@code .cites},
 * gzip transparently), {@code sbm} (a seeded stochastic block model, the built-in default), {@code npz}
 * (numpy {@code .npz} archives in the gnn-benchmark layout), {@code snap} (SNAP-style edge lists), {@code tables} (the edge and
 * node-feature tables of gae-spark, Parquet or CSV) and
 * {@code dataset} (a named dataset such as {@code cora} from a data directory, optionally downloaded; see
 * {@link NamedDatasetLoaderFactory}). {@link DatasetFiles#loaderFor(java.nio.file.Path)} picks one of the file
 * loaders by file type.
 * Registered in {@code META-INF/services/io.github.gae4j.core.spi.GaePlugin}.
 */
public final class DatasetsPlugin implements GaePlugin {

    /** The plugin name. */
    public static final String NAME = "gae-datasets";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spiVersion() {
        return GaeSpi.VERSION;
    }

    @Override
    public List<DatasetLoaderFactory> datasetLoaders() {
        return List.of(
                new LinqsLoaderFactory(),
                new SbmLoaderFactory(),
                new NpzLoaderFactory(),
                new SnapLoaderFactory(),
                new TablesLoaderFactory(),
                new NamedDatasetLoaderFactory());
    }
}
