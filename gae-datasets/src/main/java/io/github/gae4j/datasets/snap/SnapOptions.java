// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import io.github.gae4j.core.error.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How {@link SnapLoader} reads an edge list.
 *
 * @param directed  whether the file lists directed edges. The graph is symmetric either way (GAE uses
 *                  undirected graphs); the report then counts reciprocal pairs instead of reversed duplicates
 * @param ids       how node ids are read
 * @param weights   what to do with a third column
 * @param comment   the prefix of comment lines (leading whitespace ignored); empty for none
 * @param separator how fields are separated
 * @param header    whether the first line that is not blank or a comment is a header to skip
 */
public record SnapOptions(
        boolean directed, IdMode ids, WeightPolicy weights, String comment, Separator separator, boolean header) {

    /** The defaults: undirected, ids=auto, weights=ignore, comment {@code #}, separator=auto, no header. */
    public static final SnapOptions DEFAULTS =
            new SnapOptions(false, IdMode.AUTO, WeightPolicy.IGNORE, "#", Separator.AUTO, false);

    public SnapOptions {
        Objects.requireNonNull(ids, "ids is null");
        Objects.requireNonNull(weights, "weights is null");
        Objects.requireNonNull(comment, "comment is null");
        Objects.requireNonNull(separator, "separator is null");
    }

    public SnapOptions withDirected(boolean value) {
        return new SnapOptions(value, ids, weights, comment, separator, header);
    }

    public SnapOptions withIds(IdMode value) {
        return new SnapOptions(directed, value, weights, comment, separator, header);
    }

    public SnapOptions withWeights(WeightPolicy value) {
        return new SnapOptions(directed, ids, value, comment, separator, header);
    }

    public SnapOptions withComment(String value) {
        return new SnapOptions(directed, ids, weights, value, separator, header);
    }

    public SnapOptions withSeparator(Separator value) {
        return new SnapOptions(directed, ids, weights, comment, value, header);
    }

    public SnapOptions withHeader(boolean value) {
        return new SnapOptions(directed, ids, weights, comment, separator, value);
    }

    /** Parses an enum option value by its lower-case name, or fails listing the allowed values. */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v)) {
                return e;
            }
        }
        throw new ConfigException(String.format(
                Locale.ROOT,
                "Option '%s' of dataset loader 'snap' must be one of %s, got '%s'",
                option,
                Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")),
                value));
    }
}
