// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.ConfigException;
import java.util.Locale;

/** How a table is stored: Parquet, or CSV with a header line. */
public enum TableFormat {
    PARQUET,
    CSV;

    /**
     * CSV for a path ending in {@code .csv} or {@code .csv.<compression>} (e.g. {@code .csv.gz}), Parquet otherwise:
     * the rule of gae-spark's {@code GraphReader.Format.of}, so that both read a table the same way.
     */
    public static TableFormat of(String path) {
        String name = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        return name.endsWith(".csv") || name.matches(".*\\.csv\\.[a-z0-9]+$") ? CSV : PARQUET;
    }

    /** The option value: {@code csv} or {@code parquet}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses option {@code format}: {@code csv} or {@code parquet}, any case. */
    static TableFormat parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (TableFormat f : values()) {
            if (f.optionValue().equals(v)) {
                return f;
            }
        }
        throw new ConfigException(String.format(
                Locale.ROOT,
                "Option 'format' of dataset loader 'tables' must be csv or parquet (or left out: by each path's name),"
                        + " got '%s'",
                value));
    }
}
