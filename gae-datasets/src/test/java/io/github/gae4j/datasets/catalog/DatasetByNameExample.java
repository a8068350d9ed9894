// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

// tag::dataset-by-name[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import java.nio.file.Path;
import java.util.Optional;
// end::dataset-by-name[]

/** README of gae-datasets, "From code": a dataset by name, through a catalog file of one's own. */
final class DatasetByNameExample {

    private DatasetByNameExample() {}

    // tag::dataset-by-name[]
    static Graph loadByName(String name, Path dataDir, Path catalogFile) {
        // The files: looked up in dataDir (then $GAE_DATA_DIR, ~/.gae4j/datasets) and checked against the SHA-256s
        DatasetCatalog catalog = DatasetCatalog.builtIn().with(DatasetCatalog.read(catalogFile));
        DataRoot roots = DataRoot.of(Optional.of(dataDir), Environment.system());
        ResolvedDataset files = DatasetResolver.local(roots, true).resolve(catalog.entry(name));
        System.out.println(name + " in " + files.root() + ": " + files.loaderOptions());
        // The graph: the same lookup through the "dataset" loader plugin, the way a model file names a dataset
        return new NamedDatasetLoaderFactory()
                .create(
                        ComponentConfig.of(
                                "name", name, "data-dir", dataDir.toString(), "catalog", catalogFile.toString()),
                        new CreationContext(0, 0, 1))
                .load();
    }
    // end::dataset-by-name[]
}
