// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.error.Suggestions;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named datasets: a built-in table ({@link #builtIn()}) of the benchmark graphs in the layout of
 * {@code ../shared/datasets}, each with the SHA-256 and size of its files (from that directory's
 * {@code MANIFEST.tsv}), optionally extended or overridden by a user's catalog file ({@link #read(Path)}).
 * The built-in entries carry <b>no download URL</b>: the data has no canonical host. A mirror with the same
 * layout can be given as a base URL, or a catalog file can add entries with URLs.
 *
 * <h2>Catalog files</h2>
 * A {@link Properties} file (UTF-8, {@code #} comments). For each dataset {@code <name>}:
 * <pre>
 * &lt;name&gt;.loader          = linqs | npz | snap                 (required)
 * &lt;name&gt;.file.&lt;option&gt;   = path relative to the data root       (required for option 'path')
 * &lt;name&gt;.sha256.&lt;option&gt; = 64 hex digits                        (needed to verify and to download)
 * &lt;name&gt;.size.&lt;option&gt;   = bytes                                (optional)
 * &lt;name&gt;.url.&lt;option&gt;    = http(s) URL of that file             (optional; overrides base-url)
 * &lt;name&gt;.base-url        = http(s) URL mirroring the data-root layout (optional)
 * &lt;name&gt;.option.&lt;key&gt;    = value of another loader option       (optional, e.g. dangling = add)
 * &lt;name&gt;.description     = one line                             (optional)
 * </pre>
 * An entry with the name of a built-in one replaces it.
 */
public final class DatasetCatalog {

    private final SortedMap<String, CatalogEntry> entries;

    private DatasetCatalog(Map<String, CatalogEntry> entries) {
        this.entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /** A catalog of exactly these entries (names must be distinct). */
    public static DatasetCatalog of(Collection<CatalogEntry> entries) {
        Map<String, CatalogEntry> m = new TreeMap<>();
        for (CatalogEntry e : entries) {
            if (m.put(e.name(), e) != null) {
                throw new ConfigException("Dataset '" + e.name() + "' is defined twice");
            }
        }
        return new DatasetCatalog(m);
    }

    /** The built-in datasets; none has a URL. */
    public static DatasetCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /** This catalog with {@code other}'s entries added; an entry of {@code other} replaces one of the same name. */
    public DatasetCatalog with(DatasetCatalog other) {
        Map<String, CatalogEntry> m = new TreeMap<>(entries);
        m.putAll(other.entries);
        return new DatasetCatalog(m);
    }

    /** The names, sorted. */
    public Set<String> names() {
        return entries.keySet();
    }

    public Collection<CatalogEntry> entries() {
        return entries.values();
    }

    /** The entry of {@code name} (case-insensitive), or empty. */
    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(entries.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * The entry of {@code name} (case-insensitive).
     *
     * @throws ConfigException listing the known names when there is none
     */
    public CatalogEntry entry(String name) {
        return find(name)
                .orElseThrow(() -> new ConfigException(String.format(
                        Locale.ROOT,
                        "Unknown dataset '%s'%s; known datasets: %s. Other datasets can be added with a catalog file"
                                + " (option 'catalog' or %s)",
                        name,
                        Suggestions.closest(name, names())
                                .map(s -> " (did you mean '" + s + "'?)")
                                .orElse(""),
                        String.join(", ", names()),
                        NamedDatasetLoaderFactory.CATALOG_ENV)));
    }

    /**
     * Reads a catalog file (see the class comment).
     *
     * @throws DatasetFormatException when the file is missing or unreadable, or an entry is malformed; the
     *                                message names the file, the dataset and the key
     */
    public static DatasetCatalog read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new DatasetFormatException(file, 0, "cannot read the dataset catalog: " + IoErrors.reason(e), e);
        }
        Map<String, String> flat = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> flat.put(k.trim(), p.getProperty(k).trim()));
        try {
            return parse(flat);
        } catch (ConfigException e) {
            throw new DatasetFormatException(file, 0, e.getMessage(), e);
        }
    }

    /** Parses the keys of a catalog file (see the class comment). */
    static DatasetCatalog parse(Map<String, String> keys) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot <= 0 || dot == e.getKey().length() - 1) {
                throw new ConfigException("Key '" + e.getKey() + "' is not <dataset>.<property>, e.g. my-graph.loader");
            }
            byName.computeIfAbsent(e.getKey().substring(0, dot), n -> new TreeMap<>())
                    .put(e.getKey().substring(dot + 1), e.getValue());
        }
        List<CatalogEntry> out = new ArrayList<>();
        byName.forEach((name, props) -> out.add(parseEntry(name, props)));
        return of(out);
    }

    private static CatalogEntry parseEntry(String name, Map<String, String> props) {
        String what = "Dataset '" + name + "'";
        String loader = null;
        String description = "";
        Optional<URI> baseUrl = Optional.empty();
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, String> hashes = new TreeMap<>();
        Map<String, String> sizes = new TreeMap<>();
        Map<String, String> urls = new TreeMap<>();
        Map<String, String> options = new TreeMap<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            switch (key) {
                case "loader" -> loader = value;
                case "description" -> description = value;
                case "base-url" -> baseUrl = Optional.of(DatasetFile.parseHttpUrl(value, what + ": base-url"));
                default -> {
                    int dot = key.indexOf('.');
                    String kind = dot < 0 ? key : key.substring(0, dot);
                    String option = dot < 0 ? "" : key.substring(dot + 1);
                    Map<String, String> target = switch (kind) {
                        case "file" -> paths;
                        case "sha256" -> hashes;
                        case "size" -> sizes;
                        case "url" -> urls;
                        case "option" -> options;
                        default -> null;
                    };
                    if (target == null || option.isEmpty()) {
                        throw new ConfigException(String.format(
                                Locale.ROOT,
                                "%s: unknown key '%s.%s'; known keys:"
                                        + " loader, description, base-url, file.<option>, sha256.<option>, size.<option>,"
                                        + " url.<option>, option.<key>",
                                what,
                                name,
                                key));
                    }
                    target.put(option, value);
                }
            }
        }
        if (loader == null || loader.isEmpty()) {
            throw new ConfigException(what + ": '" + name + ".loader' is required (one of "
                    + new TreeSet<>(CatalogEntry.LOADERS.keySet()) + ")");
        }
        for (Map<String, String> m : List.of(hashes, sizes, urls)) {
            for (String option : m.keySet()) {
                if (!paths.containsKey(option)) {
                    throw new ConfigException(String.format(
                            Locale.ROOT,
                            "%s: there is no '%s.file.%s' for the hash, size or URL of option '%s'",
                            what,
                            name,
                            option,
                            option));
                }
            }
        }
        List<DatasetFile> files = new ArrayList<>();
        // The file bound to 'path' first, then the others by option name.
        Map<String, String> ordered = new LinkedHashMap<>();
        Optional.ofNullable(paths.get("path")).ifPresent(v -> ordered.put("path", v));
        new TreeMap<>(paths).forEach(ordered::putIfAbsent);
        ordered.forEach((option, path) -> files.add(new DatasetFile(
                option,
                path,
                Optional.ofNullable(hashes.get(option)),
                parseSize(what, option, sizes.get(option)),
                Optional.ofNullable(urls.get(option))
                        .map(u -> DatasetFile.parseHttpUrl(u, what + ": url." + option)))));
        return new CatalogEntry(name, loader, description, files, options, baseUrl);
    }

    private static OptionalLong parseSize(String what, String option, String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new ConfigException(what + ": size." + option + " must be a number of bytes, got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return "DatasetCatalog" + names();
    }

    /** The built-in table; paths, sizes and hashes are those of {@code ../shared/datasets/MANIFEST.tsv}. */
    private static final class BuiltIn {

        static final DatasetCatalog CATALOG = of(List.of(
                linqs(
                        "cora",
                        "LINQS Cora: 2708 nodes, 5278 edges, 1433 binary features, 7 classes",
                        DatasetFile.of(
                                "path",
                                "linqs/cora/cora.content.gz",
                                "f1519a532771d9f58c73813483e576b36ba57a32e876ec705ffc1ad2fab455d3",
                                105758),
                        DatasetFile.of(
                                "cites",
                                "linqs/cora/cora.cites",
                                "ec1a372391b7f0f60a6aff0084e8abd8f19f0faa7e1f2441a41c492042d5945e",
                                69928)),
                linqs(
                        "citeseer",
                        "LINQS CiteSeer (dangling citations dropped): 3312 nodes, 4536 edges,"
                                + " 3703 binary features, 6 classes",
                        DatasetFile.of(
                                "path",
                                "linqs/citeseer/citeseer.content.gz",
                                "5cd20168c7d6287d406c48964c6255997b12c10ccd253c2f6fa45fb9ee8f4178",
                                230172),
                        DatasetFile.of(
                                "cites",
                                "linqs/citeseer/citeseer.cites",
                                "cd9730630eaaa745058c2cd2cce6b9afb79ca71278a479aebec55f4cf5eb7f30",
                                137062)),
                linqs(
                        "pubmed",
                        "PubMed (Planetoid, no features: X = I): 19717 nodes, 44324 edges, 3 classes",
                        DatasetFile.of(
                                "path",
                                "planetoid/pubmed_nofeatures.content",
                                "fb1379495d04a1194007c779f8370c3c7fcd13c5fa42f27fc32ad51d2daf5bde",
                                146626),
                        DatasetFile.of(
                                "cites",
                                "planetoid/pubmed.cites",
                                "21a7311377ddc8e831053bf5cc7912d55ca459a28eb6a3be934e476013959398",
                                481473)),
                linqs(
                        "cora-planetoid",
                        "Planetoid Cora (the GAE paper's input, ids 0..N-1): 2708 nodes, 5278"
                                + " edges, 1433 features, 7 classes",
                        DatasetFile.of(
                                "path",
                                "planetoid/cora.content.gz",
                                "8ae1bef82ed82cf8b11c78591199d201a74b4670858ca9b18c9dd0d15339aaef",
                                101838),
                        DatasetFile.of(
                                "cites",
                                "planetoid/cora.cites",
                                "a6cafe6abd12b83df937f643562bbc019baa15938937937b63dd59e419e7030c",
                                48436)),
                linqs(
                        "citeseer-planetoid",
                        "Planetoid CiteSeer (the GAE paper's input, ids 0..N-1): 3327 nodes,"
                                + " 4552 edges, 3703 features, 6 classes (+15 unlabelled)",
                        DatasetFile.of(
                                "path",
                                "planetoid/citeseer.content.gz",
                                "a344e4c76158fe5a38eb2fb53f35206731fd04568a5275a4e9dc366233d9ce52",
                                203992),
                        DatasetFile.of(
                                "cites",
                                "planetoid/citeseer.cites",
                                "82f8998174a383444055600a47a0161e020c42823a6b9f0b38657c7d22eb8d74",
                                43583)),
                npz(
                        "cora-npz",
                        "gnn-benchmark cora.npz: 2708 nodes, 5278 edges, 1433 features, 7 classes",
                        "npz/cora.npz",
                        "068e22d90c3849b4057dfb05851741428992af058efcd4e7ebb4186f3d581de2",
                        540580),
                npz(
                        "citeseer-npz",
                        "gnn-benchmark citeseer.npz: 3312 nodes, 4536 edges, 3703 features, 6 classes",
                        "npz/citeseer.npz",
                        "280278b21b434c047922e8389518861416fb3ad39389c27865ff0e6bbb0aaab7",
                        1348784),
                npz(
                        "cora-ml",
                        "Cora-ML: 2995 nodes, 8158 edges, 2879 features, 7 classes",
                        "npz/cora_ml.npz",
                        "e3439bfd32c4a962d5c56a4f313793baee39181c208c90a3915b61183d3e1cda",
                        1622234),
                npz(
                        "amazon-computers",
                        "Amazon Computers: 13752 nodes, 245861 edges, 767 features, 10 classes",
                        "npz/amazon_electronics_computers.npz",
                        "df8f46ca67863bc86825d5f4dce49deb0294f749677177ae9af6e1fa250273fa",
                        3406652),
                npz(
                        "coauthor-cs",
                        "Coauthor CS: 18333 nodes, 81894 edges, 6805 features, 15 classes",
                        "npz/ms_academic_cs.npz",
                        "9f6e10b6c1f51512d1fd3a281741dce0c2e3fb43abd0871349d5cd0984afd129",
                        2789034),
                npz(
                        "coauthor-physics",
                        "Coauthor Physics: 34493 nodes, 247962 edges, 8415 features, 5 classes",
                        "npz/ms_academic_phy.npz",
                        "24c2bbe2daf201ed397bf3726169a9a3bcf2ceb94ed648314c4605c964970637",
                        3764965),
                new CatalogEntry(
                        "ca-condmat",
                        "snap",
                        "SNAP CA-CondMat collaboration network: 23133 nodes," + " 93439 edges, no features, no labels",
                        List.of(DatasetFile.of(
                                "path",
                                "snap/CA-CondMat.txt.gz",
                                "b42eb74ba21e972f6348e8279d0bc110abc4cd0a0bdbeb65fd3f76b7b0f917e8",
                                710344)),
                        Map.of(),
                        Optional.empty())));

        private static CatalogEntry linqs(String name, String description, DatasetFile content, DatasetFile cites) {
            return new CatalogEntry(
                    name, "linqs", description, List.of(content, cites), Map.of("dangling", "drop"), Optional.empty());
        }

        private static CatalogEntry npz(String name, String description, String path, String sha256, long size) {
            return new CatalogEntry(
                    name,
                    "npz",
                    description,
                    List.of(DatasetFile.of("path", path, sha256, size)),
                    Map.of(),
                    Optional.empty());
        }
    }
}
