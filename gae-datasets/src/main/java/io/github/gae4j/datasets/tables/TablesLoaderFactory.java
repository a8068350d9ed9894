// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.spi.Parameter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code tables} dataset loader: the edge table and node-feature table that {@code gae-spark train} reads
 * (Parquet or CSV, a file or a folder of part files). Options: {@code edges} and {@code features} (required: the
 * tables' paths) and {@code format} ({@code csv} or {@code parquet}; left out, each table's name decides as in
 * gae-spark: {@code .csv} or {@code .csv.gz} is CSV, anything else Parquet). See {@link TablesLoader}. The tables are
 * checked when the loader runs.
 */
public final class TablesLoaderFactory implements DatasetLoaderFactory {

    public static final String NAME = "tables";
    public static final String EDGES = "edges";
    public static final String FEATURES = "features";
    public static final String FORMAT = "format";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.withoutDefault(EDGES, "required: the edge table (src, dst, optional weight): a file or a folder"),
            Parameter.withoutDefault(
                    FEATURES, "required: the node-feature table (id + features): a file or a folder of part files"),
            Parameter.withoutDefault(
                    FORMAT, "csv or parquet; left out: by each path's name (.csv, .csv.gz: CSV; else Parquet)"));

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
        return "gae-spark's edge and node-feature tables (Parquet or CSV, a file or a folder of part files); options:"
                + " edges, features, format=csv|parquet (default: by name)";
    }

    @Override
    public DatasetLoader create(ComponentConfig config, CreationContext context) {
        ComponentConfig c = config.describedAs("dataset loader '" + NAME + "'");
        c.requireOnly(Parameter.names(PARAMETERS));
        Path edges = path(c, EDGES, "the edge table (columns src, dst, optional weight)");
        Path features = path(c, FEATURES, "the node-feature table (column id and the features)");
        TableFormat format = c.getString(FORMAT)
                .filter(s -> !s.isBlank())
                .map(TableFormat::parse)
                .orElse(null);
        return new TablesLoader(edges, features, format);
    }

    private static Path path(ComponentConfig c, String option, String what) {
        String value = c.getString(option)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(String.format(
                        Locale.ROOT,
                        "Option '%s' of dataset loader 'tables' is required: the path of %s",
                        option,
                        what)));
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(
                    String.format(
                            Locale.ROOT,
                            "Option '%s' of dataset loader 'tables' must be a path, got '%s' (%s)",
                            option,
                            value,
                            e.getMessage()),
                    e);
        }
    }
}
