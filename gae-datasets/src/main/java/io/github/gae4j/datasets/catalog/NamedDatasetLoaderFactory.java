// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.spi.Parameter;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code dataset} loader: a dataset by name ({@code cora}, {@code citeseer}, {@code pubmed}, …) from the
 * {@link DatasetCatalog}, found in a data directory ({@link DataRoot}: {@code data-dir}, then
 * {@value DataRoot#DATA_DIR_ENV}, then {@code ~/.gae4j/datasets}), optionally downloaded into the first of them,
 * verified by SHA-256 and read by the entry's loader ({@code linqs}, {@code npz} or {@code snap}).
 *
 * <p>Options:
 * <ul>
 *   <li>{@code name} (required): the dataset; an unknown name fails listing the known ones;</li>
 *   <li>{@code data-dir}: a data root tried first;</li>
 *   <li>{@code download} ({@code false}): download missing files into the first data directory;</li>
 *   <li>{@code base-url}: a mirror with the data-root layout (default {@value #BASE_URL_ENV}); replaces the
 *   catalog's URLs;</li>
 *   <li>{@code verify} ({@code true}): check the SHA-256 of files already on disk (downloads are always checked);</li>
 *   <li>{@code catalog}: a catalog file adding or replacing entries (default {@value #CATALOG_ENV}).</li>
 * </ul>
 * The name, the catalog and the options are checked when the loader is created; files are looked for, downloaded
 * and read when it runs.
 */
public final class NamedDatasetLoaderFactory implements DatasetLoaderFactory {

    public static final String NAME = "dataset";

    public static final String NAME_OPTION = "name";
    public static final String DATA_DIR = "data-dir";
    public static final String DOWNLOAD = "download";
    public static final String BASE_URL = "base-url";
    public static final String VERIFY = "verify";
    public static final String CATALOG = "catalog";
    public static final boolean DEFAULT_DOWNLOAD = false;
    public static final boolean DEFAULT_VERIFY = true;

    /** Environment variable with a mirror base URL, used when the option {@code base-url} is absent. */
    public static final String BASE_URL_ENV = "GAE_DATASET_URL";

    /** Environment variable naming a catalog file, used when the option {@code catalog} is absent. */
    public static final String CATALOG_ENV = "GAE_DATASET_CATALOG";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.withoutDefault(NAME_OPTION, "required: the dataset, e.g. cora"),
            Parameter.withoutDefault(
                    DATA_DIR, "a data directory tried before $" + DataRoot.DATA_DIR_ENV + " and ~/.gae4j/datasets"),
            Parameter.of(DOWNLOAD, DEFAULT_DOWNLOAD, "download missing files into the first data directory"),
            Parameter.withoutDefault(
                    BASE_URL,
                    "a mirror with the data-root layout ($" + BASE_URL_ENV
                            + " when absent); replaces the catalog's URLs"),
            Parameter.of(VERIFY, DEFAULT_VERIFY, "check the SHA-256 of files already on disk (downloads always are)"),
            Parameter.withoutDefault(
                    CATALOG, "a catalog file adding or replacing entries ($" + CATALOG_ENV + " when absent)"));

    private final Environment env;
    private final Supplier<Downloader> downloader;

    /** The factory the plugin registers: the process environment and the default download timeouts. */
    public NamedDatasetLoaderFactory() {
        this(Environment.system(), Downloader::new);
    }

    /** A factory reading {@code env} and downloading with {@code downloader} (for tests and embedding). */
    public NamedDatasetLoaderFactory(Environment env, Supplier<Downloader> downloader) {
        this.env = Objects.requireNonNull(env, "env is null");
        this.downloader = Objects.requireNonNull(downloader, "downloader is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String description() {
        return "a dataset by name ("
                + String.join(", ", DatasetCatalog.builtIn().names()) + ") from data-dir, $"
                + DataRoot.DATA_DIR_ENV + " or ~/.gae4j/datasets, verified by SHA-256; options: name, data-dir,"
                + " download, base-url, verify, catalog";
    }

    @Override
    public DatasetLoader create(ComponentConfig config, CreationContext context) {
        ComponentConfig c = config.describedAs("dataset loader '" + NAME + "'");
        c.requireOnly(Parameter.names(PARAMETERS));
        String name = c.getString(NAME_OPTION)
                .filter(s -> !s.isBlank())
                .orElseThrow(() ->
                        new ConfigException("Option 'name' of dataset loader 'dataset' is required; known datasets: "
                                + String.join(", ", catalog(c).names())));
        CatalogEntry entry = catalog(c).entry(name);
        Optional<Path> dataDir = c.getString(DATA_DIR).map(v -> toPath(DATA_DIR, v));
        boolean download = c.getBoolean(DOWNLOAD, DEFAULT_DOWNLOAD);
        boolean verify = c.getBoolean(VERIFY, DEFAULT_VERIFY);
        Optional<URI> mirror = c.getString(BASE_URL)
                .map(v -> DatasetFile.parseHttpUrl(v, "Option 'base-url' of dataset loader 'dataset'"))
                .or(() -> env.variable(BASE_URL_ENV)
                        .map(v -> DatasetFile.parseHttpUrl(v, "Environment variable " + BASE_URL_ENV)));
        DatasetResolver resolver = new DatasetResolver(DataRoot.of(dataDir, env), mirror, download, verify, downloader);
        return new NamedDatasetLoader(entry, resolver, context);
    }

    /** The built-in catalog plus the file of option {@code catalog} or {@value #CATALOG_ENV}, if any. */
    private DatasetCatalog catalog(ComponentConfig c) {
        Optional<String> file = c.getString(CATALOG).or(() -> env.variable(CATALOG_ENV));
        DatasetCatalog builtIn = DatasetCatalog.builtIn();
        return file.map(f -> builtIn.with(DatasetCatalog.read(toPath(CATALOG, f))))
                .orElse(builtIn);
    }

    private static Path toPath(String option, String value) {
        if (value.isBlank()) {
            throw new ConfigException(
                    "Option '" + option + "' of dataset loader 'dataset' must be a path, got an empty" + " value");
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(
                    String.format(
                            Locale.ROOT,
                            "Option '%s' of dataset loader 'dataset' must be a path, got '%s' (%s)",
                            option,
                            value,
                            e.getMessage()),
                    e);
        }
    }
}
