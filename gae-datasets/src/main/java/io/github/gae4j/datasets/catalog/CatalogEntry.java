// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.datasets.linqs.LinqsLoaderFactory;
import io.github.gae4j.datasets.npz.NpzLoaderFactory;
import io.github.gae4j.datasets.snap.SnapLoaderFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A named dataset: the files it needs relative to a data root and how to load them.
 *
 * @param name        the name users select it by: lowercase kebab-case ({@code cora}, {@code coauthor-cs})
 * @param loader      the file loader that reads it: {@code linqs}, {@code npz} or {@code snap}
 * @param description one line for listings
 * @param files       the files, each bound to a loader option; one of them is bound to {@code path}
 * @param options     further loader options with literal values (e.g. {@code dangling=drop})
 * @param baseUrl     a URL that mirrors the data-root layout, so a file is downloaded from {@code baseUrl + path},
 *                    or empty. The built-in entries have none.
 */
public record CatalogEntry(
        String name,
        String loader,
        String description,
        List<DatasetFile> files,
        Map<String, String> options,
        Optional<URI> baseUrl) {

    /** The file loaders an entry may name, with their factories (stateless, so shared). */
    static final Map<String, DatasetLoaderFactory> LOADERS = Map.of(
            LinqsLoaderFactory.NAME, new LinqsLoaderFactory(),
            NpzLoaderFactory.NAME, new NpzLoaderFactory(),
            SnapLoaderFactory.NAME, new SnapLoaderFactory());

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String PATH_OPTION = "path";

    public CatalogEntry {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(loader, "loader is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(baseUrl, "baseUrl is null");
        files = List.copyOf(files);
        options = Map.copyOf(options);
        String what = "Dataset '" + name + "'";
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(what + ": a dataset name must be lowercase kebab-case (letters, digits and"
                    + " single hyphens, e.g. my-graph)");
        }
        DatasetLoaderFactory factory = LOADERS.get(loader);
        if (factory == null) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "%s: unknown loader '%s'; known loaders: %s",
                    what,
                    loader,
                    new TreeSet<>(LOADERS.keySet())));
        }
        Set<String> accepted = ComponentFactory.optionNames(factory);
        Set<String> seen = new HashSet<>();
        for (DatasetFile f : files) {
            if (!accepted.contains(f.option())) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "%s: file '%s' is bound to option '%s', which loader '%s' does not have; its options: %s",
                        what,
                        f.path(),
                        f.option(),
                        loader,
                        new TreeSet<>(accepted)));
            }
            if (!seen.add(f.option())) {
                throw new ConfigException(what + ": two files are bound to option '" + f.option() + "'");
            }
        }
        if (!seen.contains(PATH_OPTION)) {
            throw new ConfigException(what + ": no file is bound to option 'path' of loader '" + loader + "'");
        }
        for (String key : options.keySet()) {
            if (!accepted.contains(key)) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "%s: unknown option '%s' for loader '%s'; its options: %s",
                        what,
                        key,
                        loader,
                        new TreeSet<>(accepted)));
            }
            if (seen.contains(key)) {
                throw new ConfigException(what + ": option '" + key + "' is given both as a file and as a value");
            }
        }
        baseUrl.ifPresent(u -> DatasetFile.checkHttpUrl(u, what + ": base URL"));
    }

    /** The file bound to {@code path}. */
    public DatasetFile mainFile() {
        return files.stream()
                .filter(f -> f.option().equals(PATH_OPTION))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Where to download {@code file} from: under {@code mirror} when given, else the file's own URL, else under
     * this entry's base URL; empty when none is configured.
     */
    public Optional<URI> urlFor(DatasetFile file, Optional<URI> mirror) {
        if (mirror.isPresent()) {
            return Optional.of(file.under(mirror.get()));
        }
        if (file.url().isPresent()) {
            return file.url();
        }
        return baseUrl.map(file::under);
    }

    /** The options for {@link #loader()}: the literal {@link #options()} plus each file's absolute path. */
    public Map<String, String> loaderOptions(Path root) {
        Map<String, String> out = new LinkedHashMap<>();
        for (DatasetFile f : files) {
            out.put(f.option(), f.resolveIn(root).toAbsolutePath().normalize().toString());
        }
        out.putAll(options);
        return out;
    }

    /** The factory of {@link #loader()}. */
    DatasetLoaderFactory loaderFactory() {
        return LOADERS.get(loader);
    }
}
