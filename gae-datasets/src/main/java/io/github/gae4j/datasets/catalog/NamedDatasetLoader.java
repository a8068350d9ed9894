// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoader;
import java.util.Objects;

/**
 * Loads a catalog entry: {@link DatasetResolver#resolve resolves} its files (finding, downloading and verifying
 * them), then reads them with the entry's loader ({@code linqs}, {@code npz} or {@code snap}) and its options.
 * Created by {@link NamedDatasetLoaderFactory}.
 */
public final class NamedDatasetLoader implements DatasetLoader {

    private final CatalogEntry entry;
    private final DatasetResolver resolver;
    private final CreationContext context;

    public NamedDatasetLoader(CatalogEntry entry, DatasetResolver resolver, CreationContext context) {
        this.entry = Objects.requireNonNull(entry, "entry is null");
        this.resolver = Objects.requireNonNull(resolver, "resolver is null");
        this.context = Objects.requireNonNull(context, "context is null");
    }

    public CatalogEntry entry() {
        return entry;
    }

    /** Finds (or downloads) and verifies the files without reading them. */
    public ResolvedDataset resolve() {
        return resolver.resolve(entry);
    }

    /** The loader of the resolved files (e.g. a {@code LinqsLoader}), not yet run. */
    public DatasetLoader delegate(ResolvedDataset resolved) {
        return entry.loaderFactory().create(ComponentConfig.of(resolved.loaderOptions()), context);
    }

    @Override
    public Graph load() {
        return delegate(resolve()).load();
    }

    @Override
    public String toString() {
        return "NamedDatasetLoader[" + entry.name() + " via " + entry.loader() + "]";
    }
}
